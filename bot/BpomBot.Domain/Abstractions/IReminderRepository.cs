namespace BpomBot.Domain.Abstractions;

/// <summary>Delivery status of a reminder.</summary>
public enum ReminderStatus
{
    Pending,
    Claimed,
    Sent,
    Cancelled,
    Failed,
}

/// <summary>
/// One scheduled notification. Minimal on purpose: the reminder feature adds what it needs.
/// <paramref name="Subject"/> is what it is about (e.g. "kegiatan/ABC/step/12"); <paramref name="Recipient"/> an Entra object id.
/// </summary>
public sealed record ReminderRecord(
    string Id,
    string Subject,
    string Recipient,
    DateTimeOffset DueAt,
    string Kind,
    ReminderStatus Status,
    string? Version = null);

/// <summary>Reminders laid out so a sweep reads only what is due.</summary>
public interface IReminderRepository
{
    Task<ReminderRecord?> GetAsync(string id, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>Inserts (Version null) or conditionally replaces (Version set). DueAt must not change on update.</summary>
    /// <exception cref="ConcurrencyConflictException">The reminder changed, or already exists, since it was read.</exception>
    Task<ReminderRecord> SaveAsync(ReminderRecord reminder, CancellationToken cancellationToken = default);

    /// <summary>Pending reminders with DueAt in (now - lookback, now], oldest first.</summary>
    Task<IReadOnlyList<ReminderRecord>> ListDueAsync(DateTimeOffset now, TimeSpan lookback, CancellationToken cancellationToken = default);

    /// <summary>Marks a pending reminder Claimed if nobody else did first; null when another sweep won.</summary>
    Task<ReminderRecord?> TryClaimAsync(ReminderRecord reminder, CancellationToken cancellationToken = default);
}
