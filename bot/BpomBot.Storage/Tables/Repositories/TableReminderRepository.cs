using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// Reminders: PK = due hour bucket "yyyyMMddHH" (UTC), RK = reminder id; index columns Status and DueAt.
/// A sweep reads only the partitions in (now - lookback, now] and claims each row by a conditional update.
/// </summary>
public sealed class TableReminderRepository(ITableServiceClient service) : IReminderRepository
{
    private readonly JsonDocumentTable<ReminderRecord> _table = new(service.GetTableClient(StorageTables.Reminders));

    public async Task<ReminderRecord?> GetAsync(string id, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        await _table.GetAsync(TableKeys.HourBucket(dueAt), TableKeys.Escape(id), cancellationToken) is { } doc ? doc.Value with { Version = doc.Version } : null;

    public async Task<ReminderRecord> SaveAsync(ReminderRecord reminder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var stored = reminder with { Version = null, DueAt = reminder.DueAt.ToUniversalTime() };
        var version = await _table.SaveAsync(
            TableKeys.HourBucket(reminder.DueAt),
            TableKeys.Escape(reminder.Id),
            stored,
            reminder.Version,
            new Dictionary<string, object?> { ["Status"] = reminder.Status.ToString(), ["DueAt"] = reminder.DueAt, ["Recipient"] = reminder.Recipient },
            cancellationToken);
        return stored with { Version = version };
    }

    public async Task<IReadOnlyList<ReminderRecord>> ListDueAsync(DateTimeOffset now, TimeSpan lookback, CancellationToken cancellationToken = default)
    {
        var from = now - lookback;
        var filter = TableFilter.Property("PartitionKey").Ge(TableKeys.HourBucket(from))
            .And(TableFilter.Property("PartitionKey").Le(TableKeys.HourBucket(now)))
            .And(TableFilter.Property("Status").Eq(nameof(ReminderStatus.Pending)))
            .And(TableFilter.Property("DueAt").Gt(from))
            .And(TableFilter.Property("DueAt").Le(now));
        var docs = await _table.QueryAsync(filter, cancellationToken: cancellationToken);
        return docs.Select(d => d.Value with { Version = d.Version }).OrderBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<ReminderRecord?> TryClaimAsync(ReminderRecord reminder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (reminder.Version is null || reminder.Status != ReminderStatus.Pending)
        {
            return null;
        }

        try
        {
            return await SaveAsync(reminder with { Status = ReminderStatus.Claimed }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }
}
