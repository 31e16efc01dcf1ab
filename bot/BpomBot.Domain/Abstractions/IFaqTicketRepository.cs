namespace BpomBot.Domain.Abstractions;

/// <summary>Where a HALOBPOM question handed to a person stands.</summary>
public enum FaqTicketStatus
{
    Baru,
    Diambil,
    Dijawab,
    Ditutup,
}

/// <summary>
/// A question the FAQ could not answer, handed to an officer. <paramref name="AskerConversation"/> is the channel's
/// reference to the asker's conversation (opaque to the domain), so the answer reaches them where they asked.
/// </summary>
public sealed record FaqTicketRecord(
    string TicketId,
    string AskerAadObjectId,
    string Question,
    FaqTicketStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateOnly? DueDate,
    string? AssigneeAadObjectId = null,
    string? Answer = null,
    string? Version = null,
    string? AskerName = null,
    string? AskerConversation = null,
    string? AssigneeName = null,
    DateTimeOffset? TakenAt = null,
    DateTimeOffset? AnsweredAt = null,
    DateTimeOffset? ClosedAt = null);

/// <summary>A person's verdict on one FAQ answer.</summary>
public sealed record FaqFeedbackRecord(string TopicId, bool Helpful, string? Reason, DateTimeOffset At);

public interface IFaqTicketRepository
{
    Task<FaqTicketRecord?> GetAsync(string ticketId, CancellationToken cancellationToken = default);

    /// <exception cref="ConcurrencyConflictException">The ticket changed, or already exists, since it was read.</exception>
    Task<FaqTicketRecord> SaveAsync(FaqTicketRecord ticket, CancellationToken cancellationToken = default);

    /// <summary>Tickets in the given status, oldest first.</summary>
    Task<IReadOnlyList<FaqTicketRecord>> ListByStatusAsync(FaqTicketStatus status, CancellationToken cancellationToken = default);
}

public interface IFaqFeedbackRepository
{
    Task AddAsync(FaqFeedbackRecord feedback, CancellationToken cancellationToken = default);

    /// <summary>Feedback on one topic, newest first.</summary>
    Task<IReadOnlyList<FaqFeedbackRecord>> ListByTopicAsync(string topicId, int max, CancellationToken cancellationToken = default);
}
