using System.Collections.Concurrent;
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
