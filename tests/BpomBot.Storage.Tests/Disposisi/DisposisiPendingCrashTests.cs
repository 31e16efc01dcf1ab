using BpomBot.Domain.Disposisi;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Storage.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Disposisi;

/// <summary>
/// The leader inbox (DisposisiPending) under a crash at every point of a create (pointer, then primary) and of a
/// decision (primary, then pointer removal): the next read shows exactly the undecided disposisi, the retry converges,
/// nothing is lost or listed twice, and a pointer left behind is removed by a later read.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class DisposisiPendingCrashTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(At);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(TableStorage.Create(azurite.ConnectionString), DisposisiTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Create_CrashAfterEachWrite_InboxShowsNothingHalfDone_RetryListsItOnce(int writesBeforeCrash)
    {
        var leader = "leader-" + Guid.NewGuid().ToString("N");
        var healthy = Healthy();
        var crashing = new TableDisposisiRepository(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash), _time);
        var d = DisposisiRepositoryContract.Sample(NewId(), leader, At);

        await Assert.ThrowsAnyAsync<Exception>(() => crashing.CreateAsync(d));

        Assert.Null(await healthy.GetAsync(d.Id));
        Assert.Empty(await healthy.ListPendingForAsync(leader));
        Assert.Equal(writesBeforeCrash, await PointerCountAsync(leader)); // the pointer is written first, kept within the grace

        await healthy.CreateAsync(DisposisiRepositoryContract.Sample(d.Id, leader, At));

        Assert.Equal([d.Id], (await healthy.ListPendingForAsync(leader)).Select(x => x.Id));
        Assert.Equal(1, await PointerCountAsync(leader));
    }

    [Fact]
    public async Task Create_CrashAfterPointer_NeverRetried_DanglingPointerRemovedAfterGrace()
    {
        var leader = "leader-" + Guid.NewGuid().ToString("N");
        var healthy = Healthy();
        var crashing = new TableDisposisiRepository(CrashAfterPolicy.Client(azurite.ConnectionString, 1), _time);
        var kept = DisposisiRepositoryContract.Sample(NewId(), leader, At);
        await healthy.CreateAsync(kept);
        await Assert.ThrowsAnyAsync<Exception>(() => crashing.CreateAsync(DisposisiRepositoryContract.Sample(NewId(), leader, At)));
        Assert.Equal(2, await PointerCountAsync(leader));

        _time.Advance(TableDisposisiRepository.DanglingGrace + TimeSpan.FromMinutes(1));

        Assert.Equal([kept.Id], (await healthy.ListPendingForAsync(leader)).Select(x => x.Id));
        Assert.Equal(1, await PointerCountAsync(leader));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Decide_CrashAfterEachWrite_InboxMatchesTheStoredState_PointerGoneAfterNextRead(int writesBeforeCrash)
    {
        var leader = "leader-" + Guid.NewGuid().ToString("N");
        var healthy = Healthy();
        var other = DisposisiRepositoryContract.Sample(NewId(), leader, At.AddMinutes(-5));
        var d = DisposisiRepositoryContract.Sample(NewId(), leader, At);
        await healthy.CreateAsync(other);
        await healthy.CreateAsync(d);
        var crashing = new TableDisposisiRepository(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash), _time);
        var loaded = (await crashing.GetAsync(d.Id))!;
        loaded.State = DisposisiState.Disetujui;
        loaded.DecidedBy = leader;

        var completed = true;
        try
        {
            await crashing.UpdateAsync(loaded, loaded.Version!);
        }
        catch (Exception)
        {
            completed = false;
        }

        var stored = (await healthy.GetAsync(d.Id))!;
        Assert.Equal(writesBeforeCrash >= 1, completed); // the pointer's removal is best effort
        Assert.Equal(writesBeforeCrash >= 1, stored.IsDecided);
        var expected = stored.IsDecided ? [other.Id] : new[] { other.Id, d.Id };
        Assert.Equal(expected, (await healthy.ListPendingForAsync(leader)).Select(x => x.Id));

        // No grace needed: that read already removed the pointer of a decided disposisi; the next read is the same.
        Assert.Equal(expected.Length, await PointerCountAsync(leader));
        Assert.Equal(expected, (await healthy.ListPendingForAsync(leader)).Select(x => x.Id));

        if (!stored.IsDecided)
        {
            // The leader clicks again on a healthy instance: exactly one decision, the inbox converges.
            stored.State = DisposisiState.Disetujui;
            await healthy.UpdateAsync(stored, stored.Version!);
            Assert.Equal([other.Id], (await healthy.ListPendingForAsync(leader)).Select(x => x.Id));
            Assert.Equal(1, await PointerCountAsync(leader));
        }
    }

    [Fact]
    public async Task Update_OfUndecidedWithLostPointer_RestoresIt()
    {
        var leader = "leader-" + Guid.NewGuid().ToString("N");
        var healthy = Healthy();
        var d = DisposisiRepositoryContract.Sample(NewId(), leader, At);
        await healthy.CreateAsync(d);
        await Pending().DeleteEntityAsync(leader, d.Id); // as a crash under the old write order (primary, then pointer) left it
        Assert.Empty(await healthy.ListPendingForAsync(leader));

        d.State = DisposisiState.Dibaca;
        await healthy.UpdateAsync(d, d.Version!);

        Assert.Equal([d.Id], (await healthy.ListPendingForAsync(leader)).Select(x => x.Id));
    }

    private static string NewId() => "d-" + Guid.NewGuid().ToString("N")[..12];

    private TableDisposisiRepository Healthy() => new(TableStorage.Create(azurite.ConnectionString), _time);

    private TableClient Pending() => TableStorage.Create(azurite.ConnectionString).GetTableClient(DisposisiTables.Pending);

    private async Task<int> PointerCountAsync(string leader)
    {
        var count = 0;
        await foreach (var _ in Pending().QueryAsync<TableEntity>(e => e.PartitionKey == leader))
        {
            count++;
        }

        return count;
    }
}
