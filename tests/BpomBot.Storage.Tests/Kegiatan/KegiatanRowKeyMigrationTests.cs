using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Kegiatan;

/// <summary>
/// Kegiatan rows of the earlier key layout (RK = "") on Azurite: read, moved by a save (one copy after), moved by the
/// start-up repair, and a save racing the repair (one wins by ETag, nothing lost, never two rows).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class KegiatanRowKeyMigrationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Sop = "POM-04.01/CFM.01/SOP.01";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly KegiatanEngine _engine = new(SopCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
    private readonly FakeTimeProvider _time = new(At);
    private readonly TableServiceClient _service = TableStorage.Create(azurite.ConnectionString);

    private TableClient Table => _service.GetTableClient(StorageTables.Kegiatan);

    public async Task InitializeAsync()
    {
        await StorageTableInitializer.CreateTablesAsync(_service, StorageTables.All);
        await _service.GetTableClient(StorageTables.KegiatanIndex).DeleteEntityAsync("_meta", "rowkey-v2"); // the repair runs again here
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LegacyRow_IsRead_WithItsVersion()
    {
        var k = await StoreLegacyAsync();
        var repo = new TableKegiatanRepository(_service, _time);

        var read = await repo.GetAsync(k.Id);

        Assert.NotNull(read);
        var version = read.Version;
        Assert.Equal(KegiatanJson.Serialize(k), KegiatanJson.Serialize(WithoutVersion(read)));
        Assert.Equal((await Table.GetEntityAsync<TableEntity>(k.Id, string.Empty)).Value.ETag.ToString(), version);
    }

    [Fact]
    public async Task LegacyRow_Saved_IsMovedToItsKey_OneCopyAfter_TheOldVersionThenConflicts()
    {
        var k = await StoreLegacyAsync();
        var repo = new TableKegiatanRepository(_service, _time);
        var loaded = (await repo.GetAsync(k.Id))!;
        var legacyVersion = loaded.Version!;
        var cancelled = _engine.Cancel(loaded, "uji", new Actor(k.OfficerId), At).Kegiatan!;

        var version = await repo.UpdateAsync(cancelled, legacyVersion);

        Assert.Equal([k.Id], await RowKeysAsync(k.Id));
        var stored = (await repo.GetAsync(k.Id))!;
        Assert.Equal((version, KegiatanStatus.Dibatalkan), (stored.Version, stored.Status));
        Assert.Equal([k.Id], (await repo.ListByOfficerAsync(k.OfficerId)).Select(x => x.Id));
        var other = Ok(_engine.RecordKelengkapan(loaded, "k1", "Lembar disposisi pimpinan/Unit Kerja Pusat", "ref", new DateOnly(2026, 3, 2), new Actor(k.OfficerId), At));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.UpdateAsync(other, legacyVersion));
        Assert.Equal([k.Id], await RowKeysAsync(k.Id));
        Assert.Equal(KegiatanStatus.Dibatalkan, (await repo.GetAsync(k.Id))!.Status);
    }

    [Fact]
    public async Task LegacyRow_StaleVersion_IsAConflict_AndStaysWhereItIs()
    {
        var k = await StoreLegacyAsync();
        var repo = new TableKegiatanRepository(_service, _time);
        var mine = (await repo.GetAsync(k.Id))!;
        var theirs = (await repo.GetAsync(k.Id))!;
        var theirsCancelled = Ok(_engine.Cancel(theirs, "mereka", new Actor(k.OfficerId), At));
        await repo.UpdateAsync(theirsCancelled, theirs.Version!);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => repo.UpdateAsync(Ok(_engine.Cancel(mine, "saya", new Actor(k.OfficerId), At)), mine.Version!));

        Assert.Equal([k.Id], await RowKeysAsync(k.Id));
        Assert.Equal(KegiatanJson.Serialize(WithoutVersion(theirsCancelled)), KegiatanJson.Serialize(WithoutVersion((await repo.GetAsync(k.Id))!)));
    }

    [Fact]
    public async Task Create_IdHeldByALegacyRow_Conflicts_NoSecondRow()
    {
        var k = await StoreLegacyAsync();
        var repo = new TableKegiatanRepository(_service, _time);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.CreateAsync(Start(k.OfficerId, k.UnitId, k.Id)));

        Assert.Equal([string.Empty], await RowKeysAsync(k.Id));
    }

    [Fact]
    public async Task Repair_MovesEveryLegacyRow_KeepsContentAndColumns_Idempotent_ThenMissesCostOneRequest()
    {
        var legacy = new List<Domain.Workflow.Kegiatan>();
        for (var i = 0; i < 3; i++)
        {
            legacy.Add(await StoreLegacyAsync());
        }

        var before = (await Table.GetEntityAsync<TableEntity>(legacy[0].Id, string.Empty)).Value;
        var repo = new TableKegiatanRepository(_service, _time);
        Assert.Equal(2, await CountRequestsAsync(() => repo.GetAsync("k-missing-" + Guid.NewGuid().ToString("N"))));

        var moved = await repo.RepairAsync();
        var again = await repo.RepairAsync();

        Assert.True(moved >= legacy.Count);
        Assert.Equal(0, again);
        foreach (var k in legacy)
        {
            Assert.Equal([k.Id], await RowKeysAsync(k.Id));
            Assert.Equal(KegiatanJson.Serialize(k), KegiatanJson.Serialize(WithoutVersion((await repo.GetAsync(k.Id))!)));
        }

        var after = (await Table.GetEntityAsync<TableEntity>(legacy[0].Id, legacy[0].Id)).Value;
        Assert.Equal(
            (before.GetString("WriteId"), before.GetString("OfficerId"), before.GetInt32("Year"), before.GetDateTimeOffset("CreatedAt"), before.GetString("Status")),
            (after.GetString("WriteId"), after.GetString("OfficerId"), after.GetInt32("Year"), after.GetDateTimeOffset("CreatedAt"), after.GetString("Status")));
        Assert.Equal(1, await CountRequestsAsync(() => repo.GetAsync("k-missing-" + Guid.NewGuid().ToString("N"))));
        Assert.Equal(1, await CountRequestsAsync(() => repo.GetAsync(legacy[0].Id)));
    }

    [Fact]
    public async Task SaveRacingTheRepair_OneWinsByETag_NothingLost_OneRow()
    {
        for (var round = 0; round < 4; round++)
        {
            await _service.GetTableClient(StorageTables.KegiatanIndex).DeleteEntityAsync("_meta", "rowkey-v2");
            var k = await StoreLegacyAsync();
            var saver = new TableKegiatanRepository(_service, _time);
            var migrator = new TableKegiatanRepository(_service, _time);
            var loaded = (await saver.GetAsync(k.Id))!;
            var cancelled = _engine.Cancel(loaded, "uji-" + round, new Actor(k.OfficerId), At).Kegiatan!;

            var save = round % 2 == 0 ? saver.UpdateAsync(cancelled, loaded.Version!) : Task.Run(() => saver.UpdateAsync(cancelled, loaded.Version!));
            var repair = migrator.RepairAsync();
            var saved = true;
            try
            {
                await save;
            }
            catch (ConcurrencyConflictException)
            {
                saved = false;
            }

            await repair;
            Assert.Equal([k.Id], await RowKeysAsync(k.Id));
            var stored = (await saver.GetAsync(k.Id))!;
            Assert.Equal(KegiatanJson.Serialize(WithoutVersion(saved ? cancelled : k)), KegiatanJson.Serialize(WithoutVersion(stored)));
        }
    }

    [Fact]
    public async Task Repair_LegacyRowBesideACurrentRow_IsLeftInPlace_ReadsUseTheCurrentRow()
    {
        // Only an instance of the previous version can write RK "" beside a current row (a rolling deployment).
        var k = await StoreLegacyAsync();
        var current = Ok(_engine.Cancel(k, "baru", new Actor(k.OfficerId), At));
        var repo = new TableKegiatanRepository(_service, _time);
        await repo.RepairAsync(); // moves k
        var raw = new JsonDocumentTable<Domain.Workflow.Kegiatan>(Table, new JsonSerializerOptions(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true });
        var moved = (await repo.GetAsync(k.Id))!;
        await raw.SaveAsync(k.Id, k.Id, WithoutVersion(current), moved.Version!);
        await raw.SaveAsync(k.Id, string.Empty, k, null);
        await _service.GetTableClient(StorageTables.KegiatanIndex).DeleteEntityAsync("_meta", "rowkey-v2");

        await repo.RepairAsync();

        Assert.Equal([string.Empty, k.Id], await RowKeysAsync(k.Id));
        Assert.Equal(KegiatanStatus.Dibatalkan, (await repo.GetAsync(k.Id))!.Status);
        Assert.Equal(KegiatanStatus.Dibatalkan, (await new TableKegiatanRepository(_service, _time).GetAsync(k.Id))!.Status);
    }

    [Fact]
    public async Task SaveAfterTheRepairMovedTheRow_IsAConflict_TheMovedRowStays()
    {
        var k = await StoreLegacyAsync();
        var repo = new TableKegiatanRepository(_service, _time);
        var loaded = (await repo.GetAsync(k.Id))!;
        await new TableKegiatanRepository(_service, _time).RepairAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => repo.UpdateAsync(_engine.Cancel(loaded, "uji", new Actor(k.OfficerId), At).Kegiatan!, loaded.Version!));

        Assert.Equal([k.Id], await RowKeysAsync(k.Id));
        Assert.Equal(KegiatanStatus.Berjalan, (await repo.GetAsync(k.Id))!.Status);
    }

    private static Domain.Workflow.Kegiatan Ok(KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }

    private static Domain.Workflow.Kegiatan WithoutVersion(Domain.Workflow.Kegiatan k)
    {
        k.Version = null;
        return k;
    }

    private static async Task<int> CountRequestsAsync(Func<Task> call)
    {
        using var scope = StorageRoundTrips.BeginScope();
        await call();
        return scope.Count;
    }

    // A kegiatan as the earlier layout stored it: RK = "", with its pointers (as the earlier repository wrote them).
    private async Task<Domain.Workflow.Kegiatan> StoreLegacyAsync()
    {
        var k = Start("officer-" + Guid.NewGuid().ToString("N"), "unit-" + Guid.NewGuid().ToString("N"));
        var raw = new JsonDocumentTable<Domain.Workflow.Kegiatan>(Table, new JsonSerializerOptions(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true });
        await raw.SaveAsync(k.Id, string.Empty, k, null, new Dictionary<string, object?>
        {
            ["WriteId"] = Guid.NewGuid().ToString("N"), ["OfficerId"] = k.OfficerId, ["UnitId"] = k.UnitId, ["Year"] = k.Year,
            ["Status"] = k.Status.ToString(), ["CreatedAt"] = k.CreatedAt,
        });
        var index = new JsonDocumentTable<TableKegiatanRepository.IndexRow>(_service.GetTableClient(StorageTables.KegiatanIndex));
        await index.OverwriteAsync("o_" + k.OfficerId, k.Id, new TableKegiatanRepository.IndexRow(k.Id, At));
        await index.OverwriteAsync("u_" + k.UnitId + "_2026", k.Id, new TableKegiatanRepository.IndexRow(k.Id, At));
        return k;
    }

    private async Task<List<string>> RowKeysAsync(string id) =>
        [.. (await RowsAsync(TableFilter.PartitionKeyEquals(id))).Select(r => r.RowKey)];

    private async Task<List<TableEntity>> RowsAsync(TableFilter filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter.ToString(), select: ["PartitionKey", "RowKey"]))
        {
            rows.Add(row);
        }

        return rows;
    }

    private Domain.Workflow.Kegiatan Start(string officer, string unit, string? id = null)
    {
        var result = _engine.Start(new StartKegiatan(id ?? "k-" + Guid.NewGuid().ToString("N"), Sop, "A", WorkflowKind.PerKegiatan, "FGD Pemda", "pemerintah-daerah", "fgd", unit, officer, 2026), new Actor(officer), At);
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }
}
