using BpomBot.Domain.Faq;

namespace BpomBot.Host.Faq;

internal static class FaqServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shipped FAQ knowledge base (validated at first use) and a singleton <see cref="FaqRetriever"/>
    /// (pure and thread-safe). The Teams side asks <c>FaqRetriever.Answer(text)</c>.
    /// </summary>
    public static IServiceCollection AddFaq(this IServiceCollection services, FaqRetrieverOptions? options = null)
    {
        services.AddSingleton(_ => FaqKnowledgeBaseLoader.Embedded);
        services.AddSingleton(sp => new FaqRetriever(sp.GetRequiredService<FaqKnowledgeBase>(), options: options));
        return services;
    }
}
