using BpomBot.Domain.Audit;

namespace BpomBot.Domain.Calendar;

/// <summary>What an override does to its date.</summary>
public enum OverrideKind
{
    /// <summary>The date becomes a non-working day (office closure, or a national day the data lacks).</summary>
    Add,

    /// <summary>The date stops being a holiday (a national date withdrawn). Weekends stay non-working.</summary>
    Remove,
}

/// <summary>
/// A run-time correction of the calendar by an administrator: for one unit (<paramref name="UnitId"/>) or, when
/// <paramref name="UnitId"/> is null, nationally. Append-only; for the same date and scope the latest one wins.
/// </summary>
public sealed record CalendarOverride(
    string Id,
    DateOnly Date,
    string? UnitId,
    OverrideKind Kind,
    string Reason,
    string By,
    DateTimeOffset At)
{
    public bool IsNational => UnitId is null;

    /// <summary>Audit subject, e.g. "kalender/nasional/2026-03-20" or "kalender/bbpom-medan/2026-03-20".</summary>
    public string Subject => $"kalender/{UnitId ?? "nasional"}/{Date:yyyy-MM-dd}";
}

/// <summary>
/// Port for stored calendar overrides. Append-only: <see cref="AddAsync"/> stores the override together with its
/// audit event (one write, or the override is not stored). An existing <see cref="CalendarOverride.Id"/> is a
/// <see cref="Abstractions.ConcurrencyConflictException"/>.
/// </summary>
public interface ICalendarOverrideRepository
{
    /// <summary>Every override, national and per unit, in the order they were added.</summary>
    Task<IReadOnlyList<CalendarOverride>> ListAsync(CancellationToken cancellationToken = default);

    Task AddAsync(CalendarOverride calendarOverride, AuditEvent audit, CancellationToken cancellationToken = default);
}
