using BpomBot.Domain.Faq.Candidates;

namespace BpomBot.Domain.Tests.Faq;

public sealed class FaqPersonalDataTests
{
    [Theory]
    [InlineData("cek produk ini, wa saya 0812-3456-7890 ya", "0812")]
    [InlineData("cek produk ini, wa saya +62 812 3456 7890 ya", "812")]
    [InlineData("email saya budi.santoso@mail.co.id tolong cek produk", "@")]
    [InlineData("nik 3201234567890123 cek produk", "3201234567890123")]
    public void Scrub_PersonalData_IsRemovedAndReported(string question, string leaked)
    {
        var (text, removed) = FaqPersonalData.Scrub(question);

        Assert.True(removed);
        Assert.DoesNotContain(leaked, text, StringComparison.Ordinal);
        Assert.Contains("cek produk", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_OfficialShortNumbers_Stay()
    {
        var (text, removed) = FaqPersonalData.Scrub("apakah 1500533 dan sms 1708 itu resmi");

        Assert.False(removed);
        Assert.Equal("apakah 1500533 dan sms 1708 itu resmi", text);
    }

    [Fact]
    public void Scrub_MarkupAndLength_AreCleaned()
    {
        var (text, _) = FaqPersonalData.Scrub("<script>x</script> **cara** cek " + string.Concat(Enumerable.Repeat("produk ", 200)));

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", text, StringComparison.Ordinal);
        Assert.True(text.Length <= FaqPersonalData.MaxLength);
        Assert.StartsWith("x cara cek produk", text, StringComparison.Ordinal);
    }
}
