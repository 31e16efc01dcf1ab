using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Reminders;

/// <summary>
/// Reminder tables. ReminderSubjects: PK = subject id, one row. ReminderItems: PK = UTC hour bucket of DueAt, RK = item id,
/// index columns Status and DueAt; only pending items stay (a claim marks the row, then removes it), so the sweep's range
/// query over (now - lookback, now] touches little more than what is due. Notifications: PK = UTC day of DueAt, RK = id,
/// index columns Status and UpdatedAt, kept as the delivery record.
/// </summary>
public sealed class TableReminderStore(TableServiceClient service) : IReminderStore
{
    public const string SubjectsTable = "ReminderSubjects";
    public const string ItemsTable = "ReminderItems";
    public const string NotificationsTable = "Notifications";
    public static readonly IReadOnlyList<string> Tables = [SubjectsTable, ItemsTable, NotificationsTable];

    private const string SubjectRow = "state";
    private const string Pending = "Pending";
    private const string Claimed = "Claimed";

    private readonly JsonDocumentTable<ReminderSubjectState> subjects = new(service.GetTableClient(SubjectsTable));
    private readonly JsonDocumentTable<ReminderItem> items = new(service.GetTableClient(ItemsTable));
    private readonly JsonDocumentTable<Notification> notifications = new(service.GetTableClient(NotificationsTable));

    public async Task<ReminderSubjectState?> GetSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
        await subjects.GetAsync(TableKeys.Escape(subjectId), SubjectRow, cancellationToken) is { } doc ? doc.Value with { Version = doc.Version } : null;

    public async Task<ReminderSubjectState> SaveSubjectAsync(ReminderSubjectState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var version = await subjects.SaveAsync(
            TableKeys.Escape(state.Subject.SubjectId), SubjectRow, state with { Version = null }, state.Version, null, cancellationToken);
        return state with { Version = version };
    }

    public async Task<bool> TryAddItemAsync(ReminderItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await items.SaveAsync(TableKeys.HourBucket(item.DueAt), TableKeys.Escape(item.Id), item with { Version = null }, null, ItemColumns(item, Pending), cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ReminderItem>> ListDueItemsAsync(DateTimeOffset now, TimeSpan lookback, CancellationToken cancellationToken = default)
    {
        var from = now - lookback;
        var filter = TableFilter.Property("PartitionKey").Ge(TableKeys.HourBucket(from))
            .And(TableFilter.Property("PartitionKey").Le(TableKeys.HourBucket(now)))
            .And(TableFilter.Property("Status").Eq(Pending))
            .And(TableFilter.Property("DueAt").Gt(from.ToUniversalTime()))
            .And(TableFilter.Property("DueAt").Le(now.ToUniversalTime()));
        var docs = await items.QueryAsync(filter, cancellationToken: cancellationToken);
        return [.. docs.Select(d => d.Value with { Version = d.Version }).OrderBy(i => i.DueAt).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    public async Task<bool> TryRemoveItemAsync(ReminderItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Version is null)
        {
            return false;
        }

        var pk = TableKeys.HourBucket(item.DueAt);
        var rk = TableKeys.Escape(item.Id);
        string claimed;
        try
        {
            // The claim is a conditional replace (a delete of a missing row does not fail, so it cannot be the claim).
            claimed = await items.SaveAsync(pk, rk, item with { Version = null }, item.Version, ItemColumns(item, Claimed), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }

        try
        {
            await items.DeleteAsync(pk, rk, claimed, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Only a claimed row can be left behind; the sweep's status filter ignores it.
        }

        return true;
    }

    public async Task<Notification?> GetNotificationAsync(DateTimeOffset dueAt, string id, CancellationToken cancellationToken = default) =>
        await notifications.GetAsync(NotificationPartition(dueAt), TableKeys.Escape(id), cancellationToken) is { } doc ? doc.Value with { Version = doc.Version } : null;

    public Task<Notification?> TryAddNotificationAsync(Notification notification, CancellationToken cancellationToken = default) =>
        SaveNotificationAsync(notification, insert: true, cancellationToken);

    public Task<Notification?> TryUpdateNotificationAsync(Notification notification, CancellationToken cancellationToken = default) =>
        notification?.Version is null ? Task.FromResult<Notification?>(null) : SaveNotificationAsync(notification, insert: false, cancellationToken);

    public async Task<IReadOnlyList<Notification>> ListNotificationsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.Property("PartitionKey").Ge(NotificationPartition(from))
            .And(TableFilter.Property("PartitionKey").Le(NotificationPartition(to)))
            .And(TableFilter.Property("DueAt").Ge(from.ToUniversalTime()))
            .And(TableFilter.Property("DueAt").Le(to.ToUniversalTime()));
        var docs = await notifications.QueryAsync(filter, cancellationToken: cancellationToken);
        return [.. docs.Select(d => d.Value with { Version = d.Version }).OrderByDescending(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal)];
    }

    private async Task<Notification?> SaveNotificationAsync(Notification notification, bool insert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var columns = new Dictionary<string, object?>
        {
            ["Status"] = notification.Status.ToString(),
            ["DueAt"] = notification.DueAt.ToUniversalTime(),
            ["UpdatedAt"] = notification.UpdatedAt.ToUniversalTime(),
            ["Recipient"] = notification.RecipientId,
        };
        try
        {
            var version = await notifications.SaveAsync(
                NotificationPartition(notification.DueAt), TableKeys.Escape(notification.Id), notification with { Version = null },
                insert ? null : notification.Version, columns, cancellationToken);
            return notification with { Version = version };
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>The table row of a new pending item (for bulk loads through TableClient.SubmitTransactionAsync).</summary>
    public TableEntity ToPendingItemEntity(ReminderItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return items.ToEntity(TableKeys.HourBucket(item.DueAt), TableKeys.Escape(item.Id), item with { Version = null }, ItemColumns(item, Pending));
    }

    private static Dictionary<string, object?> ItemColumns(ReminderItem item, string status) => new()
    {
        ["Status"] = status,
        ["DueAt"] = item.DueAt.ToUniversalTime(),
        ["Recipient"] = item.RecipientId,
    };

    private static string NotificationPartition(DateTimeOffset dueAt) => TableKeys.Day(DateOnly.FromDateTime(dueAt.UtcDateTime));
}
