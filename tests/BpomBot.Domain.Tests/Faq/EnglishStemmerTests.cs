using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

public sealed class EnglishStemmerTests
{
    [Theory]
    [InlineData("products", "product")]
    [InlineData("supplies", "supply")]
    [InlineData("registered", "register")]
    [InlineData("registering", "register")]
    [InlineData("shipping", "ship")]
    [InlineData("boxes", "box")]
    [InlineData("glass", "glass")]
    [InlineData("status", "status")]
    [InlineData("is", "is")]
    public void Stem_EnglishWord_ReturnsLightStem(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));
}
