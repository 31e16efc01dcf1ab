namespace BpomBot.Domain.Calendar;

/// <summary>
/// Indonesian working days (HK): Monday–Friday that are neither libur nasional nor cuti bersama,
/// nor a unit's own closure. Works on calendar dates only; no clock.
/// Every method throws <see cref="CalendarNotAvailableException"/> for a year the data does not cover.
/// </summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly date, string? unitId = null);

    /// <summary>The N-th working day after <paramref name="start"/> (day 0, not counted). N ≥ 1.</summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null);

    /// <summary>Working days in (from, to]; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null);

    DateOnly NextWorkingDay(DateOnly date, string? unitId = null);

    DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null);

    /// <summary>SOP D.8: the 10th of the month after the quarter containing <paramref name="date"/> ends, moved back to a working day.</summary>
    QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null);
}

/// <summary>A quarter deadline and, when it was moved, the reason in Indonesian for display.</summary>
public sealed record QuarterDeadline(DateOnly Date, DateOnly Nominal, string? Reason);

/// <summary>The calendar has no data for the year asked about.</summary>
public sealed class CalendarNotAvailableException(int year)
    : InvalidOperationException($"kalender HK tahun {year} belum tersedia")
{
    public int Year { get; } = year;
}
