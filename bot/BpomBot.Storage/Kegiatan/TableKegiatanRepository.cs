using System.Runtime.CompilerServices;
using System.Text.Json;
using BpomBot.Domain.Outbox;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Kegiatan;

/// <summary>
/// Kegiatan: PK = RK = kegiatan id (<see cref="KegiatanRows"/>; rows of the earlier layout, RK = "", are read, moved on
/// save and migrated at start-up). The aggregate is one versioned JSON document (ETag = version).
/// KegiatanIndex: secondary-index pointer rows, PK = "o_" + officer id or "u_" + unit id + "_" + year, RK = kegiatan id,
/// so the officer's list and the unit-year list read one index partition and then point-read what it names: cost grows
/// with what is returned, never with the table. Crash rule: pointers are written (idempotent upserts) BEFORE the primary
/// row, so a stored kegiatan always has its pointers; a crash can only leave a pointer whose kegiatan is missing or now
/// belongs elsewhere, which every read checks against the primary row and skips (and removes once it is older than
/// <see cref="DanglingGrace"/>). <see cref="RepairAsync"/> adds pointers for rows written before the index existed and
/// moves rows of the earlier key layout.
/// A kegiatan with pending effects (<see cref="Domain.Workflow.Kegiatan.Outbox"/>) also has a marker, PK = "_outbox",
/// RK = kegiatan id, written before the row by the same rule, for the background relay (<see cref="IOutboxIndex"/>).
/// A write that fails with 409/412 although the row holds that very write (<see cref="OwnWrite"/>: an earlier attempt
/// succeeded and its answer was lost, e.g. retried after a timeout) counts as done. Docs: docs/storage.md, docs/outbox.md.
/// </summary>
public sealed class TableKegiatanRepository(TableServiceClient service, TimeProvider? timeProvider = null) : IKegiatanRepository, IOutboxIndex
{
    /// <summary>The index partition of the outbox markers.</summary>
    public const string OutboxPartition = "_outbox";

    public const string TableName = "Kegiatan";
    public const string IndexTableName = "KegiatanIndex";

    /// <summary>A pointer without its kegiatan younger than this may belong to a create still in flight; older ones are removed on read.</summary>
    public static readonly TimeSpan DanglingGrace = TimeSpan.FromMinutes(10);

    private const int ReadParallelism = 8;
    private const string MetaPartition = "_meta";
    private const string BackfillMarker = "backfill-v1";
    private const string RowKeyMarker = "rowkey-v2";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    // The index keys each instance was loaded or stored with, so an update that moves a kegiatan can add the new pointers
    // first and drop the old ones after (keys are immutable in today's domain; this keeps the rule if that changes).
    private static readonly ConditionalWeakTable<Domain.Workflow.Kegiatan, IndexKeys> Loaded = [];

    private readonly KegiatanRows _rows = new(service.GetTableClient(TableName), Json);
    private readonly JsonDocumentTable<IndexRow> _index = new(service.GetTableClient(IndexTableName));
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Rekap.RekapProjectionTable _rekap = new(service, timeProvider); // the recap's copy, written around each save

    /// <summary>The row key of a kegiatan's row (equal to its partition key), for bulk loads such as the benches' seed.</summary>
    public static string RowKeyOf(string kegiatanId) => KegiatanRows.Key(kegiatanId);

    public async Task<Domain.Workflow.Kegiatan?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await _rows.GetAsync(id, cancellationToken) is { } doc ? WithVersion(doc) : null;

    public async Task<string> CreateAsync(Domain.Workflow.Kegiatan kegiatan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        var keys = IndexKeys.Of(kegiatan);
        await WritePointersAsync(kegiatan.Id, keys, cancellationToken);
        await MarkOutboxAsync(kegiatan, cancellationToken);
        var version = await SaveAsync(kegiatan, null, cancellationToken);
        Loaded.AddOrUpdate(kegiatan, keys);
        return version;
    }

    public async Task<string> UpdateAsync(Domain.Workflow.Kegiatan kegiatan, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentException.ThrowIfNullOrEmpty(expectedVersion);
        var keys = IndexKeys.Of(kegiatan);
        var known = Loaded.TryGetValue(kegiatan, out var previous) ? previous : null;
        if (known != keys)
        {
            await WritePointersAsync(kegiatan.Id, keys, cancellationToken);
        }

        await MarkOutboxAsync(kegiatan, cancellationToken);
        var version = await SaveAsync(kegiatan, expectedVersion, cancellationToken);
        Loaded.AddOrUpdate(kegiatan, keys);
        if (known is not null && known != keys)
        {
            // Best effort: the kegiatan is stored; a stale pointer left here is skipped on read and removed after the grace period.
            try
            {
                await Task.WhenAll(known.Partitions.Except(keys.Partitions).Select(pk => _index.DeleteAsync(pk, TableKeys.Escape(kegiatan.Id), null, cancellationToken)));
            }
            catch (Domain.Abstractions.StorageUnavailableException)
            {
            }
        }

        return version;
    }

    public Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListByOfficerAsync(string officerId, CancellationToken cancellationToken = default) =>
        ListAsync(IndexKeys.OfficerPartition(officerId), k => k.OfficerId == officerId, cancellationToken);

    public Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListByUnitYearAsync(string unitId, int year, CancellationToken cancellationToken = default) =>
        ListAsync(IndexKeys.UnitYearPartition(unitId, year), k => k.UnitId == unitId && k.Year == year, cancellationToken);

    /// <summary>
    /// Start-up repair, off the chat path, idempotent, skipped once its marker (<c>_meta/rowkey-v2</c>) exists:
    /// adds the index pointers of every kegiatan row that has none (rows stored before the index existed; its own
    /// marker <c>_meta/backfill-v1</c>), then moves every row of the earlier key layout (RK = "") to its current key
    /// (<see cref="KegiatanRows.MigrateAsync"/>), then writes the marker. From then on this instance reads and inserts
    /// without looking for the earlier layout. Returns kegiatan indexed plus rows moved.
    /// </summary>
    public async Task<int> RepairAsync(CancellationToken cancellationToken = default)
    {
        if (await _index.GetAsync(MetaPartition, RowKeyMarker, cancellationToken) is not null)
        {
            _rows.LegacyGone = true;
            return 0;
        }

        var indexed = await BackfillPointersAsync(cancellationToken);
        var (moved, complete) = await _rows.MigrateAsync(cancellationToken);
        if (!complete)
        {
            return indexed + moved; // a row kept changing under the move: no marker, legacy reads stay on, the next start goes on
        }

        await _index.OverwriteAsync(MetaPartition, RowKeyMarker, new IndexRow(string.Empty, _time.GetUtcNow()), null, cancellationToken);
        _rows.LegacyGone = true;
        return indexed + moved;
    }

    private async Task<int> BackfillPointersAsync(CancellationToken cancellationToken)
    {
        if (await _index.GetAsync(MetaPartition, BackfillMarker, cancellationToken) is not null)
        {
            return 0;
        }

        var added = 0;
        var rows = await _rows.Docs.QueryEntitiesAsync(null, int.MaxValue, ["PartitionKey", "OfficerId", "UnitId", "Year"], cancellationToken);
        foreach (var row in rows)
        {
            if (row.GetString("OfficerId") is { } officer && row.GetString("UnitId") is { } unit && row.GetInt32("Year") is int year)
            {
                await WritePointersAsync(TableKeys.Unescape(row.PartitionKey), new IndexKeys(officer, unit, year), cancellationToken);
                added++;
            }
        }

        await _index.OverwriteAsync(MetaPartition, BackfillMarker, new IndexRow(string.Empty, _time.GetUtcNow()), null, cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<OutboxMarker>> ListOutboxAsync(CancellationToken cancellationToken = default) =>
        [.. (await _index.QueryAsync(TableFilter.PartitionKeyEquals(OutboxPartition), cancellationToken: cancellationToken))
            .Select(row => new OutboxMarker(row.Value.Id, row.Value.At, row.Version))];

    public async Task RemoveOutboxAsync(OutboxMarker marker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(marker);
        try
        {
            await _index.DeleteAsync(OutboxPartition, TableKeys.Escape(marker.KegiatanId), marker.Version, cancellationToken);
        }
        catch (Domain.Abstractions.ConcurrencyConflictException)
        {
            // re-written by a newer change (it has effects again) or already gone
        }
    }

    // Pointer first: a stored effect always has its marker; a marker without effects is removed by the relay's sweep.
    private Task MarkOutboxAsync(Domain.Workflow.Kegiatan kegiatan, CancellationToken cancellationToken) =>
        kegiatan.Outbox is { Count: > 0 }
            ? _index.OverwriteAsync(OutboxPartition, TableKeys.Escape(kegiatan.Id), new IndexRow(kegiatan.Id, _time.GetUtcNow()), null, cancellationToken)
            : Task.CompletedTask;

    private async Task WritePointersAsync(string id, IndexKeys keys, CancellationToken cancellationToken)
    {
        var pointer = new IndexRow(id, _time.GetUtcNow());
        await Task.WhenAll(keys.Partitions.Select(pk => _index.OverwriteAsync(pk, TableKeys.Escape(id), pointer, null, cancellationToken)));
    }

    private async Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListAsync(
        string partition, Func<Domain.Workflow.Kegiatan, bool> belongs, CancellationToken cancellationToken)
    {
        var pointers = await _index.QueryAsync(TableFilter.PartitionKeyEquals(partition), cancellationToken: cancellationToken);
        var found = new Domain.Workflow.Kegiatan?[pointers.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, pointers.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await GetAsync(pointers[i].Value.Id, ct));

        var stale = new List<Task>();
        var now = _time.GetUtcNow();
        for (var i = 0; i < pointers.Count; i++)
        {
            if (found[i] is { } k && belongs(k))
            {
                continue;
            }

            found[i] = null;
            if (now - pointers[i].Value.At > DanglingGrace)
            {
                stale.Add(_index.DeleteAsync(partition, pointers[i].RowKey, pointers[i].Version, cancellationToken));
            }
        }

        try
        {
            await Task.WhenAll(stale);
        }
        catch (Domain.Abstractions.ConcurrencyConflictException)
        {
            // rewritten meanwhile: a create or move is using it again
        }

        return [.. found.OfType<Domain.Workflow.Kegiatan>().OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    private async Task<string> SaveAsync(Domain.Workflow.Kegiatan kegiatan, string? expectedVersion, CancellationToken cancellationToken)
    {
        var previous = kegiatan.Version;
        kegiatan.Version = null; // the row's ETag is the version; the document does not carry a stale copy
        var writeId = OwnWrite.NewId();
        try
        {
            var version = await _rekap.SaveThroughAsync(kegiatan, () => _rows.SaveAsync(kegiatan.Id, kegiatan, expectedVersion, new Dictionary<string, object?>
            {
                [OwnWrite.Column] = writeId,
                ["OfficerId"] = kegiatan.OfficerId,
                ["UnitId"] = kegiatan.UnitId,
                ["Year"] = kegiatan.Year,
                ["Status"] = kegiatan.Status.ToString(),
                ["CreatedAt"] = kegiatan.CreatedAt,
            }, cancellationToken), cancellationToken);
            kegiatan.Version = version;
            return version;
        }
        catch (Domain.Abstractions.ConcurrencyConflictException)
        {
            // 409/412: maybe our own earlier attempt of this very write (a retry after a timeout): then it is stored.
            if (await OwnWrite.VersionIfOursAsync(_rows.Docs.Table, KegiatanRows.Key(kegiatan.Id), KegiatanRows.Key(kegiatan.Id), writeId, cancellationToken) is { } stored)
            {
                kegiatan.Version = stored;
                return stored;
            }

            kegiatan.Version = previous;
            throw;
        }
        catch
        {
            kegiatan.Version = previous;
            throw;
        }
    }

    private static Domain.Workflow.Kegiatan WithVersion(VersionedDocument<Domain.Workflow.Kegiatan> doc)
    {
        doc.Value.Version = doc.Version;
        Loaded.AddOrUpdate(doc.Value, IndexKeys.Of(doc.Value));
        return doc.Value;
    }

    /// <summary>An index row: which kegiatan, and when the pointer was written.</summary>
    public sealed record IndexRow(string Id, DateTimeOffset At);

    private sealed record IndexKeys(string OfficerId, string UnitId, int Year)
    {
        public IEnumerable<string> Partitions => [OfficerPartition(OfficerId), UnitYearPartition(UnitId, Year)];

        public static IndexKeys Of(Domain.Workflow.Kegiatan k) => new(k.OfficerId, k.UnitId, k.Year);

        public static string OfficerPartition(string officerId) => "o_" + TableKeys.Escape(officerId);

        public static string UnitYearPartition(string unitId, int year) => "u_" + TableKeys.Escape(unitId) + "_" + year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
