using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// Units: PK = "unit", RK = unit id (a small reference set read whole). People: PK = aad object id, RK = "" (versioned).
/// PeopleByUnit: PK = unit id, RK = aad object id, a derived copy kept in step after each successful save.
/// </summary>
public sealed class TableRosterRepository(TableServiceClient service) : IRosterRepository
{
    private const string UnitPartition = "unit";
    private readonly JsonDocumentTable<UnitRecord> _units = new(service.GetTableClient(StorageTables.Units));
    private readonly JsonDocumentTable<PersonRecord> _people = new(service.GetTableClient(StorageTables.People));
    private readonly JsonDocumentTable<PersonRecord> _byUnit = new(service.GetTableClient(StorageTables.PeopleByUnit));

    public async Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default) =>
        await _units.GetAsync(UnitPartition, TableKeys.Escape(unitId), cancellationToken) is { } doc ? doc.Value with { Version = doc.Version } : null;

    public async Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default) =>
        (await _units.QueryAsync(TableFilter.PartitionKeyEquals(UnitPartition), cancellationToken: cancellationToken))
            .Select(d => d.Value with { Version = d.Version }).ToList();

    public async Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var version = await _units.SaveAsync(UnitPartition, TableKeys.Escape(unit.Id), unit with { Version = null }, unit.Version, null, cancellationToken);
        return unit with { Version = version };
    }

    public async Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        await _people.GetAsync(TableKeys.Escape(aadObjectId), string.Empty, cancellationToken) is { } doc ? doc.Value with { Version = doc.Version } : null;

    public async Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default) =>
        (await _byUnit.QueryAsync(TableFilter.PartitionKeyEquals(TableKeys.Escape(unitId)), cancellationToken: cancellationToken))
            .Select(d => d.Value).ToList();

    public async Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var key = TableKeys.Escape(person.AadObjectId);
        var previous = person.Version is null ? null : await _people.GetAsync(key, string.Empty, cancellationToken);
        var stored = person with { Version = null };
        var version = await _people.SaveAsync(key, string.Empty, stored, person.Version, new Dictionary<string, object?> { ["UnitId"] = person.UnitId }, cancellationToken);
        await _byUnit.OverwriteAsync(TableKeys.Escape(person.UnitId), key, stored, null, cancellationToken);
        if (previous is not null && previous.Value.UnitId != person.UnitId)
        {
            await _byUnit.DeleteAsync(TableKeys.Escape(previous.Value.UnitId), key, null, cancellationToken);
        }

        return person with { Version = version };
    }
}
