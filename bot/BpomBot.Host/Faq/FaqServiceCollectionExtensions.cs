using BpomBot.Domain.Faq;
using BpomBot.Storage.Faq;

namespace BpomBot.Host.Faq;

internal static class FaqServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shipped FAQ knowledge base (validated at first use) and a singleton <see cref="FaqRetriever"/>
    /// (pure and thread-safe), and the table storage of the learning loop (candidate variants, declined questions).
    /// </summary>
    public static IServiceCollection AddFaq(this IServiceCollection services, FaqRetrieverOptions? options = null)
    {
        services.AddSingleton(_ => FaqKnowledgeBaseLoader.Embedded);
        services.AddSingleton(sp => new FaqRetriever(sp.GetRequiredService<FaqKnowledgeBase>(), options: options));
        services.AddBpomFaqCandidateStorage();
        return services;
    }
}
