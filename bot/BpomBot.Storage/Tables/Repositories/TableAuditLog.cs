using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// Audit (append-only, insert only): PK = "s_" + subject, RK = inverted ticks + unique suffix (newest first);
/// the day index PK = "d_" + yyyyMMdd (UTC) with the same RK holds a copy for admin review.
/// </summary>
public sealed class TableAuditLog(TableServiceClient service) : IAuditLog
{
    private readonly JsonDocumentTable<AuditEvent> _table = new(service.GetTableClient(StorageTables.Audit));

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var rowKey = TableKeys.NewestFirst(auditEvent.At);
        var columns = new Dictionary<string, object?> { ["Subject"] = auditEvent.Subject, ["Actor"] = auditEvent.Actor, ["At"] = auditEvent.At };
        await _table.SaveAsync(SubjectPartition(auditEvent.Subject), rowKey, auditEvent, null, columns, cancellationToken);
        await _table.SaveAsync(DayPartition(DateOnly.FromDateTime(auditEvent.At.UtcDateTime)), rowKey, auditEvent, null, columns, cancellationToken);
    }

    public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
        ListAsync(SubjectPartition(subject), max, cancellationToken);

    public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
        ListAsync(DayPartition(utcDay), max, cancellationToken);

    private async Task<IReadOnlyList<AuditEvent>> ListAsync(string partition, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var docs = await _table.QueryAsync(TableFilter.PartitionKeyEquals(partition), max, cancellationToken);
        return docs.Select(d => d.Value).ToList();
    }

    private static string SubjectPartition(string subject) => "s_" + TableKeys.Escape(subject);

    private static string DayPartition(DateOnly day) => "d_" + TableKeys.Day(day);
}
