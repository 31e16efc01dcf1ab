using System.Globalization;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Roster;

/// <summary>An in-memory <see cref="IRosterRepository"/> for tests and local runs; honours versions like the table adapter.</summary>
public sealed class InMemoryRosterRepository : IRosterRepository
{
    private readonly Dictionary<string, UnitRecord> _units = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PersonRecord> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private long _sequence;

    public Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_units.GetValueOrDefault(unitId));
    }

    public Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<UnitRecord>>([.. _units.Values]);
    }

    public Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        lock (_gate)
        {
            Check(_units.GetValueOrDefault(unit.Id)?.Version, unit.Version, $"unit {unit.Id}");
            var saved = unit with { Version = Next() };
            _units[unit.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_people.GetValueOrDefault(aadObjectId));
    }

    public Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PersonRecord>>([.. _people.Values
                .Where(p => string.Equals(p.UnitId, unitId, StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p.AadObjectId, StringComparer.Ordinal)]);
        }
    }

    public Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        lock (_gate)
        {
            Check(_people.GetValueOrDefault(person.AadObjectId)?.Version, person.Version, $"pegawai {person.AadObjectId}");
            var saved = person with { Version = Next() };
            _people[person.AadObjectId] = saved;
            return Task.FromResult(saved);
        }
    }

    private static void Check(string? stored, string? expected, string what)
    {
        if (expected is null ? stored is not null : stored != expected)
            throw new ConcurrencyConflictException($"{what} sudah diubah");
    }

    private string Next() => (++_sequence).ToString(CultureInfo.InvariantCulture);
}
