using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// Units: PK = "unit", RK = unit id (a small reference set read whole). People: PK = aad object id, RK = "" (versioned).
/// PeopleByUnit: PK = unit id, RK = aad object id, a derived copy written copy first: a save upserts the new copy
/// unconfirmed (and marks the old unit's copy unconfirmed on a move) before the primary row, then confirms the new copy and
/// deletes the old one (best effort). A list trusts confirmed copies; an unconfirmed one is checked against the primary
/// row: if the person is in that unit the primary's value is listed and the copy confirmed, otherwise it is skipped and,
/// after <see cref="DanglingGrace"/>, deleted. A crash at any step therefore never lists a person twice, under the wrong
/// unit, or not at all.
/// </summary>
public sealed class TableRosterRepository(TableServiceClient service, TimeProvider? timeProvider = null) : IRosterRepository
{
    /// <summary>How long an unconfirmed copy that does not match its person is kept (a save may still be in flight).</summary>
    public static readonly TimeSpan DanglingGrace = TimeSpan.FromMinutes(10);

    private const string UnitPartition = "unit";
    private const string ConfirmedColumn = "Confirmed";
    private const string AtColumn = "At";
    private readonly JsonDocumentTable<UnitRecord> _units = new(service.GetTableClient(StorageTables.Units));
    private readonly JsonDocumentTable<PersonRecord> _people = new(service.GetTableClient(StorageTables.People));
    private readonly JsonDocumentTable<PersonRecord> _byUnit = new(service.GetTableClient(StorageTables.PeopleByUnit));
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

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

    public async Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.Escape(unitId);
        var rows = await _byUnit.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(partition), cancellationToken: cancellationToken);
        var result = new PersonRecord?[rows.Count];
        var now = _time.GetUtcNow();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var row = rows[i];
                if (row.GetBoolean(ConfirmedColumn) == true)
                {
                    result[i] = _byUnit.Read(row).Value;
                    return;
                }

                var person = await _people.GetAsync(row.RowKey, string.Empty, ct);
                try
                {
                    if (person is not null && person.Value.UnitId == unitId)
                    {
                        result[i] = person.Value;
                        await _byUnit.SaveAsync(partition, row.RowKey, person.Value, row.ETag.ToString(), Columns(true), ct);
                    }
                    else if (now - (row.GetDateTimeOffset(AtColumn) ?? DateTimeOffset.MinValue) > DanglingGrace)
                    {
                        await _byUnit.DeleteAsync(partition, row.RowKey, row.ETag.ToString(), ct);
                    }
                }
                catch (Exception ex) when (ex is ConcurrencyConflictException or StorageUnavailableException)
                {
                    // rewritten meanwhile by a save, or the repair write failed: the next read checks it again
                }
            });

        return [.. result.OfType<PersonRecord>()];
    }

    public async Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var key = TableKeys.Escape(person.AadObjectId);
        var previous = person.Version is null ? null : await _people.GetAsync(key, string.Empty, cancellationToken);
        var moved = previous is not null && previous.Value.UnitId != person.UnitId ? previous.Value : null;
        var stored = person with { Version = null };
        var copies = new List<Task> { _byUnit.OverwriteAsync(TableKeys.Escape(person.UnitId), key, stored, Columns(false), cancellationToken) };
        if (moved is not null)
        {
            copies.Add(_byUnit.OverwriteAsync(TableKeys.Escape(moved.UnitId), key, moved, Columns(false), cancellationToken));
        }

        await Task.WhenAll(copies);
        var version = await _people.SaveAsync(key, string.Empty, stored, person.Version, new Dictionary<string, object?> { ["UnitId"] = person.UnitId }, cancellationToken);
        try
        {
            var after = new List<Task> { _byUnit.OverwriteAsync(TableKeys.Escape(person.UnitId), key, stored, Columns(true), cancellationToken) };
            if (moved is not null)
            {
                after.Add(_byUnit.DeleteAsync(TableKeys.Escape(moved.UnitId), key, null, cancellationToken));
            }

            await Task.WhenAll(after);
        }
        catch (StorageUnavailableException)
        {
            // Best effort: the person is stored; the next list checks the unconfirmed copies against it.
        }

        return person with { Version = version };
    }

    private Dictionary<string, object?> Columns(bool confirmed) => new() { [ConfirmedColumn] = confirmed, [AtColumn] = _time.GetUtcNow() };
}
