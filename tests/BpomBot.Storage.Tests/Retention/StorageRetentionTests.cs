using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Storage.Reminders;
using BpomBot.Storage.Retention;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Retention;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class StorageRetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableServiceClient _service = TableStorage.Create(azurite.ConnectionString);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(_service, [.. StorageTables.All, .. TableReminderStore.Tables]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pass_RemovesIdleDialogStateAndOldDeliveredNotifications_KeepsRecentAndUndelivered()
    {
        var dialogs = new TurnDialogStateRepository(new TurnUnit(), new TableTurnLedger(_service), TimeProvider.System);
        var store = new TableReminderStore(_service);
        var conversation = "a:retention-" + Guid.NewGuid().ToString("N");
        await dialogs.SaveAsync(new DialogStateDocument(conversation, "{\"handled\":[\"act-1\"]}", DateTimeOffset.UtcNow));
        var old = DateTimeOffset.UtcNow - StorageRetention.NotificationAge - TimeSpan.FromDays(5);
        var sent = await store.TryAddNotificationAsync(Notification("sent", old, NotificationStatus.Sent));
        var queued = await store.TryAddNotificationAsync(Notification("queued", old, NotificationStatus.Queued));
        var recent = await store.TryAddNotificationAsync(Notification("recent", DateTimeOffset.UtcNow, NotificationStatus.Sent));

        // Today: nothing is old enough for the dialog state; the 95-day-old delivered notification goes.
        var today = await new StorageRetention(_service, TimeProvider.System).RunOnceAsync();

        Assert.NotNull(await dialogs.GetAsync(conversation));
        Assert.Null(await store.GetNotificationAsync(sent!.DueAt, sent.Id));
        Assert.NotNull(await store.GetNotificationAsync(queued!.DueAt, queued.Id));
        Assert.NotNull(await store.GetNotificationAsync(recent!.DueAt, recent.Id));
        Assert.True(today.Notifications >= 1);

        // 31 days later the conversation has been idle past the limit.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + StorageRetention.DialogStateIdle + TimeSpan.FromDays(1));
        await new StorageRetention(_service, later).RunOnceAsync();

        Assert.Null(await dialogs.GetAsync(conversation));
    }

    [Fact]
    public async Task Pass_RemovesLedgerRowsAfterTheirAge_ThenTheIdleConversationRow()
    {
        var ledger = new TableTurnLedger(_service);
        var conversation = "a:retention-ledger-" + Guid.NewGuid().ToString("N");
        var commit = new TurnCommit(conversation, null, new Dictionary<string, DialogStateEntry> { [conversation] = new("{}", DateTimeOffset.UtcNow) },
            HandledRing.Empty.With("act-1"), "act-1", "answer", DateTimeOffset.UtcNow, "commit-1", LedgerRow: true);
        Assert.Equal(TurnCommitOutcome.Committed, (await ledger.CommitAsync(commit)).Outcome);

        await new StorageRetention(_service, TimeProvider.System).RunOnceAsync();
        Assert.NotNull(await ledger.FindAsync(conversation, "act-1"));

        // After the ledger's age the row goes; the conversation row (handled ring) is still younger than its idle limit.
        await new StorageRetention(_service, new FakeTimeProvider(DateTimeOffset.UtcNow + TurnRetention.Ledger + TimeSpan.FromDays(1))).RunOnceAsync();
        Assert.Null(await ledger.FindAsync(conversation, "act-1"));
        Assert.True((await ledger.ReadAsync(conversation)).Handled.Contains("act-1"));

        await new StorageRetention(_service, new FakeTimeProvider(DateTimeOffset.UtcNow + TurnRetention.IdleConversation + TimeSpan.FromDays(1))).RunOnceAsync();
        Assert.Null((await ledger.ReadAsync(conversation)).Version);
    }

    private static Notification Notification(string name, DateTimeOffset dueAt, NotificationStatus status) =>
        new($"{name}-{Guid.NewGuid():N}", "officer-1", "bbpom-medan", DateOnly.FromDateTime(dueAt.UtcDateTime), dueAt, false, [], status, 1, null, dueAt);
}
