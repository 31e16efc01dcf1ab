using System.Text.Json;
using Azure;
using BpomBot.Domain.Reminders;
using BpomBot.Storage.Reminders;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Retention;

/// <summary>What one reminder retention pass removed, per table.</summary>
public sealed record ReminderRetentionResult(int Notifications, int ReminderSubjects, int ReminderItems);

/// <summary>
/// Retention of the reminder tables (docs/storage.md, "Retention"):
/// <list type="bullet">
/// <item>Notifications delivered or given up (Sent, Failed, Skipped) whose due day is more than <see cref="NotificationAge"/>
/// ago: a key range (PK = due day) and a status filter, so every row a page returns is removed.</item>
/// <item>ReminderSubjects of finished work (cancelled: the disposisi was decided, the ticket closed) not written for
/// <see cref="SubjectAge"/>; an active subject is never cancelled, and scheduling it again clears the flag.</item>
/// <item>ReminderItems whose due hour is more than <see cref="ItemAge"/> ago: the sweep only reads the last few days, so
/// such a row (a claimed row whose delete was cut, or a reminder missed while no sweep ran) is never read again.</item>
/// </list>
/// Each table is read one page (at most <see cref="MaxPerPass"/> rows) per pass, continuing from where the previous pass
/// stopped (the cursor is kept in this singleton; a restart begins again at the start), so rows that must stay can never
/// block the ones behind them. Every delete is conditional on the row's ETag: a row written meanwhile stays.
/// </summary>
public sealed class ReminderRetention(TableServiceClient service, TimeProvider timeProvider)
{
    public static readonly TimeSpan NotificationAge = TimeSpan.FromDays(90);
    public static readonly TimeSpan SubjectAge = TimeSpan.FromDays(90);
    public static readonly TimeSpan ItemAge = TimeSpan.FromDays(30);
    public const int MaxPerPass = 1000;

    private static readonly string[] Finished = [nameof(NotificationStatus.Sent), nameof(NotificationStatus.Failed), nameof(NotificationStatus.Skipped)];

    // Where the next pass continues per table. Passes run one at a time (one hosted loop); a lost update here only
    // means a page is read again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _cursors = new(StringComparer.Ordinal);

    /// <summary>One pass over the three tables.</summary>
    public async Task<ReminderRetentionResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var notifications = await DeleteOldNotificationsAsync(now, cancellationToken);
        var subjects = await DeleteFinishedSubjectsAsync(now, cancellationToken);
        var items = await DeleteOldItemsAsync(now, cancellationToken);
        return new ReminderRetentionResult(notifications, subjects, items);
    }

    private Task<int> DeleteOldNotificationsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoffDay = TableKeys.Day(DateOnly.FromDateTime((now - NotificationAge).UtcDateTime));
        var finished = string.Join(" or ", Finished.Select(s => TableClient.CreateQueryFilter($"Status eq {s}")));
        var filter = $"{TableClient.CreateQueryFilter($"PartitionKey lt {cutoffDay}")} and ({finished})";
        return DeletePageAsync(TableReminderStore.NotificationsTable, filter, _ => true, cancellationToken);
    }

    private Task<int> DeleteFinishedSubjectsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        DeletePageAsync(
            TableReminderStore.SubjectsTable, TableClient.CreateQueryFilter($"Timestamp lt {now - SubjectAge}"), IsCancelledSubject, cancellationToken);

    private Task<int> DeleteOldItemsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        DeletePageAsync(
            TableReminderStore.ItemsTable, TableClient.CreateQueryFilter($"PartitionKey lt {TableKeys.HourBucket(now - ItemAge)}"), _ => true, cancellationToken);

    private static bool IsCancelledSubject(TableEntity row)
    {
        try
        {
            using var doc = JsonDocument.Parse(row.GetString(JsonDocumentTable<object>.DocumentColumn) ?? "{}");
            return doc.RootElement.TryGetProperty("cancelled", out var c) && c.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the table's next page from its cursor and deletes the rows <paramref name="remove"/> accepts.</summary>
    private async Task<int> DeletePageAsync(string tableName, string filter, Func<TableEntity, bool> remove, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(tableName);
        _cursors.TryGetValue(tableName, out var cursor);
        var (rows, next) = await TableStorage.CallAsync("RetentionQuery", async () =>
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, MaxPerPass, cancellationToken: cancellationToken)
                .AsPages(cursor, MaxPerPass).WithCancellation(cancellationToken))
            {
                return (page.Values.ToList(), page.ContinuationToken);
            }

            return (new List<TableEntity>(), (string?)null);
        }, cancellationToken);
        _cursors[tableName] = next; // null at the end of the table: the next pass starts again from the beginning

        var removed = 0;
        foreach (var row in rows.Where(remove))
        {
            try
            {
                await TableStorage.CallAsync("RetentionDelete", () => table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken), cancellationToken);
                removed++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // gone already, or written again since it was read: keep it
            }
        }

        return removed;
    }
}
