using System.Globalization;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Reminders;

/// <summary>An in-memory <see cref="IReminderStore"/> with the same conditional-write rules as the table adapter (tests, local runs).</summary>
public sealed class InMemoryReminderStore : IReminderStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ReminderSubjectState> subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReminderItem> items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Notification> notifications = new(StringComparer.Ordinal);
    private long version;

    public IReadOnlyList<ReminderItem> Items
    {
        get
        {
            lock (gate)
            {
                return [.. items.Values];
            }
        }
    }

    public Task<ReminderSubjectState?> GetSubjectAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(subjects.GetValueOrDefault(subjectId));
        }
    }

    public Task<ReminderSubjectState> SaveSubjectAsync(ReminderSubjectState state, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var id = state.Subject.SubjectId;
            var current = subjects.GetValueOrDefault(id);
            if (current?.Version != state.Version)
            {
                throw new ConcurrencyConflictException("subject changed");
            }

            var saved = state with { Version = Next() };
            subjects[id] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<bool> TryAddItemAsync(ReminderItem item, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(items.TryAdd(item.Id, item with { Version = Next() }));
        }
    }

    public Task<IReadOnlyList<ReminderItem>> ListDueItemsAsync(DateTimeOffset now, TimeSpan lookback, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ReminderItem>>([.. items.Values
                .Where(i => i.DueAt > now - lookback && i.DueAt <= now)
                .OrderBy(i => i.DueAt)]);
        }
    }

    public Task<bool> TryRemoveItemAsync(ReminderItem item, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(items.TryGetValue(item.Id, out var current) && current.Version == item.Version && items.Remove(item.Id));
        }
    }

    public Task<Notification?> GetNotificationAsync(DateTimeOffset dueAt, string id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(notifications.GetValueOrDefault(id));
        }
    }

    public Task<Notification?> TryAddNotificationAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var saved = notification with { Version = Next() };
            return Task.FromResult(notifications.TryAdd(notification.Id, saved) ? saved : null);
        }
    }

    public Task<Notification?> TryUpdateNotificationAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!notifications.TryGetValue(notification.Id, out var current) || current.Version != notification.Version)
            {
                return Task.FromResult<Notification?>(null);
            }

            var saved = notification with { Version = Next() };
            notifications[notification.Id] = saved;
            return Task.FromResult<Notification?>(saved);
        }
    }

    public Task<IReadOnlyList<Notification>> ListNotificationsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Notification>>([.. notifications.Values
                .Where(n => n.DueAt >= from && n.DueAt <= to)
                .OrderByDescending(n => n.DueAt)]);
        }
    }

    private string Next() => (++version).ToString(CultureInfo.InvariantCulture);
}
