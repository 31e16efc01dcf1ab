using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

public sealed class FaqTextAnalyzerTests
{
    private static readonly FaqTextAnalyzer Analyzer = new(FaqLexicon.Embedded, FaqLexicon.Embedded.RootsId, new HashSet<string> { "registered" });

    [Theory]
    [InlineData("gmn", "bagaimana")]
    [InlineData("gimana", "bagaimana")]
    [InlineData("sy", "saya")]
    [InlineData("utk", "untuk")]
    [InlineData("yg", "yang")]
    [InlineData("dgn", "dengan")]
    [InlineData("gak", "tidak")]
    [InlineData("nggak", "tidak")]
    [InlineData("tdk", "tidak")]
    [InlineData("udh", "sudah")]
    [InlineData("bs", "bisa")]
    [InlineData("krn", "karena")]
    [InlineData("ijin", "izin")]
    [InlineData("kadaluarsa", "kedaluwarsa")]
    public void Tokenize_ChatSlang_ReturnsStandardWord(string slang, string standard) => Assert.Equal([standard], Analyzer.Tokenize(slang));

    [Fact]
    public void Tokenize_MixedCasePunctuationAndMultiWordSlang_NormalisesAll()
    {
        Assert.Equal(["saya", "mau", "cek", "izin", "bpom", "di", "mana"], Analyzer.Tokenize("Sy mau CEK ijin BPOM... dmn?"));
    }

    [Theory]
    [InlineData("gatal2", "gatal")]
    [InlineData("obat-obat", "obat")]
    [InlineData("p-irt", "pirt")]
    [InlineData("e-meso", "emeso")]
    public void Tokenize_ReduplicationAndShortHyphen_JoinsOrCollapses(string text, string token) => Assert.Equal([token], Analyzer.Tokenize(text));

    [Fact]
    public void Tokenize_Diacritics_AreRemoved() => Assert.Equal(["cafe"], Analyzer.Tokenize("café"));

    [Fact]
    public void Terms_DropsStopwordsAndStems() => Assert.Equal(["daftar", "pangan"], Analyzer.Terms("gimana cara pendaftaran pangan yg benar"));

    [Fact]
    public void Stem_EnglishOnlyWord_UsesEnglishStemmer() => Assert.Equal("register", Analyzer.Stem("registered"));

    [Theory]
    [InlineData("how do I check my product", FaqLanguage.En)]
    [InlineData("is this cream registered?", FaqLanguage.En)]
    [InlineData("gmn cara cek produk ini", FaqLanguage.Id)]
    [InlineData("bpom", FaqLanguage.Id)]
    public void GuessLanguage_Question_DetectsLanguage(string text, FaqLanguage language) =>
        Assert.Equal(language, Analyzer.GuessLanguage(Analyzer.Tokenize(text)));
}
