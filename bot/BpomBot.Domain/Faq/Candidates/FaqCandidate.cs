namespace BpomBot.Domain.Faq.Candidates;

/// <summary>Where a candidate variant came from.</summary>
public enum FaqCandidateSource
{
    /// <summary>The user picked this topic from the "Mungkin maksud Anda…?" buttons.</summary>
    Dipilih,

    /// <summary>The user gave 👎 and named the right topic.</summary>
    Koreksi,
}

public enum FaqCandidateStatus
{
    Baru,
    Diterima,
    Ditolak,
}

/// <summary>
/// A citizen's question proposed as a new sample question ("variant") of a topic. <see cref="Question"/> has personal
/// data removed. <see cref="Id"/> is derived from the topic and the normalised question, so the same question proposed
/// twice is one candidate. <see cref="Version"/> is the storage ETag.
/// </summary>
public sealed record FaqCandidateVariant(
    string Id,
    string TopicId,
    string Question,
    FaqLanguage Language,
    FaqCandidateSource Source,
    FaqCandidateStatus Status,
    DateTimeOffset CreatedAt,
    string? ReviewedBy = null,
    DateTimeOffset? ReviewedAt = null,
    string? Version = null);

/// <summary>A question the bot did not answer (choice band or out of scope), for the weekly `faq laporan`.</summary>
public sealed record FaqDeclinedQuestion(string Question, DateTimeOffset At, string? OfferedTopic);

/// <summary>Candidate variants and declined questions (table storage in production, in-memory in tests and local mode).</summary>
public interface IFaqCandidateRepository
{
    Task<FaqCandidateVariant?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates (Version null: fails with <see cref="Abstractions.ConcurrencyConflictException"/> if it exists) or
    /// updates (Version = the ETag read) a candidate; returns it with the new version.
    /// </summary>
    Task<FaqCandidateVariant> SaveAsync(FaqCandidateVariant candidate, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FaqCandidateVariant>> ListByStatusAsync(FaqCandidateStatus status, CancellationToken cancellationToken = default);

    Task AddDeclinedAsync(FaqDeclinedQuestion question, CancellationToken cancellationToken = default);

    /// <summary>Declined questions at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<FaqDeclinedQuestion>> ListDeclinedAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
