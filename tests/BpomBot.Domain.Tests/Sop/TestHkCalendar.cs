using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Tests.Sop;

/// <summary>
/// A small HK calendar for tests: Saturday/Sunday plus a handful of 2026 holidays; data only for 2025–2027, so other
/// years throw <see cref="CalendarNotAvailableException"/> like the real calendar.
/// </summary>
internal sealed class TestHkCalendar : IWorkingDayCalendar
{
    public static readonly DateOnly[] Holidays =
    [
        new(2026, 1, 1),   // Tahun Baru
        new(2026, 4, 3),   // Wafat Yesus Kristus (Jumat)
        new(2026, 5, 1),   // Hari Buruh (Jumat)
        new(2026, 8, 17),  // HUT RI (Senin)
        new(2026, 12, 25), // Natal
    ];

    public bool IsWorkingDay(DateOnly date, string? unitId = null)
    {
        if (date.Year is < 2025 or > 2027) throw new CalendarNotAvailableException(date.Year);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date);
    }

    public DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null)
    {
        var date = start;
        for (var n = 0; n < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) n++;
        }

        return date;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }

        return count;
    }

    public DateOnly NextWorkingDay(DateOnly date, string? unitId = null) => AddWorkingDays(date, 1);

    public DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null)
    {
        var d = date.AddDays(-1);
        while (!IsWorkingDay(d)) d = d.AddDays(-1);
        return d;
    }

    public QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null)
    {
        var quarterEndMonth = ((date.Month - 1) / 3 * 3) + 3;
        var nominal = new DateOnly(date.Year, quarterEndMonth, 1).AddMonths(1).AddDays(9);
        return IsWorkingDay(nominal)
            ? new QuarterDeadline(nominal, nominal, null)
            : new QuarterDeadline(PreviousWorkingDay(nominal), nominal, "tanggal 10 bukan hari kerja");
    }
}

/// <summary>Self-check of the fixture, so engine tests rest on known dates.</summary>
public sealed class TestHkCalendarTests
{
    private readonly TestHkCalendar _calendar = new();

    [Fact]
    public void AddWorkingDays_AcrossGoodFriday_SkipsHolidayAndWeekend() =>
        Assert.Equal(new DateOnly(2026, 4, 6), _calendar.AddWorkingDays(new DateOnly(2026, 4, 2), 1));

    [Fact]
    public void QuarterDeadline_OctoberTenthOnSaturday_MovesBackToFriday() =>
        Assert.Equal(new DateOnly(2026, 10, 9), _calendar.QuarterDeadline(new DateOnly(2026, 8, 1)).Date);
}
