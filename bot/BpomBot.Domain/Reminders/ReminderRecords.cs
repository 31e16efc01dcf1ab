using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Reminders;

/// <summary>
/// The reminder state of one subject. <paramref name="Generation"/> grows on every (re)schedule; items of an older
/// generation are dropped by the sweep. <paramref name="AcknowledgedOn"/> is the recipient's local date of their last "Diterima".
/// </summary>
public sealed record ReminderSubjectState(
    ReminderSubject Subject,
    int Generation,
    bool Cancelled,
    DateOnly? AcknowledgedOn,
    DateTimeOffset UpdatedAt,
    string? Version = null);

/// <summary>
/// One planned reminder for one person at one instant (UTC DueAt), stored in its due-time bucket while pending.
/// Handling it (sending or skipping) removes it with a conditional delete: that is the claim.
/// </summary>
public sealed record ReminderItem(
    string Id,
    string SubjectId,
    int Generation,
    string RecipientId,
    string RecipientUnitId,
    DateTimeOffset DueAt,
    ReminderOccurrence Occurrence,
    string? Version = null)
{
    /// <summary>A deterministic id, so that two sweeps planning the same reminder write it once.</summary>
    public static string MakeId(string subjectId, int generation, ReminderOccurrence occurrence, string recipientId) =>
        $"{subjectId}|g{generation}|{occurrence.Date:yyyyMMdd}{occurrence.Time:HHmm}|{occurrence.Kind}|{recipientId}";
}

/// <summary>Delivery status of a notification (one message: a digest or a single reminder).</summary>
public enum NotificationStatus
{
    Queued,
    Sent,
    Retried,
    Throttled,
    Failed,
    Skipped,
}

/// <summary>One line of a notification. OfficerId is set for an escalation: the officer the item belongs to.</summary>
public sealed record NotificationItem(
    string SubjectId,
    string Title,
    ReminderKind Kind,
    int WorkingDays,
    DateOnly DueDate,
    bool IsPlannedDate,
    string Sifat,
    string? OfficerId);

/// <summary>
/// One message to one person, keyed by (<paramref name="DueAt"/> bucket, <paramref name="Id"/>). Created by the sweep with a
/// conditional insert (the claim), then updated by delivery: queued → sent | retried | throttled | failed (dead letter, with the reason).
/// </summary>
public sealed record Notification(
    string Id,
    string RecipientId,
    string RecipientUnitId,
    DateOnly LocalDate,
    DateTimeOffset DueAt,
    bool IsDigest,
    IReadOnlyList<NotificationItem> Items,
    NotificationStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset UpdatedAt,
    string? Version = null)
{
    public bool IsFinished => Status is NotificationStatus.Sent or NotificationStatus.Failed or NotificationStatus.Skipped;
}
