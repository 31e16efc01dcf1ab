using BpomBot.Domain.Disposisi;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using BpomBot.Storage.Tests.Azurite;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Disposisi;

/// <summary>
/// The start-up repair of the leader inbox: a pointer lost under the old write order (primary row first) is restored
/// exactly once, in bounded runs, and a decided disposisi gets none back.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class DisposisiPendingRepairTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(At);
    private readonly TableServiceClient _service = TableStorage.Create(azurite.ConnectionString);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(_service, DisposisiTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LostPointer_RestoredExactlyOnce_DecidedOneNot_InBoundedRuns()
    {
        var leader = "leader-" + Guid.NewGuid().ToString("N");
        var repo = new TableDisposisiRepository(_service, _time);
        var lost = DisposisiRepositoryContract.Sample(NewId(), leader, At);
        var kept = DisposisiRepositoryContract.Sample(NewId(), leader, At.AddMinutes(1));
        var decided = DisposisiRepositoryContract.Sample(NewId(), leader, At.AddMinutes(2));
        await repo.CreateAsync(lost);
        await repo.CreateAsync(kept);
        await repo.CreateAsync(decided);
        decided.State = DisposisiState.Disetujui;
        await repo.UpdateAsync(decided, decided.Version!);

        // The old write order: the primary row stored, the pointer never written (or the decided one's deleted).
        await Pending().DeleteEntityAsync(TableKeys.Escape(leader), TableKeys.Escape(lost.Id));
        Assert.Equal([kept.Id], (await repo.ListPendingForAsync(leader)).Select(d => d.Id));
        var keptBefore = await PointerAsync(leader, kept.Id);

        var marker = "test-" + Guid.NewGuid().ToString("N");
        var runs = await RunToEndAsync(new DisposisiPendingRepair(_service, _time, maxPerRun: 2, marker));

        Assert.All(runs, r => Assert.InRange(r.Scanned, 0, 2));
        Assert.Equal(1, runs.Sum(r => r.Restored.Count(id => id == lost.Id)));
        Assert.DoesNotContain(runs, r => r.Restored.Contains(kept.Id) || r.Restored.Contains(decided.Id));
        Assert.Equal([lost.Id, kept.Id], (await repo.ListPendingForAsync(leader)).Select(d => d.Id));
        Assert.Equal(2, await PointerCountAsync(leader));
        Assert.Equal(keptBefore!.ETag, (await PointerAsync(leader, kept.Id))!.ETag); // an existing pointer is not rewritten

        // Done: a later start skips the scan; a fresh scan (another marker) finds nothing missing and adds nothing.
        var again = await new DisposisiPendingRepair(_service, _time, maxPerRun: 2, marker).RunOnceAsync();
        Assert.Equal((0, true), (again.Scanned, again.Done));
        var fresh = await RunToEndAsync(new DisposisiPendingRepair(_service, _time, maxPerRun: 50, "test-" + Guid.NewGuid().ToString("N")));
        Assert.DoesNotContain(fresh, r => r.Restored.Contains(lost.Id));
        Assert.Equal(2, await PointerCountAsync(leader));
    }

    private static async Task<List<DisposisiPendingRepairRun>> RunToEndAsync(DisposisiPendingRepair repair)
    {
        var runs = new List<DisposisiPendingRepairRun>();
        do
        {
            runs.Add(await repair.RunOnceAsync());
        }
        while (!runs[^1].Done);
        return runs;
    }

    private static string NewId() => "d-" + Guid.NewGuid().ToString("N")[..12];

    private TableClient Pending() => _service.GetTableClient(DisposisiTables.Pending);

    private async Task<TableEntity?> PointerAsync(string leader, string id)
    {
        var response = await Pending().GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(leader), TableKeys.Escape(id));
        return response.HasValue ? response.Value : null;
    }

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
