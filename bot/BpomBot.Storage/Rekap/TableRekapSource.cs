using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Rekap;

/// <summary>
/// The recap's reads from the projection (<see cref="RekapProjectionTable"/>): one partition query per unit and year.
/// Confirmed rows are used as they are; an unconfirmed row (a kegiatan write in flight, or cut by a crash) is checked by
/// a point read of its kegiatan, which is what the recap then uses, and repaired (ETag-conditional) when the kegiatan
/// shows the write landed, is newer than the row, or the row is older than <see cref="RekapProjectionTable.InFlightGrace"/>.
/// A row whose kegiatan does not exist (a create cut before its kegiatan write) is skipped, and removed after the grace.
/// <see cref="BackfillAsync"/> adds rows for kegiatan stored before the projection existed.
/// </summary>
public sealed class TableRekapSource(TableServiceClient service, IKegiatanRepository kegiatan, TimeProvider? timeProvider = null) : IRekapSource
{
    private const int RepairParallelism = 8;
    private const string MetaPartition = "_meta";
    private const string BackfillMarker = "backfill-v1";

    private readonly RekapProjectionTable _projection = new(service, timeProvider);
    private readonly TableClient _kegiatanTable = service.GetTableClient(Kegiatan.TableKegiatanRepository.TableName);

    public async Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListAsync(string unitId, int year, CancellationToken cancellationToken = default)
    {
        var rows = await _projection.Rows.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(RekapProjectionTable.Partition(unitId, year)), cancellationToken: cancellationToken);
        var found = new Domain.Workflow.Kegiatan?[rows.Count];
        var unconfirmed = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].GetBoolean(RekapProjectionTable.ConfirmedColumn) == true)
            {
                found[i] = _projection.Rows.Read(rows[i]).Value;
            }
            else
            {
                unconfirmed.Add(i);
            }
        }

        await Parallel.ForEachAsync(unconfirmed, new ParallelOptions { MaxDegreeOfParallelism = RepairParallelism, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await CheckAsync(rows[i], unitId, year, ct));
        return [.. found.OfType<Domain.Workflow.Kegiatan>().OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Adds a confirmed row for every kegiatan without one (stored before the projection existed): one paged scan of
    /// the Kegiatan table, off the chat path, once per deployment (a marker row). Never replaces a row. Returns rows added.
    /// </summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken = default)
    {
        var marker = await TableStorage.CallAsync("GetEntity",
            () => _projection.Rows.Table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, BackfillMarker, cancellationToken: cancellationToken), cancellationToken);
        if (marker.HasValue)
        {
            return 0;
        }

        var added = 0;
        var keys = await new JsonDocumentTable<string>(_kegiatanTable).QueryEntitiesAsync(
            TableFilter.Property("RowKey").Eq(string.Empty), int.MaxValue, ["PartitionKey"], cancellationToken);
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = RepairParallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            if (await kegiatan.GetAsync(TableKeys.Unescape(row.PartitionKey), ct) is { } k && await _projection.InsertConfirmedAsync(k, ct))
            {
                Interlocked.Increment(ref added);
            }
        });
        await TableStorage.CallAsync("UpsertEntity",
            () => _projection.Rows.Table.UpsertEntityAsync(new TableEntity(MetaPartition, BackfillMarker) { [RekapProjectionTable.AtColumn] = _projection.Now }, TableUpdateMode.Replace, cancellationToken),
            cancellationToken);
        return added;
    }

    private async Task<Domain.Workflow.Kegiatan?> CheckAsync(TableEntity row, string unitId, int year, CancellationToken cancellationToken)
    {
        var stale = _projection.Now - (row.GetDateTimeOffset(RekapProjectionTable.AtColumn) ?? DateTimeOffset.MinValue) > RekapProjectionTable.InFlightGrace;
        var k = await kegiatan.GetAsync(TableKeys.Unescape(row.RowKey), cancellationToken);
        if (k is null || !string.Equals(k.UnitId, unitId, StringComparison.Ordinal) || k.Year != year)
        {
            if (stale) await QuietlyAsync(() => _projection.Rows.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag.ToString(), cancellationToken));
            return null;
        }

        var projection = RekapProjection.Of(k);
        var revision = RekapProjection.Revision(k);
        if (stale || revision > (row.GetInt32(RekapProjectionTable.RevisionColumn) ?? -1) || RekapProjectionTable.Same(projection, _projection.Rows.Read(row).Value))
        {
            await QuietlyAsync(() => _projection.Rows.SaveAsync(row.PartitionKey, row.RowKey, projection, row.ETag.ToString(),
                _projection.Columns(revision, confirmed: true), cancellationToken));
        }

        return projection;
    }

    /// <summary>A repair is an optimisation of later reads: losing it to a newer write (or to an outage) changes nothing now.</summary>
    private static async Task QuietlyAsync(Func<Task> repair)
    {
        try
        {
            await repair();
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or StorageUnavailableException)
        {
        }
    }
}
