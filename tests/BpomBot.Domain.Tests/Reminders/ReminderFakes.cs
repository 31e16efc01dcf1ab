using System.Collections.Concurrent;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Reminders;

namespace BpomBot.Domain.Tests.Reminders;

/// <summary>A small HK calendar for tests: weekends plus the 2026 national holidays and cuti bersama of March–May.</summary>
internal sealed class TestCalendar : IWorkingDayCalendar
{
    private static readonly HashSet<DateOnly> Holidays =
    [
        // Nyepi + Idul Fitri 1447 H (libur and cuti bersama): Wed 18 – Tue 24 March 2026.
        new(2026, 3, 18), new(2026, 3, 19), new(2026, 3, 20), new(2026, 3, 21), new(2026, 3, 22), new(2026, 3, 23), new(2026, 3, 24),
        new(2026, 4, 3), new(2026, 4, 5), new(2026, 5, 1),
        // Kenaikan Yesus Kristus + cuti bersama: Thu 14 – Fri 15 May 2026 (a four-day weekend).
        new(2026, 5, 14), new(2026, 5, 15), new(2026, 5, 27), new(2026, 5, 28), new(2026, 5, 31), new(2026, 6, 1),
    ];

    public bool IsWorkingDay(DateOnly date, string? unitId = null) =>
        date.Year == 2026
            ? date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date)
            : throw new CalendarNotAvailableException(date.Year);

    public DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null)
    {
        var d = start;
        for (var i = 0; i < workingDays; i++)
        {
            d = NextWorkingDay(d, unitId);
        }

        return d;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null)
    {
        var sign = to >= from ? 1 : -1;
        var (a, b) = to >= from ? (from, to) : (to, from);
        var n = 0;
        for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
        {
            n += IsWorkingDay(d, unitId) ? 1 : 0;
        }

        return sign * n;
    }

    public DateOnly NextWorkingDay(DateOnly date, string? unitId = null)
    {
        var d = date.AddDays(1);
        while (!IsWorkingDay(d, unitId))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    public DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null)
    {
        var d = date.AddDays(-1);
        while (!IsWorkingDay(d, unitId))
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    public QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null) => throw new NotSupportedException();
}

/// <summary>Units: "upt-jkt" (WIB), "upt-jpr" (WIT); every officer's atasan is "atasan-{unit}".</summary>
internal sealed class TestDirectory : IReminderDirectory
{
    public TimeZoneInfo ZoneOf(string unitId) => TimeZoneInfo.FindSystemTimeZoneById(unitId == "upt-jpr" ? "Asia/Jayapura" : "Asia/Jakarta");

    public Task<ReminderRecipient?> FindAtasanAsync(string personId, string unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ReminderRecipient?>(new ReminderRecipient("atasan-" + unitId, unitId));
}

/// <summary>Records what was handed to delivery and, unless told to play dead, marks it sent as delivery would.</summary>
internal sealed class RecordingNotifier(IReminderStore store) : IReminderNotifier
{
    public ConcurrentQueue<Notification> Sent { get; } = new();

    public bool Deliver { get; set; } = true;

    public async ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(notification);
        if (Deliver)
        {
            Assert.NotNull(await store.TryUpdateNotificationAsync(notification with { Status = NotificationStatus.Sent }, cancellationToken));
        }
    }
}

/// <summary>An in-memory <see cref="IReminderStore"/> with the same conditional-write rules as the table adapter.</summary>
internal sealed class InMemoryReminderStore : IReminderStore
{
    private readonly object gate = new();
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

    private string Next() => (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
