using BpomBot.Domain.Understanding;

namespace BpomBot.Domain.Tests.Understanding;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("judulnya FGD keamanan pangan dengan Pemda Medan", "FGD keamanan pangan dengan Pemda Medan")]
    [InlineData("judul: FGD keamanan pangan", "FGD keamanan pangan")]
    [InlineData("Judul kegiatannya adalah Bimtek CPPOB UMKM", "Bimtek CPPOB UMKM")]
    [InlineData("namanya \"Sosialisasi pangan jajanan sekolah\"", "Sosialisasi pangan jajanan sekolah")]
    [InlineData("the title is Food safety FGD with Medan city", "Food safety FGD with Medan city")]
    [InlineData("title: Cosmetics workshop", "Cosmetics workshop")]
    [InlineData("it's called Jamu SME coaching", "Jamu SME coaching")]
    [InlineData("alasannya karena narasumber sakit", "narasumber sakit")]
    [InlineData("the reason is the budget was cut", "the budget was cut")]
    public void A_lead_in_naming_what_is_answered_is_not_part_of_the_answer(string text, string expected) =>
        Assert.Equal(expected, FreeText.StripLeadIn(text));

    [Theory]
    [InlineData("FGD keamanan pangan dengan Pemda Kota Medan")]
    [InlineData("Judi online dan keamanan pangan")]
    [InlineData("menunggu jadwal narasumber")]
    [InlineData("judul")]
    [InlineData("judulnya ab")]
    public void Text_without_a_lead_in_or_with_nothing_after_it_is_kept_as_typed(string text) =>
        Assert.Equal(text, FreeText.StripLeadIn(text));

    [Fact]
    public void Null_and_blank_give_an_empty_answer()
    {
        Assert.Equal(string.Empty, FreeText.StripLeadIn(null));
        Assert.Equal(string.Empty, FreeText.StripLeadIn("   "));
    }

    [Theory]
    [InlineData("pemerintah daerah dong", "pemerintah daerah")]
    [InlineData("Pemda aja ya pak", "Pemda")]
    [InlineData("Komunitas pendidikan", "Komunitas pendidikan")]
    public void Particles_are_dropped_from_a_typed_choice(string text, string expected) =>
        Assert.Equal(expected, FreeText.WithoutParticles(text));
}
