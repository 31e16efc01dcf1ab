using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Storage.Tests.Faults;

namespace BpomBot.Storage.Tests.Repositories;

/// <summary>The turn's storage (one conversation row with the handled ring; an invoke's ledger row in the same transaction), against Azurite.</summary>
public abstract class TurnIntegrityContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 11, 2, 30, 0, TimeSpan.Zero);

    protected abstract TableServiceClient Service { get; }

    protected abstract string ConnectionString { get; }

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(Service, StorageTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewId(string prefix) => prefix + "/" + Guid.NewGuid().ToString("N");

    /// <summary>A turn's commit; <paramref name="answer"/> set makes it an invoke's (with a ledger row).</summary>
    private static TurnCommit Commit(string conversation, ConversationTurnState read, string? activityId, string json, string? answer = null) =>
        new(conversation, read.Version, new Dictionary<string, DialogStateEntry> { [conversation] = new(json, T0) },
            activityId is null ? read.Handled : read.Handled.With(activityId), activityId, answer, T0, Guid.NewGuid().ToString("N"), LedgerRow: answer is not null);

    private async Task<List<string>> RowKeysAsync(string conversation)
    {
        var keys = new List<string>();
        await foreach (var row in Service.GetTableClient(StorageTables.DialogState)
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == TableKeys.Escape(conversation), select: ["RowKey"]))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    [Fact]
    public async Task Commit_ThenRead_HasTheStateTheRecentIdAndTheLedgerRowWithTheAnswer()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");

        var empty = await ledger.ReadAsync(conversation);
        var first = await ledger.CommitAsync(Commit(conversation, empty, "act-1", "{\"p\":1}", "{\"statusCode\":200}"));
        var read = await ledger.ReadAsync(conversation);
        var handled = await ledger.FindAsync(conversation, "act-1");

        Assert.Null(empty.Version);
        Assert.Equal(TurnCommitOutcome.Committed, first.Outcome);
        Assert.NotNull(read.Version);
        Assert.Equal("{\"p\":1}", read.Dialogs[conversation].Json);
        Assert.True(read.Handled.Contains("act-1"));
        Assert.Equal(1, read.Handled.Count);
        Assert.Equal("{\"statusCode\":200}", handled?.Answer);
        Assert.Null(await ledger.FindAsync(conversation, "act-2"));
    }

    [Fact]
    public async Task Commit_AfterAnotherTurnCommitted_IsStateChanged_AndWritesNothing()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");
        await ledger.CommitAsync(Commit(conversation, ConversationTurnState.Empty, "act-0", "{}"));
        var read = await ledger.ReadAsync(conversation);

        var winner = await ledger.CommitAsync(Commit(conversation, read, "act-1", "{\"by\":1}"));
        var loser = await ledger.CommitAsync(Commit(conversation, read, "act-2", "{\"by\":2}"));

        Assert.Equal(TurnCommitOutcome.Committed, winner.Outcome);
        Assert.Equal(TurnCommitOutcome.StateChanged, loser.Outcome);
        Assert.Null(await ledger.FindAsync(conversation, "act-2"));
        Assert.Equal("{\"by\":1}", (await ledger.ReadAsync(conversation)).Dialogs[conversation].Json);
    }

    [Fact]
    public async Task TwoInstancesRacing_DifferentActivitiesFromOneRead_ExactlyOneCommits()
    {
        var conversation = NewId("a:conv");
        foreach (var version in new[] { "new", "existing" })
        {
            if (version == "existing")
            {
                await new TableTurnLedger(Service).CommitAsync(Commit(conversation, await new TableTurnLedger(Service).ReadAsync(conversation), null, "{}"));
            }

            var read = await new TableTurnLedger(Service).ReadAsync(conversation);
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                new TableTurnLedger(Service).CommitAsync(Commit(conversation, read, $"{version}-{i}", "{}"))));

            Assert.Single(results, r => r.Outcome == TurnCommitOutcome.Committed);
            Assert.Equal(3, results.Count(r => r.Outcome == TurnCommitOutcome.StateChanged));
        }
    }

    [Fact]
    public async Task SameActivityHandledTwice_SecondCommitIsAlreadyHandled_WithTheFirstAnswer()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");
        var read = await ledger.ReadAsync(conversation);

        // Both deliveries read before either committed (two instances); the first one's row wins.
        await ledger.CommitAsync(Commit(conversation, read, "act-1", "{}", "first"));
        var again = await ledger.CommitAsync(Commit(conversation, await ledger.ReadAsync(conversation), "act-1", "{}", "second"));
        var stale = await ledger.CommitAsync(Commit(conversation, read, "act-1", "{}", "third"));

        Assert.Equal(new TurnCommitResult(TurnCommitOutcome.AlreadyHandled, "first"), again);
        Assert.Equal(new TurnCommitResult(TurnCommitOutcome.AlreadyHandled, "first"), stale);
    }

    [Fact]
    public async Task CommitRetriedByTheSdkAfterALostAnswer_IsRecognisedAsCommitted()
    {
        var (client, policy) = LostResponsePolicy.Client(ConnectionString);
        var ledger = new TableTurnLedger(client);
        foreach (var existing in new[] { false, true })
        {
            var conversation = NewId("a:conv");
            if (existing)
            {
                await new TableTurnLedger(Service).CommitAsync(Commit(conversation, ConversationTurnState.Empty, "act-0", "{}"));
                (client, policy) = LostResponsePolicy.Client(ConnectionString);
                ledger = new TableTurnLedger(client);
            }

            var read = await ledger.ReadAsync(conversation);
            var result = await ledger.CommitAsync(Commit(conversation, read, "act-1", "{\"saved\":true}", "answer"));

            Assert.Equal(1, policy.Dropped);
            Assert.Equal(TurnCommitOutcome.Committed, result.Outcome);
            Assert.Equal("{\"saved\":true}", (await ledger.ReadAsync(conversation)).Dialogs[conversation].Json);
            Assert.Equal("answer", (await ledger.FindAsync(conversation, "act-1"))?.Answer);
        }
    }

    [Fact]
    public async Task StandaloneCommitRetriedAfterALostAnswer_IsRecognisedAsCommitted()
    {
        var (client, policy) = LostResponsePolicy.Client(ConnectionString);
        var ledger = new TableTurnLedger(client);
        var conversation = NewId("a:conv");
        await new TableTurnLedger(Service).CommitAsync(Commit(conversation, ConversationTurnState.Empty, null, "{}"));

        var result = await ledger.CommitAsync(Commit(conversation, await ledger.ReadAsync(conversation), null, "{\"v\":2}"));

        Assert.Equal(1, policy.Dropped);
        Assert.Equal(TurnCommitOutcome.Committed, result.Outcome);
    }

    [Fact]
    public async Task MessageCommit_IsOneWriteOfTheConversationRow_AndItsIdIsInTheRing()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");

        var inserted = await ledger.CommitAsync(Commit(conversation, ConversationTurnState.Empty, "msg-1", "{\"p\":1}"));
        var replaced = await ledger.CommitAsync(Commit(conversation, await ledger.ReadAsync(conversation), "msg-2", "{\"p\":2}"));
        var read = await ledger.ReadAsync(conversation);

        Assert.Equal(TurnCommitOutcome.Committed, inserted.Outcome);
        Assert.Equal(TurnCommitOutcome.Committed, replaced.Outcome);
        Assert.Equal(replaced.Version, read.Version);
        Assert.True(read.Handled.Contains("msg-1") && read.Handled.Contains("msg-2"));
        Assert.Equal([TableTurnLedger.StateRowKey], await RowKeysAsync(conversation));
        Assert.Null(await ledger.FindAsync(conversation, "msg-1"));
    }

    [Fact]
    public async Task SameMessageOnTwoInstances_FromOneRead_SecondIsAlreadyHandled_AndAnotherMessageMustRunAgain()
    {
        foreach (var existing in new[] { false, true })
        {
            var ledger = new TableTurnLedger(Service);
            var conversation = NewId("a:conv");
            if (existing)
            {
                await ledger.CommitAsync(Commit(conversation, ConversationTurnState.Empty, "msg-0", "{}"));
            }

            var read = await ledger.ReadAsync(conversation);
            var winner = await ledger.CommitAsync(Commit(conversation, read, "msg-1", "{\"by\":1}"));
            var same = await ledger.CommitAsync(Commit(conversation, read, "msg-1", "{\"by\":2}"));
            var other = await ledger.CommitAsync(Commit(conversation, read, "msg-2", "{\"by\":3}"));

            Assert.Equal(TurnCommitOutcome.Committed, winner.Outcome);
            Assert.Equal(TurnCommitOutcome.AlreadyHandled, same.Outcome);
            Assert.Equal(TurnCommitOutcome.StateChanged, other.Outcome);
            Assert.Equal("{\"by\":1}", (await ledger.ReadAsync(conversation)).Dialogs[conversation].Json);
        }
    }

    [Fact]
    public async Task MessageRedeliveredAfterTenOtherTurns_IsInTheStoredRing_AndOneOlderThanTheRingIsNot()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");
        await ledger.CommitAsync(Commit(conversation, ConversationTurnState.Empty, "old", "{}"));
        for (var i = 0; i < 10; i++)
        {
            await ledger.CommitAsync(Commit(conversation, await ledger.ReadAsync(conversation), $"msg-{i}", "{}"));
        }

        Assert.True((await ledger.ReadAsync(conversation)).Handled.Contains("old"));

        for (var i = 10; i < HandledRing.Capacity; i++)
        {
            await ledger.CommitAsync(Commit(conversation, await ledger.ReadAsync(conversation), $"msg-{i}", "{}"));
        }

        var read = await ledger.ReadAsync(conversation);
        Assert.False(read.Handled.Contains("old"));
        Assert.Equal(HandledRing.Capacity, read.Handled.Count);
    }

    [Fact]
    public async Task MessageCommitRetriedByTheSdkAfterALostAnswer_IsRecognisedAsCommitted()
    {
        foreach (var existing in new[] { false, true })
        {
            var conversation = NewId("a:conv");
            if (existing)
            {
                await new TableTurnLedger(Service).CommitAsync(Commit(conversation, ConversationTurnState.Empty, "msg-0", "{}"));
            }

            var (client, policy) = LostResponsePolicy.Client(ConnectionString);
            var ledger = new TableTurnLedger(client);
            var result = await ledger.CommitAsync(Commit(conversation, await ledger.ReadAsync(conversation), "msg-1", "{\"saved\":true}"));
            var read = await ledger.ReadAsync(conversation);

            Assert.Equal(1, policy.Dropped);
            Assert.Equal(TurnCommitOutcome.Committed, result.Outcome);
            Assert.Equal(read.Version, result.Version);
            Assert.Equal("{\"saved\":true}", read.Dialogs[conversation].Json);
            Assert.True(read.Handled.Contains("msg-1"));
        }
    }

    [Fact]
    public async Task RowWrittenBeforeTheRing_ItsPlainIdsAreStillRecognised_AndTheNextCommitWritesTheRing()
    {
        var conversation = NewId("a:conv");
        var legacy = new JsonDocumentTable<TableTurnLedger.ConversationRow>(Service.GetTableClient(StorageTables.DialogState));
        await legacy.SaveAsync(TableKeys.Escape(conversation), TableTurnLedger.StateRowKey,
            new TableTurnLedger.ConversationRow(new() { [conversation] = new("{}", T0) }, ["old-1", "old-2"], "c0"), null);
        var ledger = new TableTurnLedger(Service);

        var read = await ledger.ReadAsync(conversation);
        await ledger.CommitAsync(Commit(conversation, read, "new-1", "{}"));
        var stored = await legacy.GetAsync(TableKeys.Escape(conversation), TableTurnLedger.StateRowKey);

        Assert.True(read.Handled.Contains("old-1") && read.Handled.Contains("old-2"));
        Assert.False(read.Handled.Contains("old-3"));
        Assert.Null(stored?.Value.Recent);
        Assert.Equal(3, HandledRing.Parse(stored?.Value.Handled).Count);
    }

    [Fact]
    public async Task RowDeletedByRetention_NextTurnStartsFresh()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");
        await ledger.CommitAsync(Commit(conversation, ConversationTurnState.Empty, "act-1", "{}"));
        var read = await ledger.ReadAsync(conversation);
        await Service.GetTableClient(StorageTables.DialogState).DeleteEntityAsync(TableKeys.Escape(conversation), TableTurnLedger.StateRowKey);

        var stale = await ledger.CommitAsync(Commit(conversation, read, "act-2", "{}"));
        var fresh = await ledger.CommitAsync(Commit(conversation, await ledger.ReadAsync(conversation), "act-2", "{}"));

        Assert.Equal(TurnCommitOutcome.StateChanged, stale.Outcome);
        Assert.Equal(TurnCommitOutcome.Committed, fresh.Outcome);
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteTurnIntegrityTests(AzuriteFixture azurite) : TurnIntegrityContract
{
    protected override TableServiceClient Service { get; } = TableStorage.Create(azurite.ConnectionString);

    protected override string ConnectionString => azurite.ConnectionString;
}
