using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// Audit (append-only, insert only): PK = "s_" + subject, RK = inverted ticks + "_" + 12 hex of the event's SHA-256
/// (newest first; the same event always gets the same key, so a retried append never duplicates it). The day index
/// PK = "d_" + yyyyMMdd (UTC) with the same RK holds a copy for admin review. The day copy is inserted first, then the
/// subject row; a row that already exists counts as written. A crash between the two leaves a day copy without its
/// subject row: the retry completes it, and so does the next day listing, which inserts any missing subject row from
/// the copy it read. Nothing is lost and nothing is recorded twice.
/// </summary>
public sealed class TableAuditLog(TableServiceClient service) : IAuditLog
{
    private const int RepairParallelism = 8;
    private readonly JsonDocumentTable<AuditEvent> _table = new(service.GetTableClient(StorageTables.Audit));

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var rowKey = RowKey(auditEvent);
        await InsertOnceAsync(DayPartition(DateOnly.FromDateTime(auditEvent.At.UtcDateTime)), rowKey, auditEvent, cancellationToken);
        await InsertOnceAsync(SubjectPartition(auditEvent.Subject), rowKey, auditEvent, cancellationToken);
    }

    public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
        ListAsync(SubjectPartition(subject), max, cancellationToken);

    public async Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var docs = await _table.QueryAsync(TableFilter.PartitionKeyEquals(DayPartition(utcDay)), max, cancellationToken);

        // Complete appends cut after the day copy: every listed event must also be in its subject's partition.
        await Parallel.ForEachAsync(
            docs,
            new ParallelOptions { MaxDegreeOfParallelism = RepairParallelism, CancellationToken = cancellationToken },
            async (doc, ct) =>
            {
                var partition = SubjectPartition(doc.Value.Subject);
                if (await _table.GetAsync(partition, doc.RowKey, ct) is null)
                {
                    await InsertOnceAsync(partition, doc.RowKey, doc.Value, ct);
                }
            });

        return docs.Select(d => d.Value).ToList();
    }

    /// <summary>Inverted ticks (newest first) + a content hash: deterministic, so a retry of the same event finds its rows.</summary>
    internal static string RowKey(AuditEvent auditEvent)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(auditEvent, JsonDocumentTable<AuditEvent>.DefaultSerializerOptions));
        return (DateTimeOffset.MaxValue.UtcTicks - auditEvent.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + Convert.ToHexStringLower(hash)[..12];
    }

    private async Task InsertOnceAsync(string partition, string rowKey, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, object?> { ["Subject"] = auditEvent.Subject, ["Actor"] = auditEvent.Actor, ["At"] = auditEvent.At };
        try
        {
            await _table.SaveAsync(partition, rowKey, auditEvent, null, columns, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // already written (a retry of the same event, or a repair): insert-only, so the stored row is this event
        }
    }

    private async Task<IReadOnlyList<AuditEvent>> ListAsync(string partition, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var docs = await _table.QueryAsync(TableFilter.PartitionKeyEquals(partition), max, cancellationToken);
        return docs.Select(d => d.Value).ToList();
    }

    private static string SubjectPartition(string subject) => "s_" + TableKeys.Escape(subject);

    private static string DayPartition(DateOnly day) => "d_" + TableKeys.Day(day);
}
