using Azure;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Retention;

/// <summary>
/// Retention (docs/storage.md): removes turn ledger rows older than <see cref="TurnRetention.Ledger"/> and conversation
/// rows (dialog states, handled ring) idle for <see cref="DialogStateIdle"/> from DialogState; the reminder tables
/// (delivered Notifications, ReminderSubjects of finished work, stale ReminderItems) through <see cref="ReminderRetention"/>.
/// Audit is never removed here (kept for the Zona Integritas record). Each pass deletes at
/// most <see cref="MaxPerPass"/> rows per table, each delete conditional on the row's ETag so a row touched meanwhile stays.
/// It runs off the chat and reminder paths (a hosted loop, <see cref="Interval"/>).
/// </summary>
public sealed class StorageRetention(TableServiceClient service, TimeProvider timeProvider)
{
    public static readonly TimeSpan DialogStateIdle = TurnRetention.IdleConversation;
    public static readonly TimeSpan NotificationAge = ReminderRetention.NotificationAge;
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);
    public const int MaxPerPass = 1000;

    private readonly ReminderRetention _reminders = new(service, timeProvider);

    /// <summary>One pass; returns how many rows it removed per table.</summary>
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();

        // Ledger rows outlive any redelivery by far (the channel retries within minutes); a conversation row idle for
        // longer than the ledger rows live has none of them left, so removing it forgets nothing a redelivery needs,
        // and a later message simply starts a fresh state (docs/storage.md, "Turns").
        var ledger = await DeleteAsync(
            StorageTables.DialogState,
            TableFilter.Property("RowKey").Ge(TableTurnLedger.LedgerRowKeyPrefix)
                .And(TableFilter.Property("RowKey").Lt(TableTurnLedger.LedgerRowKeyPrefix[..^1] + (char)(TableTurnLedger.LedgerRowKeyPrefix[^1] + 1)))
                .And(TableFilter.Property("Timestamp").Lt(now - TurnRetention.Ledger)),
            _ => true,
            cancellationToken);
        var dialogs = await DeleteAsync(
            StorageTables.DialogState,
            TableFilter.Property("RowKey").Eq(TableTurnLedger.StateRowKey).And(TableFilter.Property("Timestamp").Lt(now - DialogStateIdle)),
            _ => true,
            cancellationToken);

        // Notifications, ReminderSubjects and ReminderItems: ReminderRetention.
        var reminders = await _reminders.RunOnceAsync(cancellationToken);

        return new RetentionResult(dialogs, reminders.Notifications, reminders.ReminderSubjects, reminders.ReminderItems, ledger);
    }

    private async Task<int> DeleteAsync(string tableName, TableFilter filter, Func<TableEntity, bool> remove, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(tableName);
        var rows = await TableStorage.CallAsync("RetentionQuery", async () =>
        {
            var found = new List<TableEntity>();
            await foreach (var page in table.QueryAsync<TableEntity>(filter.ToString(), maxPerPage: MaxPerPass, cancellationToken: cancellationToken).AsPages())
            {
                found.AddRange(page.Values);
                break; // one page per pass: bounded work; the next pass continues
            }

            return found;
        }, cancellationToken);

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
                // gone already, or used again since it was read: keep it
            }
        }

        return removed;
    }
}

public sealed record RetentionResult(int DialogStates, int Notifications, int ReminderSubjects, int ReminderItems = 0, int LedgerRows = 0);

/// <summary>Runs <see cref="StorageRetention"/> every <see cref="StorageRetention.Interval"/> once the tables exist.</summary>
public sealed partial class StorageRetentionService(StorageRetention retention, StorageReadiness readiness, TimeProvider timeProvider, ILogger<StorageRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(StorageRetention.Interval, timeProvider);
        do
        {
            if (!readiness.TablesReady)
            {
                continue;
            }

            try
            {
                var result = await retention.RunOnceAsync(stoppingToken);
                LogPass(logger, result.DialogStates, result.LedgerRows, result.Notifications, result.ReminderSubjects, result.ReminderItems);
            }
            catch (Exception ex) when (ex is StorageUnavailableException or RequestFailedException)
            {
                LogFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Retention pass removed {DialogStates} conversation rows, {LedgerRows} turn ledger rows, {Notifications} notifications, {Subjects} reminder subjects, {Items} reminder items")]
    private static partial void LogPass(ILogger logger, int dialogStates, int ledgerRows, int notifications, int subjects, int items);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Retention pass failed, next pass retries: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
