using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

public sealed class TypoCorrectorTests
{
    private static readonly TypoCorrector Corrector = new(new Dictionary<string, int>
    {
        ["kosmetik"] = 10,
        ["kedaluwarsa"] = 5,
        ["formalin"] = 3,
        ["halobpom"] = 4,
        ["obat"] = 20,
        ["pangan"] = 8,
        ["panggan"] = 1,
    });

    [Theory]
    [InlineData("kosmetik", "kosmetki", 1)] // adjacent swap counts once (Damerau)
    [InlineData("kosmetik", "kosmetk", 1)]
    [InlineData("kosmetik", "kosmetik", 0)]
    [InlineData("formalin", "formalni", 1)]
    [InlineData("abc", "xyz", 3)]
    public void Distance_Pairs_ReturnsOptimalStringAlignment(string a, string b, int expected) => Assert.Equal(expected, TypoCorrector.Distance(a, b, 5));

    [Fact]
    public void Distance_BeyondLimit_StopsAtLimitPlusOne() => Assert.Equal(2, TypoCorrector.Distance("kosmetik", "kxsxexik", 1));

    [Theory]
    [InlineData("kosmetk", "kosmetik")]
    [InlineData("kedaluarsa", "kedaluwarsa")]
    [InlineData("formlain", "formalin")]
    [InlineData("halobpm", "halobpom")]
    public void Correct_Misspelling_ReturnsVocabularyWord(string typo, string word) => Assert.Equal(word, Corrector.Correct(typo));

    [Theory]
    [InlineData("obta")] // four letters: too short to correct safely
    [InlineData("xosmetik")] // first letter differs
    [InlineData("kosmonot")] // too far
    public void Correct_UnsafeOrDistant_ReturnsNull(string word) => Assert.Null(Corrector.Correct(word));

    [Fact]
    public void Correct_Tie_PrefersMoreFrequentWord() => Assert.Equal("pangan", Corrector.Correct("panggn"));
}
