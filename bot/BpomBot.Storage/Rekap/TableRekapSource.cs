using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Rekap;

/// <summary>
/// The recap's reads from the projection (<see cref="RekapProjectionTable"/>): one partition query per unit and year
/// (<see cref="ListAsync"/>), or key-range queries over runs of a year's partitions for all of BPOM
/// (<see cref="ListYearAsync(int, IReadOnlyCollection{string}, CancellationToken)"/>; the year leads the key). Confirmed rows are used as they are, each page deserialised
/// while the next is fetched; an unconfirmed row (a kegiatan write in flight, or cut by a crash) is checked by a point
/// read of its kegiatan, which is what the recap then uses, and repaired (ETag-conditional) when the kegiatan shows the
/// write landed, is newer than the row, or the row is older than <see cref="RekapProjectionTable.InFlightGrace"/>.
/// A row whose kegiatan does not exist (a create cut before its kegiatan write) is skipped, and removed after the grace.
/// <see cref="BackfillAsync"/> adds rows for kegiatan stored before the projection (or before its current key layout).
/// </summary>
public sealed class TableRekapSource(TableServiceClient service, IKegiatanRepository kegiatan, TimeProvider? timeProvider = null) : IRekapYearSource
{
    /// <summary>
    /// The marker of the backfill of the current row format (<see cref="RekapRowFormat.Version"/>, year-first keys):
    /// v1 was the unit-first layout, v2 the year-first layout with the full JSON document.
    /// </summary>
    public const string BackfillMarker = "backfill-v3";

    internal const string MetaPartition = "_meta";
    private const int RepairParallelism = 8;

    /// <summary>Consecutive unit partitions per ranged read: 5 UPTs of 200 kegiatan fill one page of 1,000 rows.</summary>
    private const int UnitsPerRange = 5;

    private const int RangeParallelism = 4;

    private readonly RekapProjectionTable _projection = new(service, timeProvider);
    private readonly TableClient _kegiatanTable = service.GetTableClient(Kegiatan.TableKegiatanRepository.TableName);

    public async Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListAsync(string unitId, int year, CancellationToken cancellationToken = default)
    {
        var found = await ReadAsync(TableFilter.PartitionKeyEquals(RekapProjectionTable.Partition(unitId, year)), cancellationToken);
        return [.. found.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The kegiatan of the year of <paramref name="unitIds"/> (and of any unit whose key falls between theirs), in no
    /// particular order: their partitions, sorted, cut into runs of <see cref="UnitsPerRange"/> consecutive ones, each
    /// run one key-range query (about one page of 1,000 rows), <see cref="RangeParallelism"/> at a time. Azurite scans
    /// the whole table per request and sorts every remaining match per page, so one query over the whole year (16
    /// pages) is slower there than a few ranges of about a page each; Azure serves each range from its partitions.
    /// </summary>
    public async Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListYearAsync(int year, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        var ranges = unitIds.Select(u => RekapProjectionTable.Partition(u, year)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Chunk(UnitsPerRange).Select(run => TableFilter.Property("PartitionKey").Ge(run[0]).And(TableFilter.Property("PartitionKey").Le(run[^1])))
            .ToList();
        var found = new List<Domain.Workflow.Kegiatan>[ranges.Count];
        await Parallel.ForAsync(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = RangeParallelism, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await ReadAsync(ranges[i], ct));
        return [.. found.SelectMany(f => f)];
    }

    /// <summary>Every kegiatan of the year, all units (one key-range query over the year's partitions, paged by 1,000 rows).</summary>
    public async Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListYearAsync(int year, CancellationToken cancellationToken = default) =>
        await ReadAsync(RekapProjectionTable.YearRange(year), cancellationToken);

    /// <summary>
    /// Writes a confirmed row of the current format for every kegiatan without one (stored before the projection, its
    /// current key layout or its current row format existed; <see cref="RekapProjectionTable.UpgradeAsync"/>): one paged
    /// scan of the Kegiatan table, off the chat path, once per deployment (a marker row). Never replaces a row of the
    /// current format or of a higher revision. Then deletes the rows of the old unit-first layout (nothing reads them).
    /// Returns rows written.
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
        // Every row of the Kegiatan table is a kegiatan (PK = its id; RK = "" in the earlier layout, the id since).
        var keys = await new JsonDocumentTable<string>(_kegiatanTable).QueryEntitiesAsync(null, int.MaxValue, ["PartitionKey"], cancellationToken);
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = RepairParallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            if (await kegiatan.GetAsync(TableKeys.Unescape(row.PartitionKey), ct) is { } k && await _projection.UpgradeAsync(k, ct))
            {
                Interlocked.Increment(ref added);
            }
        });

        var old = (await _projection.Rows.QueryEntitiesAsync(null, int.MaxValue, ["PartitionKey", "RowKey"], cancellationToken))
            .Where(r => r.PartitionKey != MetaPartition && !RekapProjectionTable.IsCurrentPartition(r.PartitionKey))
            .ToList();
        await Parallel.ForEachAsync(old, new ParallelOptions { MaxDegreeOfParallelism = RepairParallelism, CancellationToken = cancellationToken },
            async (row, ct) => await QuietlyAsync(() => _projection.Rows.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag.ToString(), ct)));

        await TableStorage.CallAsync("UpsertEntity",
            () => _projection.Rows.Table.UpsertEntityAsync(new TableEntity(MetaPartition, BackfillMarker) { [RekapProjectionTable.AtColumn] = _projection.Now }, TableUpdateMode.Replace, cancellationToken),
            cancellationToken);
        return added;
    }

    /// <summary>
    /// The kegiatan of the rows matching <paramref name="filter"/> (only the columns of <see cref="RekapRowFormat.ReadColumns"/>):
    /// confirmed rows of the current format as stored, decoded page by page while the next is fetched; unconfirmed rows,
    /// and rows of an earlier format, checked against their kegiatan.
    /// </summary>
    private async Task<List<Domain.Workflow.Kegiatan>> ReadAsync(TableFilter filter, CancellationToken cancellationToken)
    {
        var pages = new List<Task<List<Domain.Workflow.Kegiatan>>>();
        var unconfirmed = new List<TableEntity>();
        var split = new List<TableEntity>();
        await TableStorage.CallAsync("QueryEntities", async () =>
        {
            await foreach (var page in _projection.Rows.Table.QueryAsync<TableEntity>(filter.ToString(), 1000, RekapRowFormat.ReadColumns, cancellationToken).AsPages().WithCancellation(cancellationToken))
            {
                var rows = page.Values;
                var usable = new List<TableEntity>(rows.Count);
                foreach (var row in rows)
                {
                    (!Usable(row) ? unconfirmed : RekapRowFormat.IsSplit(row) ? split : usable).Add(row);
                }

                pages.Add(Task.Run(() => usable.ConvertAll(RekapRowFormat.Decode), cancellationToken));
            }

            return true;
        }, cancellationToken);

        var found = (await Task.WhenAll(pages)).SelectMany(p => p).ToList();
        foreach (var row in split)
        {
            // A document past 32 K characters (rare): its other chunks, then as any row.
            var whole = await TableStorage.CallAsync("GetEntity", () => _projection.Rows.Table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken), cancellationToken);
            if (!whole.HasValue) continue;
            if (Usable(whole.Value!)) found.Add(RekapRowFormat.Decode(whole.Value!));
            else unconfirmed.Add(whole.Value!);
        }

        var checkedRows = new Domain.Workflow.Kegiatan?[unconfirmed.Count];
        await Parallel.ForAsync(0, unconfirmed.Count, new ParallelOptions { MaxDegreeOfParallelism = RepairParallelism, CancellationToken = cancellationToken },
            async (i, ct) => checkedRows[i] = await CheckAsync(unconfirmed[i], ct));
        found.AddRange(checkedRows.OfType<Domain.Workflow.Kegiatan>());
        return found;
    }

    /// <summary>A row the read may use as it is: confirmed, and written in the current format.</summary>
    private static bool Usable(TableEntity row) => row.GetBoolean(RekapProjectionTable.ConfirmedColumn) == true && RekapRowFormat.IsCurrent(row);

    private async Task<Domain.Workflow.Kegiatan?> CheckAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var stale = _projection.Now - (row.GetDateTimeOffset(RekapProjectionTable.AtColumn) ?? DateTimeOffset.MinValue) > RekapProjectionTable.InFlightGrace;
        var k = await kegiatan.GetAsync(TableKeys.Unescape(row.RowKey), cancellationToken);
        if (k is null || !string.Equals(RekapProjectionTable.Partition(k.UnitId, k.Year), row.PartitionKey, StringComparison.Ordinal))
        {
            if (stale) await QuietlyAsync(() => _projection.Rows.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag.ToString(), cancellationToken));
            return null;
        }

        var projection = RekapProjection.Of(k);
        var revision = RekapProjection.Revision(k);
        if (stale || revision > (row.GetInt32(RekapProjectionTable.RevisionColumn) ?? -1) || (!RekapRowFormat.IsSplit(row) && RekapProjectionTable.Holds(row, k)))
        {
            await QuietlyAsync(() => _projection.Rows.SaveAsync(row.PartitionKey, row.RowKey, RekapRowFormat.ToRow(projection), row.ETag.ToString(),
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
