using BpomBot.Domain.Roster;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Storage.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Disposisi;

/// <summary>
/// DelegationsByDelegate under a crash at every point of a save (copies unconfirmed, then primary, then confirm and
/// old-copy removal): what a Plt/Plh sees always matches the stored delegation (never a revocation or a grant that was
/// not stored), once; the retry converges and copies left behind are confirmed or removed by later reads.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class DelegationCrashConsistencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(At);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(TableStorage.Create(azurite.ConnectionString), DisposisiTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Grant_CrashAfterEachWrite_DelegateSeesItOnlyIfStored_RetrySeesItOnce(int writesBeforeCrash)
    {
        var healthy = Healthy();
        var d = NewDelegation();
        var completed = await TrySaveAsync(Crashing(writesBeforeCrash), d);

        var stored = (await healthy.ListByLeaderAsync(d.LeaderId)).SingleOrDefault();
        Assert.Equal(writesBeforeCrash >= 2, completed); // confirming the copy is best effort
        Assert.Equal(writesBeforeCrash >= 2, stored is not null);
        Assert.Equal(stored is null ? [] : [d.Id], (await healthy.ListByDelegateAsync(d.DelegateId)).Select(x => x.Id));

        if (stored is null)
        {
            await healthy.SaveAsync(d); // the leader sets it again
        }

        Assert.Equal([d.Id], (await healthy.ListByDelegateAsync(d.DelegateId)).Select(x => x.Id));
        Assert.Equal([true], await ConfirmedAsync(d.DelegateId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Revoke_CrashAfterEachWrite_DelegateSeesTheStoredRevocation(int writesBeforeCrash)
    {
        var healthy = Healthy();
        var saved = await healthy.SaveAsync(NewDelegation());

        var completed = await TrySaveAsync(Crashing(writesBeforeCrash), saved with { Revoked = true });

        var stored = Assert.Single(await healthy.ListByLeaderAsync(saved.LeaderId));
        Assert.Equal(writesBeforeCrash >= 2, completed);
        Assert.Equal(writesBeforeCrash >= 2, stored.Revoked);
        Assert.Equal(stored.Revoked, Assert.Single(await healthy.ListByDelegateAsync(saved.DelegateId)).Revoked);
        Assert.Equal([true], await ConfirmedAsync(saved.DelegateId)); // the read repaired the copy
        Assert.Equal(stored.Revoked, Assert.Single(await healthy.ListByDelegateAsync(saved.DelegateId)).Revoked);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ChangeDelegate_CrashAfterEachWrite_ExactlyOneDelegateSeesIt_StaleCopyRemovedAfterGrace(int writesBeforeCrash)
    {
        var healthy = Healthy();
        var saved = await healthy.SaveAsync(NewDelegation());
        var other = "plh-" + Guid.NewGuid().ToString("N");

        var completed = await TrySaveAsync(Crashing(writesBeforeCrash), saved with { DelegateId = other });

        var stored = Assert.Single(await healthy.ListByLeaderAsync(saved.LeaderId));
        Assert.Equal(writesBeforeCrash >= 3, completed);
        Assert.Equal(writesBeforeCrash >= 3 ? other : saved.DelegateId, stored.DelegateId);
        var first = await healthy.ListByDelegateAsync(saved.DelegateId);
        var second = await healthy.ListByDelegateAsync(other);
        Assert.Equal(1, first.Count + second.Count); // never lost, never twice
        Assert.Equal(stored.DelegateId, Assert.Single(first.Concat(second)).DelegateId);

        _time.Advance(TableDelegationRepository.DanglingGrace + TimeSpan.FromMinutes(1));
        Assert.Equal(first.Count, (await healthy.ListByDelegateAsync(saved.DelegateId)).Count);
        Assert.Equal(second.Count, (await healthy.ListByDelegateAsync(other)).Count);
        var rows = (await ConfirmedAsync(saved.DelegateId)).Concat(await ConfirmedAsync(other)).ToList();
        Assert.Equal([true], rows);
    }

    private static Delegation NewDelegation()
    {
        var leader = "kepala-" + Guid.NewGuid().ToString("N");
        return new Delegation(Guid.NewGuid().ToString("N"), leader, "plh-" + Guid.NewGuid().ToString("N"), DelegationKind.Plh, new(2026, 3, 2), new(2026, 3, 6), leader, At);
    }

    private static async Task<bool> TrySaveAsync(TableDelegationRepository repo, Delegation d)
    {
        try
        {
            await repo.SaveAsync(d);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private TableDelegationRepository Healthy() => new(TableStorage.Create(azurite.ConnectionString), _time);

    private TableDelegationRepository Crashing(int writes) => new(CrashAfterPolicy.Client(azurite.ConnectionString, writes), _time);

    private async Task<List<bool>> ConfirmedAsync(string delegateId)
    {
        var table = TableStorage.Create(azurite.ConnectionString).GetTableClient(DisposisiTables.DelegationsByDelegate);
        var result = new List<bool>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == delegateId))
        {
            result.Add(row.GetBoolean("Confirmed") == true);
        }

        return result;
    }
}
