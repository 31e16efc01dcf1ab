using System.Globalization;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// CalendarOverrides: PK = "override", RK = added-at ticks (19 digits) + "-" + id, so a partition read lists them in the
/// order they were added. The override and its audit event are one row (one write); the event is then copied to the
/// audit trail for review. The table is small (a few rows a year), so reading it whole on refresh is cheap.
/// </summary>
public sealed class TableCalendarOverrideRepository(TableServiceClient service, IAuditLog auditLog) : ICalendarOverrideRepository
{
    private const string Partition = "override";
    private readonly JsonDocumentTable<StoredOverride> _table = new(service.GetTableClient(StorageTables.CalendarOverrides));

    public async Task<IReadOnlyList<CalendarOverride>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await _table.QueryAsync(TableFilter.PartitionKeyEquals(Partition), cancellationToken: cancellationToken);
        return [.. rows.Select(r => r.Value.Override)];
    }

    public async Task AddAsync(CalendarOverride calendarOverride, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendarOverride);
        var rowKey = calendarOverride.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + calendarOverride.Id;
        var existing = await _table.QueryAsync(TableFilter.PartitionKeyEquals(Partition).And(TableFilter.Property("Id").Eq(calendarOverride.Id)), 1, cancellationToken);
        if (existing.Count > 0)
        {
            throw new ConcurrencyConflictException($"calendar override {calendarOverride.Id} already exists");
        }

        var index = new Dictionary<string, object?> { ["Id"] = calendarOverride.Id };
        await _table.SaveAsync(Partition, rowKey, new StoredOverride(calendarOverride, audit), null, index, cancellationToken);
        await auditLog.AppendAsync(audit, cancellationToken);
    }

    internal sealed record StoredOverride(CalendarOverride Override, AuditEvent Audit);
}
