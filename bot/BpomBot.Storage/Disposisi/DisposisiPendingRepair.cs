using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Disposisi;

/// <summary>What one bounded repair run did: disposisi rows read, the ids whose inbox pointer it restored, whether the scan is complete.</summary>
public sealed record DisposisiPendingRepairRun(int Scanned, IReadOnlyList<string> Restored, bool Done);

/// <summary>
/// Restores the DisposisiPending pointer of an undecided disposisi that has none: rows stored under the old write order
/// (primary first, pointer after) by a process that died in between. New writes put the pointer first, so this is a
/// one-time backfill: a scan of the undecided disposisi (a filter on the <c>State</c> column, off the chat path), at
/// most <see cref="DefaultMaxPerRun"/> rows per run, resumed from a cursor kept in a marker row
/// (<c>_meta</c>/<see cref="DefaultMarker"/> in DisposisiPending) and marked done at the end, so later starts skip it.
/// A pointer is added with an insert (an existing one is never touched or written twice) after re-reading the row.
/// </summary>
public sealed class DisposisiPendingRepair(TableServiceClient service, TimeProvider timeProvider, int maxPerRun = DisposisiPendingRepair.DefaultMaxPerRun, string marker = DisposisiPendingRepair.DefaultMarker)
{
    public const int DefaultMaxPerRun = 500;
    public const string DefaultMarker = "pending-repair-v1";
    public const string MetaPartition = "_meta"; // addressee partitions are Entra object ids, never "_meta"

    private static readonly string[] Decided =
    [
        nameof(Domain.Disposisi.DisposisiState.Disetujui), nameof(Domain.Disposisi.DisposisiState.Dikembalikan),
        nameof(Domain.Disposisi.DisposisiState.Ditanggapi), nameof(Domain.Disposisi.DisposisiState.Ditutup),
    ];

    private readonly TableClient _main = service.GetTableClient(DisposisiTables.Disposisi);
    private readonly JsonDocumentTable<Domain.Disposisi.Disposisi> _docs = new(service.GetTableClient(DisposisiTables.Disposisi));
    private readonly JsonDocumentTable<TableDisposisiRepository.PendingRow> _pending = new(service.GetTableClient(DisposisiTables.Pending));
    private readonly JsonDocumentTable<Cursor> _meta = new(service.GetTableClient(DisposisiTables.Pending));

    /// <summary>One bounded run: reads one page of undecided disposisi from the stored cursor and restores missing pointers.</summary>
    public async Task<DisposisiPendingRepairRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _meta.GetAsync(MetaPartition, marker, cancellationToken);
        if (stored?.Value.Done == true)
        {
            return new DisposisiPendingRepairRun(0, [], true);
        }

        var filter = string.Join(" and ", Decided.Select(s => TableClient.CreateQueryFilter($"State ne {s}")));
        var (rows, next) = await TableStorage.CallAsync("RepairQuery", async () =>
        {
            await foreach (var page in _main.QueryAsync<TableEntity>(filter, maxPerPage: Math.Max(1, maxPerRun), cancellationToken: cancellationToken)
                .AsPages(stored?.Value.Next, Math.Max(1, maxPerRun)).WithCancellation(cancellationToken))
            {
                return (page.Values.ToList(), page.ContinuationToken);
            }

            return (new List<TableEntity>(), (string?)null);
        }, cancellationToken);

        var restored = new List<string>();
        foreach (var row in rows)
        {
            if (await RestoreAsync(_docs.Read(row).Value, cancellationToken) is { } id)
            {
                restored.Add(id);
            }
        }

        var cursor = new Cursor(next, next is null, timeProvider.GetUtcNow());
        await _meta.OverwriteAsync(MetaPartition, marker, cursor, null, cancellationToken);
        return new DisposisiPendingRepairRun(rows.Count, restored, cursor.Done);
    }

    /// <summary>Runs until the scan is complete; each run is bounded, with <paramref name="pause"/> between runs.</summary>
    public async Task<int> RunToEndAsync(TimeSpan pause, CancellationToken cancellationToken = default)
    {
        var restored = 0;
        while (true)
        {
            var run = await RunOnceAsync(cancellationToken);
            restored += run.Restored.Count;
            if (run.Done)
            {
                return restored;
            }

            await Task.Delay(pause, timeProvider, cancellationToken);
        }
    }

    private async Task<string?> RestoreAsync(Domain.Disposisi.Disposisi d, CancellationToken cancellationToken)
    {
        if (d.IsDecided || string.IsNullOrEmpty(d.ToId))
        {
            return null;
        }

        var pk = TableKeys.Escape(d.ToId);
        var rk = TableKeys.Escape(d.Id);
        if (await _pending.GetAsync(pk, rk, cancellationToken) is not null)
        {
            return null;
        }

        try
        {
            // Insert only: if a save restored it meanwhile, that pointer stays as it is and nothing is counted twice.
            await _pending.SaveAsync(pk, rk, new TableDisposisiRepository.PendingRow(d.Id, d.SentAt, timeProvider.GetUtcNow()), null, null, cancellationToken);
            return d.Id;
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>The marker row: where the next run continues (null: from the start or, with Done, nothing left).</summary>
    public sealed record Cursor(string? Next, bool Done, DateTimeOffset At);
}

/// <summary>Start-up repair of the leader inbox: runs <see cref="DisposisiPendingRepair"/> to the end once the tables exist; retried while storage is down.</summary>
public sealed partial class DisposisiPendingRepairService(
    DisposisiPendingRepair repair, StorageReadiness readiness, TimeProvider timeProvider, ILogger<DisposisiPendingRepairService> logger)
    : StartupRepairService(readiness, timeProvider)
{
    /// <summary>Pause between bounded runs, so the backfill leaves room for chat traffic.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    protected override async Task<int?> RunOnceAsync(CancellationToken cancellationToken) =>
        await repair.RunToEndAsync(Pause, cancellationToken);

    protected override void LogDone(int count) => LogRepaired(logger, count);

    protected override void LogRetry(string reason) => LogRepairFailed(logger, reason);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Leader inbox repair done ({Restored} pointers restored)")]
    private static partial void LogRepaired(ILogger logger, int restored);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Leader inbox repair will retry: {Reason}")]
    private static partial void LogRepairFailed(ILogger logger, string reason);
}
