using BpomBot.Domain.Audit;
using BpomBot.Domain.Organization;

namespace BpomBot.Domain.Calendar;

/// <summary>
/// The calendar the bot uses: the shipped <see cref="HolidaySet"/> plus the stored overrides, as an immutable
/// <see cref="WorkingDayCalendar"/> snapshot that is swapped on <see cref="RefreshAsync"/> and after every
/// <see cref="AddOverrideAsync"/>, so overrides apply without a restart. Other instances pick up overrides on
/// their next refresh (the host calls it at start-up and periodically).
/// </summary>
public sealed class LiveWorkingDayCalendar(
    HolidaySet holidays,
    ICalendarOverrideRepository repository,
    TimeProvider timeProvider,
    UnitCatalog? units = null) : IWorkingDayCalendar
{
    private volatile WorkingDayCalendar current = new(holidays);

    /// <summary>The snapshot in use now.</summary>
    public WorkingDayCalendar Current => current;

    /// <summary>Builds the calendar with the overrides stored now (call at start-up, so the first answer is right).</summary>
    public static async Task<LiveWorkingDayCalendar> CreateAsync(
        HolidaySet holidays,
        ICalendarOverrideRepository repository,
        TimeProvider timeProvider,
        UnitCatalog? units = null,
        CancellationToken cancellationToken = default)
    {
        var calendar = new LiveWorkingDayCalendar(holidays, repository, timeProvider, units);
        await calendar.RefreshAsync(cancellationToken);
        return calendar;
    }

    /// <summary>
    /// Reloads the overrides and swaps the snapshot. The store is append-only, so a snapshot built from fewer
    /// overrides than the one in use (a slower concurrent refresh) is dropped.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var overrides = await repository.ListAsync(cancellationToken);
        var fresh = new WorkingDayCalendar(holidays, overrides);
        var seen = current;
        while (fresh.SourceOverrideCount >= seen.SourceOverrideCount)
        {
            var previous = Interlocked.CompareExchange(ref current, fresh, seen);
            if (ReferenceEquals(previous, seen))
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>
    /// Stores an override with its audit event and applies it at once. The date must be in a covered year and,
    /// when a unit catalogue is known, the unit must exist.
    /// </summary>
    public async Task<CalendarOverride> AddOverrideAsync(
        DateOnly date,
        string? unitId,
        OverrideKind kind,
        string reason,
        string by,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!holidays.Covers(date.Year))
        {
            throw new CalendarNotAvailableException(date.Year);
        }

        if (unitId is not null && units is not null && units.Find(unitId) is null)
        {
            throw new ArgumentException($"unit '{unitId}' tidak dikenal", nameof(unitId));
        }

        await RefreshAsync(cancellationToken);
        var before = Describe(current.Describe(date, unitId));
        var calendarOverride = new CalendarOverride(
            Guid.NewGuid().ToString("N"), date, unitId, kind, reason.Trim(), by, timeProvider.GetUtcNow());
        var after = Describe(new WorkingDayCalendar(holidays, [.. current.Overrides, calendarOverride]).Describe(date, unitId));
        var audit = new AuditEvent(
            calendarOverride.Subject,
            by,
            OnBehalfOf: null,
            Action: kind == OverrideKind.Add ? "calendar.override.add" : "calendar.override.remove",
            calendarOverride.At,
            before,
            after,
            calendarOverride.Reason);

        await repository.AddAsync(calendarOverride, audit, cancellationToken);
        await RefreshAsync(cancellationToken);
        return calendarOverride;
    }

    public bool IsWorkingDay(DateOnly date, string? unitId = null) => current.IsWorkingDay(date, unitId);

    public DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null) =>
        current.AddWorkingDays(start, workingDays, unitId);

    public int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null) =>
        current.WorkingDaysBetween(from, to, unitId);

    public DateOnly NextWorkingDay(DateOnly date, string? unitId = null) => current.NextWorkingDay(date, unitId);

    public DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null) => current.PreviousWorkingDay(date, unitId);

    public QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null) => current.QuarterDeadline(date, unitId);

    private static string Describe(DayStatus status) =>
        status.IsWorkingDay ? "hari kerja" : $"bukan hari kerja ({status.Reason})";
}
