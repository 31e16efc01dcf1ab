using System.Security.Cryptography;
using System.Text;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;

namespace BpomBot.Domain.Faq.Candidates;

public enum FaqProposalOutcome
{
    Stored,
    AlreadyKnown,
    Refused,
}

public enum FaqReviewOutcome
{
    Done,
    AlreadyDecided,
    NotFound,
}

public sealed record FaqReviewResult(FaqReviewOutcome Outcome, FaqCandidateVariant? Candidate);

/// <summary>One line of the weekly report: a declined question (normalised), how often, and the topic last offered.</summary>
public sealed record FaqDeclinedRow(string Question, int Count, string? OfferedTopic);

/// <summary>
/// The learning loop: questions whose topic a user picked (or named with 👎) become candidate variants; a petugas
/// HALOBPOM accepts or rejects each; accepted ones join the index at once (<see cref="FaqVariantIndex"/>). Every
/// decision is audited. Personal data is stripped before anything is stored.
/// </summary>
public sealed class FaqCandidateDesk(IFaqCandidateRepository repository, FaqVariantIndex index, IAuditLog audit, TimeProvider timeProvider)
{
    /// <summary>Fewest words a stored question must keep after cleaning.</summary>
    public const int MinWords = 2;

    public async Task<FaqProposalOutcome> ProposeAsync(
        string topicId, string question, FaqLanguage language, FaqCandidateSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        ArgumentNullException.ThrowIfNull(question);
        var entry = index.Shipped.KnowledgeBase.Find(topicId);
        var (text, _) = FaqPersonalData.Scrub(question);
        var normalised = FaqPersonalData.Normalise(text);
        if (entry is null || normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinWords)
        {
            return FaqProposalOutcome.Refused;
        }

        if (entry.QuestionsId.Concat(entry.QuestionsEn).Any(q => FaqPersonalData.Normalise(q) == normalised))
        {
            return FaqProposalOutcome.AlreadyKnown;
        }

        var id = IdOf(topicId, normalised);
        if (await repository.GetAsync(id, cancellationToken) is not null)
        {
            return FaqProposalOutcome.AlreadyKnown;
        }

        try
        {
            await repository.SaveAsync(
                new FaqCandidateVariant(id, topicId, text, language, source, FaqCandidateStatus.Baru, timeProvider.GetUtcNow()), cancellationToken);
            return FaqProposalOutcome.Stored;
        }
        catch (ConcurrencyConflictException)
        {
            return FaqProposalOutcome.AlreadyKnown;
        }
    }

    public Task<IReadOnlyList<FaqCandidateVariant>> PendingAsync(CancellationToken cancellationToken = default) =>
        repository.ListByStatusAsync(FaqCandidateStatus.Baru, cancellationToken);

    public Task<FaqReviewResult> AcceptAsync(string id, string reviewer, CancellationToken cancellationToken = default) =>
        DecideAsync(id, reviewer, FaqCandidateStatus.Diterima, cancellationToken);

    public Task<FaqReviewResult> RejectAsync(string id, string reviewer, CancellationToken cancellationToken = default) =>
        DecideAsync(id, reviewer, FaqCandidateStatus.Ditolak, cancellationToken);

    /// <summary>Records a question the bot did not answer, without personal data.</summary>
    public Task RecordDeclinedAsync(string question, string? offeredTopic, CancellationToken cancellationToken = default)
    {
        var (text, _) = FaqPersonalData.Scrub(question ?? string.Empty);
        return text.Length == 0
            ? Task.CompletedTask
            : repository.AddDeclinedAsync(new FaqDeclinedQuestion(text, timeProvider.GetUtcNow(), offeredTopic), cancellationToken);
    }

    /// <summary>The most frequent declined questions of the last seven days.</summary>
    public async Task<IReadOnlyList<FaqDeclinedRow>> DeclinedThisWeekAsync(int top = 10, CancellationToken cancellationToken = default)
    {
        var since = timeProvider.GetUtcNow().AddDays(-7);
        var rows = await repository.ListDeclinedAsync(since, cancellationToken);
        return [.. rows
            .GroupBy(r => FaqPersonalData.Normalise(r.Question), StringComparer.Ordinal)
            .Select(g => new FaqDeclinedRow(g.First().Question, g.Count(), g.First().OfferedTopic))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Question, StringComparer.Ordinal)
            .Take(top)];
    }

    public static string IdOf(string topicId, string normalisedQuestion)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(topicId + "\n" + normalisedQuestion));
        return "v" + Convert.ToHexStringLower(hash)[..12];
    }

    private async Task<FaqReviewResult> DecideAsync(string id, string reviewer, FaqCandidateStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(reviewer);
        for (var attempt = 0; ; attempt++)
        {
            var candidate = await repository.GetAsync(id.Trim(), cancellationToken);
            if (candidate is null)
            {
                return new FaqReviewResult(FaqReviewOutcome.NotFound, null);
            }

            if (candidate.Status != FaqCandidateStatus.Baru)
            {
                return new FaqReviewResult(FaqReviewOutcome.AlreadyDecided, candidate);
            }

            var now = timeProvider.GetUtcNow();
            FaqCandidateVariant saved;
            try
            {
                saved = await repository.SaveAsync(candidate with { Status = status, ReviewedBy = reviewer, ReviewedAt = now }, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 2)
            {
                continue;
            }

            await audit.AppendAsync(new AuditEvent(
                $"faq-candidate:{saved.Id}", reviewer, null, status == FaqCandidateStatus.Diterima ? "faq.candidate.accepted" : "faq.candidate.rejected",
                now, nameof(FaqCandidateStatus.Baru), status.ToString(), $"{saved.TopicId}: {saved.Question}"), cancellationToken);
            if (status == FaqCandidateStatus.Diterima)
            {
                await index.ReloadAsync(cancellationToken);
            }

            return new FaqReviewResult(FaqReviewOutcome.Done, saved);
        }
    }
}
