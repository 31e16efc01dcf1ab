using BpomBot.Domain.Faq;
using BpomBot.Host.Faq;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Host.Tests.Faq;

public sealed class FaqServiceCollectionExtensionsTests
{
    [Fact]
    public void AddFaq_ResolvesSingletonRetrieverOverShippedKnowledgeBase()
    {
        using var provider = new ServiceCollection().AddFaq().BuildServiceProvider();
        var retriever = provider.GetRequiredService<FaqRetriever>();
        Assert.Same(retriever, provider.GetRequiredService<FaqRetriever>());
        Assert.Equal(44, provider.GetRequiredService<FaqKnowledgeBase>().Entries.Count);
        Assert.Equal("kontak-halobpom", retriever.Answer("nomor telepon halobpom").Entry?.Id);
    }

    [Fact]
    public void AddFaq_Options_AreApplied()
    {
        using var provider = new ServiceCollection().AddFaq(new FaqRetrieverOptions { Threshold = 1.01 }).BuildServiceProvider();
        Assert.Null(provider.GetRequiredService<FaqRetriever>().Answer("nomor telepon halobpom").Entry);
    }
}
