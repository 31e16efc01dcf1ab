namespace BpomBot.Domain.Reminders;

/// <summary>
/// Reminder persistence. Items and notifications are laid out by due-time bucket so that a sweep reads only what is due.
/// Every write is conditional: inserts fail when the row exists, updates when its version changed.
/// </summary>
public interface IReminderStore
{
    Task<ReminderSubjectState?> GetSubjectAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>Inserts (Version null) or conditionally replaces the subject's state.</summary>
    /// <exception cref="Abstractions.ConcurrencyConflictException">Somebody else wrote it first.</exception>
    Task<ReminderSubjectState> SaveSubjectAsync(ReminderSubjectState state, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new item; false when an item with the same id and due time already exists.</summary>
    Task<bool> TryAddItemAsync(ReminderItem item, CancellationToken cancellationToken = default);

    /// <summary>Items with DueAt in (now - lookback, now], oldest first.</summary>
    Task<IReadOnlyList<ReminderItem>> ListDueItemsAsync(DateTimeOffset now, TimeSpan lookback, CancellationToken cancellationToken = default);

    /// <summary>Claims an item read earlier by deleting it if unchanged; false when another sweep got it first.</summary>
    Task<bool> TryRemoveItemAsync(ReminderItem item, CancellationToken cancellationToken = default);

    Task<Notification?> GetNotificationAsync(DateTimeOffset dueAt, string id, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new notification (the send claim); null when it already exists.</summary>
    Task<Notification?> TryAddNotificationAsync(Notification notification, CancellationToken cancellationToken = default);

    /// <summary>Conditionally replaces a notification read earlier; null when it changed since.</summary>
    Task<Notification?> TryUpdateNotificationAsync(Notification notification, CancellationToken cancellationToken = default);

    /// <summary>Notifications whose DueAt lies in [from, to], newest first.</summary>
    Task<IReadOnlyList<Notification>> ListNotificationsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>A person to remind.</summary>
public sealed record ReminderRecipient(string PersonId, string UnitId);

/// <summary>Where people are: their unit's zone and their atasan.</summary>
public interface IReminderDirectory
{
    /// <summary>The unit's zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura).</summary>
    TimeZoneInfo ZoneOf(string unitId);

    /// <summary>The officer's atasan, or null when the roster does not name one.</summary>
    Task<ReminderRecipient?> FindAtasanAsync(string personId, string unitId, CancellationToken cancellationToken = default);
}

/// <summary>Hands a claimed notification to delivery (rate-limited, retried, its status recorded).</summary>
public interface IReminderNotifier
{
    ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken = default);
}
