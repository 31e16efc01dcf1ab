using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Faq.Tickets;

/// <summary>One topic's feedback: how many verdicts, how many unhelpful, and the latest reasons given.</summary>
public sealed record FaqTopicFeedback(string TopicId, string Title, int Count, int Unhelpful, IReadOnlyList<string> RecentReasons)
{
    public double UnhelpfulShare => Count == 0 ? 0 : (double)Unhelpful / Count;
}

/// <summary>`faq laporan`: the least helpful topics, most 👎 first, then by share of 👎.</summary>
public static class FaqFeedbackReport
{
    /// <summary>Verdicts read per topic (newest first); older feedback does not count.</summary>
    public const int WindowPerTopic = 200;

    public static async Task<IReadOnlyList<FaqTopicFeedback>> BuildAsync(
        IFaqFeedbackRepository feedback, IEnumerable<FaqEntry> topics, int top = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(topics);
        var rows = new List<FaqTopicFeedback>();
        foreach (var topic in topics)
        {
            var verdicts = await feedback.ListByTopicAsync(topic.Id, WindowPerTopic, cancellationToken);
            rows.Add(Summarise(topic.Id, topic.Title.Id, verdicts));
        }

        return Rank(rows, top);
    }

    public static FaqTopicFeedback Summarise(string topicId, string title, IReadOnlyList<FaqFeedbackRecord> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var reasons = verdicts
            .Where(v => !v.Helpful && !string.IsNullOrWhiteSpace(v.Reason))
            .OrderByDescending(v => v.At)
            .Select(v => v.Reason!.Trim())
            .Take(3)
            .ToList();
        return new FaqTopicFeedback(topicId, title, verdicts.Count, verdicts.Count(v => !v.Helpful), reasons);
    }

    /// <summary>Topics with at least one 👎: most 👎 first, then highest share, then topic id (stable).</summary>
    public static IReadOnlyList<FaqTopicFeedback> Rank(IEnumerable<FaqTopicFeedback> rows, int top) =>
        [.. rows.Where(r => r.Unhelpful > 0)
            .OrderByDescending(r => r.Unhelpful)
            .ThenByDescending(r => r.UnhelpfulShare)
            .ThenBy(r => r.TopicId, StringComparer.Ordinal)
            .Take(top)];
}
