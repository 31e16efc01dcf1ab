using BpomBot.Teams.Conversation.Views;

namespace BpomBot.Teams.Tests.Cards;

public sealed class TextTests
{
    [Fact]
    public void Fold_Short_IsKeptWhole_OnOneLine() => Assert.Equal("a b c.", Text.Fold("a\n b\tc.", 20));

    [Fact]
    public void Fold_EndsOnAWholeSentence_NotOnAListMarker()
    {
        const string keterangan = "Pemangku kepentingan antara lain: a. Asosiasi Pelaku Usaha. b. Pelaku Usaha. c. Pemerintah Daerah. d. Organisasi Profesi.";
        var folded = Text.Fold(keterangan, 90);
        Assert.Equal("Pemangku kepentingan antara lain: a. Asosiasi Pelaku Usaha. b. Pelaku Usaha…", folded);
        Assert.True(folded.Length <= 90);
    }

    [Fact]
    public void Fold_WithoutSentences_CutsAtAWord_NeverMidWord()
    {
        var folded = Text.Fold("Melakukan perencanaan advokasi Obat dan Makanan bersama pemangku kepentingan", 40);
        Assert.Equal("Melakukan perencanaan advokasi Obat dan…", folded);
    }

    [Theory]
    [InlineData("Rencana advokasi", "Rencana advokasi.")]
    [InlineData("Obat dan Makanan.", "Obat dan Makanan.")]
    [InlineData("Laporan.. ", "Laporan.")]
    public void Sentence_HasExactlyOneFullStop(string text, string expected) => Assert.Equal(expected, Text.Sentence(text));
}
