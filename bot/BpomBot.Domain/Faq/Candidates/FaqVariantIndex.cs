namespace BpomBot.Domain.Faq.Candidates;

/// <summary>
/// The retriever in use: the shipped knowledge base merged with the candidate variants a petugas HALOBPOM accepted.
/// Accepted variants are read from storage on first use and every <see cref="RefreshInterval"/> (so every bot
/// instance picks up a review), and at once after an accept on this instance. No redeploy is needed.
/// </summary>
public sealed class FaqVariantIndex(FaqRetriever shipped, IFaqCandidateRepository repository, TimeProvider timeProvider)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    private volatile FaqRetriever current = shipped;
    private DateTimeOffset? loadedAt;

    /// <summary>The shipped retriever (topic lookups: accepted variants never add topics).</summary>
    public FaqRetriever Shipped { get; } = shipped;

    /// <summary>The current retriever; reloads accepted variants when they are stale. A storage failure propagates.</summary>
    public async ValueTask<FaqRetriever> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        if (loadedAt is { } at && now - at < RefreshInterval)
        {
            return current;
        }

        await ReloadAsync(cancellationToken);
        return current;
    }

    /// <summary>Rebuilds from storage. Concurrent reloads are harmless: each builds a complete index and the last one wins.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var accepted = await repository.ListByStatusAsync(FaqCandidateStatus.Diterima, cancellationToken);
        current = Shipped.WithExtraQuestions(accepted.Select(c => (c.TopicId, c.Question, c.Language)));
        loadedAt = timeProvider.GetUtcNow();
    }
}
