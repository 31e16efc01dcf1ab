using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Candidates;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Faq;

/// <summary>
/// 👍/👎 on an answer: stores the verdict (and the optional reason) and thanks the user on the same card. A 👎 that
/// names the right topic makes the question a candidate variant of that topic.
/// </summary>
public sealed class FaqFeedbackActionHandler(
    FaqRetriever retriever, IFaqFeedbackRepository feedback, FaqCandidateDesk candidates, TimeProvider timeProvider, ILogger<FaqFeedbackActionHandler> logger) : ICardActionHandler
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
            return InvokeResponse.Error(400, "BadRequest", FaqActionData.Language(action) == FaqLanguage.En
                ? "This rating is not recognised (no topic or value)."
                : "Penilaian ini tidak dikenali (topik atau nilai tidak ada).");
        }

        var helpful = helpfulText == "ya";
        var reason = helpful ? null : action.GetString("reason")?.Trim() is { Length: > 0 } r ? r[..Math.Min(r.Length, MaxReasonLength)] : null;
        await feedback.AddAsync(new FaqFeedbackRecord(entry.Id, helpful, reason, timeProvider.GetUtcNow()), cancellationToken);
        logger.FeedbackStored(entry.Id, helpful);
        if (!helpful && action.GetString("right") is { Length: > 0 } right && right != entry.Id && retriever.KnowledgeBase.Find(right) is not null)
        {
            await FaqCandidateProposal.ProposeAsync(candidates, right, action, FaqCandidateSource.Koreksi, logger, cancellationToken);
        }

        return InvokeResponse.Card(FaqCards.Answer(entry, FaqActionData.Language(action), action.GetString("q") ?? string.Empty, feedbackGiven: true));
    }
}

/// <summary>
/// A "did you mean" button: shows that topic's answer in place of the not-sure card, and keeps the question as a
/// candidate variant of the picked topic for a petugas HALOBPOM to review.
/// </summary>
public sealed class FaqTopicActionHandler(FaqRetriever retriever, FaqCandidateDesk candidates, ILogger<FaqTopicActionHandler> logger) : ICardActionHandler
{
    public string Verb => Verbs.FaqTopic;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.GetString("topic") is not { } topicId || retriever.KnowledgeBase.Find(topicId) is not { } entry)
        {
            return InvokeResponse.Error(400, "BadRequest", FaqActionData.Language(action) == FaqLanguage.En ? "This FAQ topic is not known." : "Topik FAQ ini tidak dikenal.");
        }

        await FaqCandidateProposal.ProposeAsync(candidates, entry.Id, action, FaqCandidateSource.Dipilih, logger, cancellationToken);
        return InvokeResponse.Card(FaqCards.Answer(entry, FaqActionData.Language(action), action.GetString("q") ?? string.Empty));
    }
}

/// <summary>Turns the question carried by a card action into a candidate variant; storage trouble never blocks the answer.</summary>
internal static class FaqCandidateProposal
{
    public static async Task ProposeAsync(
        FaqCandidateDesk candidates, string topicId, CardAction action, FaqCandidateSource source, ILogger logger, CancellationToken cancellationToken)
    {
        if (action.GetString("q") is not { Length: > 0 } question)
        {
            return;
        }

        try
        {
            var outcome = await candidates.ProposeAsync(topicId, question, FaqActionData.Language(action), source, cancellationToken);
            logger.CandidateProposed(topicId, source.ToString(), outcome.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LearningStorageFailed(ex, "store candidate variant");
        }
    }
}

/// <summary>Terima on the candidate review card.</summary>
public sealed class FaqCandidateAcceptActionHandler(
    FaqCandidateDesk candidates, FaqVariantIndex index, FaqAccess access, IOptions<BotOptions> botOptions, ILogger<FaqCandidateAcceptActionHandler> logger)
    : FaqCandidateReviewActionHandler(FaqCards.FaqCandidateVerbs.Accept, candidates, index, access, botOptions, logger);

/// <summary>Tolak on the candidate review card.</summary>
public sealed class FaqCandidateRejectActionHandler(
    FaqCandidateDesk candidates, FaqVariantIndex index, FaqAccess access, IOptions<BotOptions> botOptions, ILogger<FaqCandidateRejectActionHandler> logger)
    : FaqCandidateReviewActionHandler(FaqCards.FaqCandidateVerbs.Reject, candidates, index, access, botOptions, logger);

/// <summary>
/// Terima/Tolak on the candidate review card (petugas HALOBPOM or admin; anyone in local mode). Deciding twice changes
/// nothing and says who decided first.
/// </summary>
public abstract class FaqCandidateReviewActionHandler(
    string verb, FaqCandidateDesk candidates, FaqVariantIndex index, FaqAccess access, IOptions<BotOptions> botOptions, ILogger logger) : ICardActionHandler
{
    public string Verb => verb;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var en = access.LanguageOf(turn.Activity, action) == FaqLanguage.En;
        var person = await access.FindAsync(turn.Activity, cancellationToken);
        if (!botOptions.Value.IsLocalMode && !(person is not null && (FaqAccess.HasRole(person, FaqAccess.OfficerRole) || FaqAccess.HasRole(person, FaqAccess.AdminRole))))
        {
            return InvokeResponse.Error(403, "Forbidden", en
                ? "Only HALOBPOM officers or admins can review FAQ candidates."
                : "Hanya petugas HALOBPOM atau admin yang dapat meninjau kandidat FAQ.");
        }

        if (action.GetString("candidate") is not { Length: > 0 } id)
        {
            return InvokeResponse.Error(400, "BadRequest", en ? "No FAQ candidate named." : "Kandidat FAQ tidak disebutkan.");
        }

        var reviewer = person?.Name ?? turn.Activity.From?.Name ?? "petugas";
        var result = verb == FaqCards.FaqCandidateVerbs.Accept
            ? await candidates.AcceptAsync(id, reviewer, cancellationToken)
            : await candidates.RejectAsync(id, reviewer, cancellationToken);
        logger.CandidateReviewed(id, result.Outcome.ToString());
        var notice = result.Outcome switch
        {
            // The notice sits on the candidate card, in the card's language (its buttons carry it).
            FaqReviewOutcome.NotFound => en ? $"⚠️ Candidate {id} not found." : $"⚠️ Kandidat {id} tidak ditemukan.",
            FaqReviewOutcome.AlreadyDecided => en
                ? $"ℹ️ Candidate {id} was already {(result.Candidate!.Status == FaqCandidateStatus.Diterima ? "accepted" : "rejected")} by {result.Candidate.ReviewedBy}; nothing was changed."
                : $"ℹ️ Kandidat {id} sudah {(result.Candidate!.Status == FaqCandidateStatus.Diterima ? "diterima" : "ditolak")} oleh {result.Candidate.ReviewedBy}; tidak ada yang diubah.",
            _ => result.Candidate!.Status == FaqCandidateStatus.Diterima
                ? en ? $"✅ Accepted: \"{result.Candidate.Question}\" now answers topic {result.Candidate.TopicId}."
                    : $"✅ Diterima: \"{result.Candidate.Question}\" kini menjawab topik {result.Candidate.TopicId}."
                : en ? $"Rejected: \"{result.Candidate.Question}\"." : $"Ditolak: \"{result.Candidate.Question}\".",
        };
        var pending = await candidates.PendingAsync(cancellationToken);
        return InvokeResponse.Card(FaqCards.Candidates(pending, index.Shipped.KnowledgeBase, notice, language: en ? FaqLanguage.En : FaqLanguage.Id));
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
