using BpomBot.Domain.Calendar;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Storage.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Kegiatan;

/// <summary>
/// The kegiatan index under a crash at every point of the write sequence (pointers, then primary, then old pointers):
/// the next read or repair converges, nothing is lost and nothing is listed twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class KegiatanCrashConsistencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Sop = "POM-04.01/CFM.01/SOP.01";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly KegiatanEngine _engine = new(SopCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
    private readonly FakeTimeProvider _time = new(At);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(TableStorage.Create(azurite.ConnectionString), StorageTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Create_CrashAfterEachWrite_NextReadShowsNothingHalfDone_RetryListsItOnce(int writesBeforeCrash)
    {
        var (officer, unit) = NewOwner();
        var crashing = new TableKegiatanRepository(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash), _time);
        var healthy = new TableKegiatanRepository(TableStorage.Create(azurite.ConnectionString), _time);
        var k = Start(officer, unit);

        await Assert.ThrowsAnyAsync<Exception>(() => crashing.CreateAsync(k));

        Assert.Null(await healthy.GetAsync(k.Id));
        Assert.Empty(await healthy.ListByOfficerAsync(officer));
        Assert.Empty(await healthy.ListByUnitYearAsync(unit, 2026));

        // The officer answers again (same id: ids come from the conversation), on a healthy instance.
        await healthy.CreateAsync(Start(officer, unit, k.Id));

        Assert.Equal([k.Id], (await healthy.ListByOfficerAsync(officer)).Select(x => x.Id));
        Assert.Equal([k.Id], (await healthy.ListByUnitYearAsync(unit, 2026)).Select(x => x.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Move_CrashAfterEachWrite_ListedUnderExactlyOneOfficer_StalePointersRemovedAfterGrace(int writesBeforeCrash)
    {
        var (officer, unit) = NewOwner();
        var newOfficer = officer + "-baru";
        var healthy = new TableKegiatanRepository(TableStorage.Create(azurite.ConnectionString), _time);
        var crashing = new TableKegiatanRepository(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash), _time);
        var k = Start(officer, unit);
        await healthy.CreateAsync(k);
        var loaded = (await crashing.GetAsync(k.Id))!;
        loaded.OfficerId = newOfficer;

        var completed = true;
        try
        {
            await crashing.UpdateAsync(loaded, loaded.Version!);
        }
        catch (Exception)
        {
            completed = false;
        }

        var stored = (await healthy.GetAsync(k.Id))!;
        var underOld = await healthy.ListByOfficerAsync(officer);
        var underNew = await healthy.ListByOfficerAsync(newOfficer);
        Assert.Equal(1, underOld.Count + underNew.Count); // never lost, never twice
        Assert.Equal(k.Id, Assert.Single(stored.OfficerId == officer ? underOld : underNew).Id);
        Assert.Equal([k.Id], (await healthy.ListByUnitYearAsync(unit, 2026)).Select(x => x.Id));
        // Writes: 2 pointers, the recap projection row (unconfirmed), the kegiatan, then best effort: confirm it, drop the old pointer.
        Assert.Equal(writesBeforeCrash >= 4, completed);
        Assert.Equal(writesBeforeCrash >= 4 ? newOfficer : officer, stored.OfficerId);

        // After the grace period a read removes the pointer that no longer matches; the result stays the same.
        _time.Advance(TableKegiatanRepository.DanglingGrace + TimeSpan.FromMinutes(1));
        await healthy.ListByOfficerAsync(officer);
        await healthy.ListByOfficerAsync(newOfficer);
        var index = TableStorage.Create(azurite.ConnectionString).GetTableClient(StorageTables.KegiatanIndex);
        var pointers = 0;
        foreach (var pk in new[] { "o_" + officer, "o_" + newOfficer })
        {
            await foreach (var _ in index.QueryAsync<TableEntity>(e => e.PartitionKey == pk))
            {
                pointers++;
            }
        }

        Assert.Equal(1, pointers);
    }

    [Fact]
    public async Task Repair_RowsStoredBeforeTheIndex_GetPointers()
    {
        var (officer, unit) = NewOwner();
        var service = TableStorage.Create(azurite.ConnectionString);
        var k = Start(officer, unit);
        var raw = new Tables.Documents.JsonDocumentTable<Domain.Workflow.Kegiatan>(
            service.GetTableClient(StorageTables.Kegiatan), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        await raw.SaveAsync(k.Id, string.Empty, k, null, new Dictionary<string, object?> { ["OfficerId"] = officer, ["UnitId"] = unit, ["Year"] = 2026 });
        await service.GetTableClient(StorageTables.KegiatanIndex).DeleteEntityAsync("_meta", "backfill-v1");
        await service.GetTableClient(StorageTables.KegiatanIndex).DeleteEntityAsync("_meta", "rowkey-v2");
        var repo = new TableKegiatanRepository(service, _time);
        Assert.Empty(await repo.ListByOfficerAsync(officer));

        var added = await repo.RepairAsync();
        var again = await repo.RepairAsync();

        Assert.True(added >= 1);
        Assert.Equal(0, again);
        Assert.Equal([k.Id], (await repo.ListByOfficerAsync(officer)).Select(x => x.Id));
        Assert.Equal([k.Id], (await repo.ListByUnitYearAsync(unit, 2026)).Select(x => x.Id));
    }

    private static (string Officer, string Unit) NewOwner() => ("officer-" + Guid.NewGuid().ToString("N"), "unit-" + Guid.NewGuid().ToString("N"));

    private Domain.Workflow.Kegiatan Start(string officer, string unit, string? id = null)
    {
        var result = _engine.Start(new StartKegiatan(id ?? "k-" + Guid.NewGuid().ToString("N"), Sop, "A", WorkflowKind.PerKegiatan, "FGD Pemda", "pemerintah-daerah", "fgd", unit, officer, 2026), new Actor(officer), At);
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }
}
