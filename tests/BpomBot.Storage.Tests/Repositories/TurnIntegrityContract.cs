using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Repositories;

/// <summary>The turn ledger (claims and the conversation lock), against Azurite.</summary>
public abstract class TurnIntegrityContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 11, 2, 30, 0, TimeSpan.Zero);

    protected abstract TableServiceClient Service { get; }

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(Service, [.. StorageTables.All, TableTurnLedger.TableName]);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewId(string prefix) => prefix + "/" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Ledger_FirstDeliveryClaims_RedeliveryFindsDoneWithTheAnswer()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");

        var claim = await ledger.TryBeginAsync(conversation, "act-1", T0, TimeSpan.FromMinutes(2));
        var during = await ledger.TryBeginAsync(conversation, "act-1", T0.AddSeconds(1), TimeSpan.FromMinutes(2));
        await ledger.CompleteAsync(conversation, "act-1", claim, "{\"statusCode\":200}", T0.AddSeconds(2));
        var after = await ledger.TryBeginAsync(conversation, "act-1", T0.AddSeconds(3), TimeSpan.FromMinutes(2));
        var other = await ledger.TryBeginAsync(conversation, "act-2", T0.AddSeconds(3), TimeSpan.FromMinutes(2));

        Assert.Equal(TurnClaimStatus.Claimed, claim.Status);
        Assert.Equal(TurnClaimStatus.InProgress, during.Status);
        Assert.Equal(new TurnClaim(TurnClaimStatus.Done, after.Version, "{\"statusCode\":200}"), after);
        Assert.Equal(TurnClaimStatus.Claimed, other.Status);
    }

    [Fact]
    public async Task Ledger_ClaimOfADeadOwner_IsTakenOverAfterTheLeaseOnlyOnce()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");
        await ledger.TryBeginAsync(conversation, "act-1", T0, TimeSpan.FromMinutes(2));

        var takeovers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ledger.TryBeginAsync(conversation, "act-1", T0.AddMinutes(3), TimeSpan.FromMinutes(2))));

        Assert.Single(takeovers, c => c.Status == TurnClaimStatus.Claimed);
    }

    [Fact]
    public async Task Ledger_TwoInstancesRacing_OneClaims()
    {
        var conversation = NewId("a:conv");

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new TableTurnLedger(Service).TryBeginAsync(conversation, "act-1", T0, TimeSpan.FromMinutes(2))));

        Assert.Single(claims, c => c.Status == TurnClaimStatus.Claimed);
    }

    [Fact]
    public async Task ConversationLock_HeldUntilReleasedOrExpired()
    {
        var ledger = new TableTurnLedger(Service);
        var conversation = NewId("a:conv");
        var lease = TimeSpan.FromMinutes(2);

        var first = await ledger.TryLockConversationAsync(conversation, T0, lease);
        var whileHeld = await ledger.TryLockConversationAsync(conversation, T0.AddSeconds(1), lease);
        await ledger.UnlockConversationAsync(conversation, first!);
        var afterRelease = await ledger.TryLockConversationAsync(conversation, T0.AddSeconds(2), lease);
        var expired = await ledger.TryLockConversationAsync(conversation, T0.AddMinutes(5), lease);

        Assert.NotNull(first);
        Assert.Null(whileHeld);
        Assert.NotNull(afterRelease);
        Assert.NotNull(expired);
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteTurnIntegrityTests(AzuriteFixture azurite) : TurnIntegrityContract
{
    protected override TableServiceClient Service { get; } = TableStorage.Create(azurite.ConnectionString);
}
