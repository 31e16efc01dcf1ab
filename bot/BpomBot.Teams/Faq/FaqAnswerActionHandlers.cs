using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Faq;

/// <summary>👍/👎 on an answer: stores the verdict (and the optional reason) and thanks the user on the same card.</summary>
public sealed class FaqFeedbackActionHandler(
    FaqRetriever retriever, IFaqFeedbackRepository feedback, TimeProvider timeProvider, ILogger<FaqFeedbackActionHandler> logger) : ICardActionHandler
{
    public const int MaxReasonLength = 500;

    public string Verb => Verbs.FaqFeedback;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var helpfulText = action.GetString("helpful");
        if (action.GetString("topic") is not { } topicId || retriever.KnowledgeBase.Find(topicId) is not { } entry
            || helpfulText is not ("ya" or "tidak"))
        {
            return InvokeResponse.Error(400, "BadRequest", "Penilaian ini tidak dikenali (topik atau nilai tidak ada).");
        }

        var helpful = helpfulText == "ya";
        var reason = helpful ? null : action.GetString("reason")?.Trim() is { Length: > 0 } r ? r[..Math.Min(r.Length, MaxReasonLength)] : null;
        await feedback.AddAsync(new FaqFeedbackRecord(entry.Id, helpful, reason, timeProvider.GetUtcNow()), cancellationToken);
        logger.FeedbackStored(entry.Id, helpful);
        return InvokeResponse.Card(FaqCards.Answer(entry, FaqActionData.Language(action), action.GetString("q") ?? string.Empty, feedbackGiven: true));
    }
}

/// <summary>A "did you mean" button: shows that topic's answer in place of the not-sure card.</summary>
public sealed class FaqTopicActionHandler(FaqRetriever retriever) : ICardActionHandler
{
    public string Verb => Verbs.FaqTopic;

    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Task.FromResult(action.GetString("topic") is { } topicId && retriever.KnowledgeBase.Find(topicId) is { } entry
            ? InvokeResponse.Card(FaqCards.Answer(entry, FaqActionData.Language(action), action.GetString("q") ?? string.Empty))
            : InvokeResponse.Error(400, "BadRequest", "Topik FAQ ini tidak dikenal."));
    }
}

/// <summary>The "Tanya petugas" button: hands the question over and posts the confirmation as a new message.</summary>
public sealed class FaqAskOfficerActionHandler(FaqHandOff handOff) : ICardActionHandler
{
    public string Verb => Verbs.FaqAskOfficer;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var language = FaqActionData.Language(action);
        var card = await handOff.HandOffAsync(turn.Activity, action.GetString("q") ?? string.Empty, language, cancellationToken);
        await turn.SendAsync(AdaptiveCard.ToMessage(card), cancellationToken);
        return InvokeResponse.Message(language == FaqLanguage.En ? "Done." : "Selesai.");
    }
}

internal static class FaqActionData
{
    public static FaqLanguage Language(CardAction action) => action.GetString("lang") == "en" ? FaqLanguage.En : FaqLanguage.Id;
}
