using System.Collections.Concurrent;

namespace BpomBot.Domain.Organization;

/// <summary>"Now" and "today" at a unit's office, from the injected <see cref="TimeProvider"/> and the unit's IANA zone.</summary>
public sealed class OfficeClock(TimeProvider timeProvider, UnitCatalog units)
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>The local date in the unit's zone.</summary>
    public DateOnly Today(string unitId) => DateOnly.FromDateTime(Now(unitId).DateTime);

    /// <summary>The current instant expressed in the unit's zone.</summary>
    public DateTimeOffset Now(string unitId) => TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), ZoneOf(unitId));

    /// <summary>The unit's zone (throws <see cref="KeyNotFoundException"/> for an unknown unit).</summary>
    public TimeZoneInfo ZoneOf(string unitId) => Zone(units.Get(unitId).TimeZoneId);

    /// <summary>The UTC instant of a local date and time at the unit (for reminders at, e.g., 08:00 local).</summary>
    public DateTimeOffset ToUtc(string unitId, DateOnly date, TimeOnly time)
    {
        var zone = ZoneOf(unitId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo Zone(string id) => Zones.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);
}
