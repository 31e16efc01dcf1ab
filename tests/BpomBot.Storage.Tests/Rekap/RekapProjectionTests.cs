using System.Text.Json;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Rekap;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Storage.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Rekap;

/// <summary>
/// The recap projection on Azurite: kept equal to the kegiatan by every write, read as one partition query per unit,
/// consistent under a crash at every point of the write sequence, never overwritten by an older state, and backfilled
/// for kegiatan stored before it existed.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class RekapProjectionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Sop = "POM-04.01/CFM.01/SOP.01";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly KegiatanEngine _engine = new(SopCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
    private readonly FakeTimeProvider _time = new(At);

    private TableServiceClient Service => TableStorage.Create(azurite.ConnectionString);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(Service, StorageTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_write_keeps_the_projection_equal_to_the_kegiatan_and_a_unit_is_one_query()
    {
        var unit = NewUnit();
        var repo = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, repo, _time);
        var a = Start(unit);
        var b = Start(unit);
        await repo.CreateAsync(a);
        await repo.CreateAsync(b);
        var loaded = (await repo.GetAsync(a.Id))!;
        await repo.UpdateAsync(Record(loaded), loaded.Version!);

        using var reads = StorageRoundTrips.BeginScope();
        var listed = await source.ListAsync(unit, 2026);

        Assert.Equal(1, reads.Count); // one partition query, nothing per kegiatan
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), listed.Select(k => k.Id).Order(StringComparer.Ordinal));
        foreach (var k in listed)
        {
            Assert.Equal(Json(RekapProjection.Of((await repo.GetAsync(k.Id))!)), Json(k));
            Assert.Empty(k.History);
        }

        Assert.Empty(await source.ListAsync(unit, 2025));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Create_cut_after_each_write_lists_the_kegiatan_exactly_when_it_is_stored(int writesBeforeCrash)
    {
        var unit = NewUnit();
        var healthy = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, healthy, _time);
        var k = Start(unit);

        try
        {
            await new TableKegiatanRepository(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash), _time).CreateAsync(k);
        }
        catch (Exception)
        {
            // the cut
        }

        // Today's sequence: 2 index pointers, the projection row (unconfirmed), the kegiatan, the confirmation. Whatever
        // the order of the other writes, the recap lists the kegiatan exactly when it is stored.
        var stored = await healthy.GetAsync(k.Id);
        Assert.Equal(stored is null ? [] : [k.Id], (await source.ListAsync(unit, 2026)).Select(x => x.Id));

        // The officer answers again (same id) on a healthy instance: listed once, and the row is confirmed.
        if (stored is null) await healthy.CreateAsync(Start(unit, k.Id));
        Assert.Equal([k.Id], (await source.ListAsync(unit, 2026)).Select(x => x.Id));
        using var reads = StorageRoundTrips.BeginScope();
        Assert.Single(await source.ListAsync(unit, 2026));
        Assert.Equal(1, reads.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Update_cut_after_each_write_shows_the_stored_state(int writesBeforeCrash)
    {
        var unit = NewUnit();
        var healthy = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, healthy, _time);
        var k = Start(unit);
        await healthy.CreateAsync(k);
        var crashing = new TableKegiatanRepository(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash), _time);
        var loaded = (await crashing.GetAsync(k.Id))!;
        var changed = _engine.Cancel(loaded, "narasumber berhalangan", new Actor(loaded.OfficerId), At);
        Assert.True(changed.Succeeded, changed.Refusal?.Reason);

        try
        {
            await crashing.UpdateAsync(changed.Kegiatan!, loaded.Version!);
        }
        catch (Exception)
        {
            // the cut
        }

        // Today's sequence: 2 index pointers (the engine's copy carries no loaded keys), the projection row (unconfirmed),
        // the kegiatan, the confirmation. The recap shows the stored state, whichever it is.
        var stored = (await healthy.GetAsync(k.Id))!;
        Assert.Equal(Json(RekapProjection.Of(stored)), Json(Assert.Single(await source.ListAsync(unit, 2026))));

        // Later reads (inside and after the grace period) keep showing the stored state, and converge to one query.
        _time.Advance(RekapProjectionTable.InFlightGrace + TimeSpan.FromMinutes(1));
        Assert.Equal(stored.Status, Assert.Single(await source.ListAsync(unit, 2026)).Status);
        using var reads = StorageRoundTrips.BeginScope();
        Assert.Equal(stored.Status, Assert.Single(await source.ListAsync(unit, 2026)).Status);
        Assert.Equal(1, reads.Count);
    }

    [Fact]
    public async Task A_late_write_of_an_older_state_never_replaces_a_newer_one()
    {
        var unit = NewUnit();
        var projection = new RekapProjectionTable(Service, _time);
        var repo = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, repo, _time);
        var k = Start(unit);
        await repo.CreateAsync(k);
        var older = Record(k);
        var newer = _engine.Cancel(older, "batal", new Actor(k.OfficerId), At).Kegiatan!;
        Assert.True(RekapProjection.Revision(newer) > RekapProjection.Revision(older));

        // The older write's confirmation arrives after the newer write was stored and confirmed.
        await projection.SaveThroughAsync(older, async () =>
        {
            await projection.SaveThroughAsync(newer, () => Task.FromResult("v-newer"), CancellationToken.None);
            return "v-older";
        }, CancellationToken.None);
        // And an older write that starts after the newer one is stored does not replace it either.
        await projection.SaveThroughAsync(older, () => Task.FromResult("v-older-again"), CancellationToken.None);

        var row = await Service.GetTableClient(RekapProjectionTable.TableName).GetEntityAsync<TableEntity>(RekapProjectionTable.Partition(unit, 2026), k.Id);
        Assert.Equal(RekapProjection.Revision(newer), row.Value.GetInt32("Rev"));
        Assert.True(row.Value.GetBoolean("Confirmed"));
        Assert.Equal(Json(RekapProjection.Of(newer)), Json(RekapRowFormat.Decode(row.Value)));
    }

    [Fact]
    public async Task A_row_whose_kegiatan_never_landed_is_skipped_and_removed_after_the_grace_period()
    {
        var unit = NewUnit();
        var repo = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, repo, _time);
        var k = Start(unit);
        await new RekapProjectionTable(Service, _time).SaveThroughAsync(k, () => throw new IOException("cut before the kegiatan write"), CancellationToken.None)
            .ContinueWith(t => t.Exception, TaskScheduler.Default);

        Assert.Empty(await source.ListAsync(unit, 2026));
        Assert.NotNull((await Service.GetTableClient(RekapProjectionTable.TableName).GetEntityIfExistsAsync<TableEntity>(RekapProjectionTable.Partition(unit, 2026), k.Id)).Value);

        _time.Advance(RekapProjectionTable.InFlightGrace + TimeSpan.FromMinutes(1));
        Assert.Empty(await source.ListAsync(unit, 2026));
        Assert.False((await Service.GetTableClient(RekapProjectionTable.TableName).GetEntityIfExistsAsync<TableEntity>(RekapProjectionTable.Partition(unit, 2026), k.Id)).HasValue);
    }

    [Fact]
    public async Task Backfill_adds_kegiatan_stored_before_the_projection_once()
    {
        var unit = NewUnit();
        var k = Start(unit);
        var raw = new JsonDocumentTable<Domain.Workflow.Kegiatan>(Service.GetTableClient(StorageTables.Kegiatan), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        await raw.SaveAsync(k.Id, string.Empty, k, null, new Dictionary<string, object?> { ["OfficerId"] = k.OfficerId, ["UnitId"] = unit, ["Year"] = 2026 });
        // A row of the old unit-first layout (PK unit|year), as the previous version wrote it.
        var rows = new JsonDocumentTable<Domain.Workflow.Kegiatan>(Service.GetTableClient(RekapProjectionTable.TableName));
        await rows.SaveAsync(unit + "|2026", k.Id, RekapProjection.Of(k), null, new Dictionary<string, object?> { ["Rev"] = 1, ["Confirmed"] = true, ["At"] = At });
        await Service.GetTableClient(RekapProjectionTable.TableName).DeleteEntityAsync("_meta", TableRekapSource.BackfillMarker);
        var repo = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, repo, _time);
        Assert.Empty(await source.ListAsync(unit, 2026));

        Assert.True(await source.BackfillAsync() >= 1);
        Assert.Equal(0, await source.BackfillAsync());

        Assert.Equal([k.Id], (await source.ListAsync(unit, 2026)).Select(x => x.Id));
        Assert.Contains(k.Id, (await source.ListYearAsync(2026)).Select(x => x.Id));
        Assert.False((await Service.GetTableClient(RekapProjectionTable.TableName).GetEntityIfExistsAsync<TableEntity>(unit + "|2026", k.Id)).HasValue); // old layout removed
    }

    [Fact]
    public async Task The_year_is_one_ranged_read_across_units_and_never_returns_another_year()
    {
        var (first, second) = (NewUnit(), NewUnit());
        var repo = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, repo, _time);
        var a = Start(first);
        var b = Start(second);
        var lastYear = Start(first, year: 2025);
        await repo.CreateAsync(a);
        await repo.CreateAsync(b);
        await repo.CreateAsync(lastYear);

        // One ranged query (how many pages Azurite answers it in depends on the whole table, not on this test's rows).
        var year = await source.ListYearAsync(2026);

        Assert.All(year, k => Assert.Equal(2026, k.Year));
        Assert.Contains(a.Id, year.Select(k => k.Id));
        Assert.Contains(b.Id, year.Select(k => k.Id));
        Assert.DoesNotContain(lastYear.Id, year.Select(k => k.Id));
        Assert.Equal(Json(RekapProjection.Of((await repo.GetAsync(b.Id))!)), Json(year.Single(k => k.Id == b.Id)));
        Assert.Equal([lastYear.Id], (await source.ListYearAsync(2025)).Where(k => k.UnitId == first).Select(k => k.Id));

        // The units' own runs of partitions (what the all-BPOM recap reads): both units, not the year before.
        var runs = await source.ListYearAsync(2026, [first, second]);
        Assert.Contains(a.Id, runs.Select(k => k.Id));
        Assert.Contains(b.Id, runs.Select(k => k.Id));
        Assert.All(runs, k => Assert.Equal(2026, k.Year));
        Assert.DoesNotContain(await source.ListYearAsync(2027, [first, second]), k => k.UnitId == first || k.UnitId == second);
    }

    [Fact]
    public void The_row_format_keeps_everything_the_projection_keeps()
    {
        var k = Record(Start(NewUnit()));
        k = _engine.Cancel(k, "batal", new Actor(k.OfficerId), At).Kegiatan!;
        k.Steps[0].CompletedOn = new DateOnly(2026, 3, 4);
        k.Steps[0].LateHk = 2;
        k.Steps[0].SubmittedOn = new DateOnly(2026, 3, 3);
        k.Steps[0].OutputReference = "Laporan \"FGD\" B-7/2026";
        k.Steps.Add(new StepRecord { StepId = "A.7", Status = StepStatus.MenungguDisposisi, DueOn = new DateOnly(2026, 12, 31) });
        var annual = new Domain.Workflow.Kegiatan
        {
            Id = "POM-04.01|A|tahunan|bbpom-medan|2026", SopCode = "SOP-LAIN", SopVersion = "05", SubProcess = "A", Kind = WorkflowKind.SiklusTahunan,
            Title = "Siklus tahunan", UnitId = "bbpom-medan", OfficerId = "o", Year = 2026, CreatedAt = new DateTimeOffset(2026, 1, 2, 9, 30, 0, TimeSpan.FromHours(7)).AddTicks(3),
            Status = KegiatanStatus.Selesai, Steps = [new StepRecord { StepId = "A.7", Status = StepStatus.Dilewati }],
        };
        var table = new RekapProjectionTable(Service, _time);

        foreach (var kegiatan in new[] { k, annual })
        {
            var row = table.ConfirmedRow(kegiatan);
            Assert.Equal(RekapRowFormat.Version, row.GetInt32(RekapRowFormat.FormatColumn));
            Assert.Equal(Json(RekapProjection.Of(kegiatan)), Json(RekapRowFormat.Decode(row)));
            Assert.Equal(kegiatan.CreatedAt.Offset, RekapRowFormat.Decode(row).CreatedAt.Offset);
        }

        // The compact document is a fraction of the full JSON document the previous format stored.
        Assert.True(RekapRowFormat.Encode(RekapProjection.Of(k)).Length * 2 < Json(RekapProjection.Of(k)).Length);
    }

    [Fact]
    public async Task A_row_of_the_previous_format_is_never_read_as_it_is_and_the_backfill_rewrites_it()
    {
        var unit = NewUnit();
        var repo = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, repo, _time);
        var k = Start(unit);
        await repo.CreateAsync(k);
        var stored = (await repo.GetAsync(k.Id))!;
        // The row as the previous version (backfill-v2) left it: the full JSON document, confirmed, no format column;
        // here with content that differs from the kegiatan, so a read that used it as it is would show it.
        var stale = RekapProjection.Of(stored);
        stale.Status = KegiatanStatus.Dibatalkan;
        var old = new JsonDocumentTable<Domain.Workflow.Kegiatan>(Service.GetTableClient(RekapProjectionTable.TableName))
            .ToEntity(RekapProjectionTable.Partition(unit, 2026), k.Id, stale, new Dictionary<string, object?> { ["Rev"] = RekapProjection.Revision(stored), ["Confirmed"] = true, ["At"] = At });
        await Service.GetTableClient(RekapProjectionTable.TableName).UpsertEntityAsync(old, TableUpdateMode.Replace);

        var read = Assert.Single(await source.ListAsync(unit, 2026));
        Assert.Equal(KegiatanStatus.Berjalan, read.Status); // the kegiatan's state, not the old row's
        Assert.Equal(Json(RekapProjection.Of(stored)), Json(read));

        // The backfill of this format rewrites rows of the previous one (and leaves rows of this format alone).
        await Service.GetTableClient(RekapProjectionTable.TableName).UpsertEntityAsync(old, TableUpdateMode.Replace);
        await Service.GetTableClient(RekapProjectionTable.TableName).DeleteEntityAsync("_meta", TableRekapSource.BackfillMarker);
        Assert.True(await source.BackfillAsync() >= 1);
        var row = (await Service.GetTableClient(RekapProjectionTable.TableName).GetEntityAsync<TableEntity>(RekapProjectionTable.Partition(unit, 2026), k.Id)).Value;
        Assert.Equal(RekapRowFormat.Version, row.GetInt32(RekapRowFormat.FormatColumn));
        Assert.True(row.GetBoolean("Confirmed"));
        Assert.NotNull((await Service.GetTableClient(RekapProjectionTable.TableName).GetEntityIfExistsAsync<TableEntity>("_meta", "backfill-v3")).Value);
        using var reads = StorageRoundTrips.BeginScope();
        Assert.Equal(KegiatanStatus.Berjalan, Assert.Single(await source.ListAsync(unit, 2026)).Status);
        Assert.Equal(1, reads.Count);
    }

    [Fact]
    public async Task A_row_too_long_for_one_column_is_read_whole()
    {
        var unit = NewUnit();
        var repo = new TableKegiatanRepository(Service, _time);
        var source = new TableRekapSource(Service, repo, _time);
        var k = Start(unit);
        k.Steps[0].OutputReference = new string('x', 40_000); // past the 32 K characters of one column
        await repo.CreateAsync(k);
        var stored = (await repo.GetAsync(k.Id))!;

        using var reads = StorageRoundTrips.BeginScope();
        var read = Assert.Single(await source.ListAsync(unit, 2026));

        Assert.Equal(2, reads.Count); // the query, then the row whole
        Assert.Equal(Json(RekapProjection.Of(stored)), Json(read));
    }

    /// <summary>The kegiatan with its current step's first Kelengkapan recorded.</summary>
    private Domain.Workflow.Kegiatan Record(Domain.Workflow.Kegiatan k)
    {
        var item = SopCatalog.LoadEmbedded().Latest(Sop)!.FindStep(k.CurrentStepId!)!.Kelengkapan[0];
        var result = _engine.RecordKelengkapan(k, item.Id, item.Alternatives[0], "Surat undangan B-1/2026", new DateOnly(2026, 3, 2), new Actor(k.OfficerId), At);
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }

    private static string NewUnit() => "unit-" + Guid.NewGuid().ToString("N");

    private static string Json(Domain.Workflow.Kegiatan k) => JsonSerializer.Serialize(k, JsonDocumentTable<Domain.Workflow.Kegiatan>.DefaultSerializerOptions);

    private Domain.Workflow.Kegiatan Start(string unit, string? id = null, int year = 2026)
    {
        var officer = "officer-" + Guid.NewGuid().ToString("N");
        var result = _engine.Start(new StartKegiatan(id ?? "k-" + Guid.NewGuid().ToString("N"), Sop, "A", WorkflowKind.PerKegiatan, "FGD Pemda", "pemerintah-daerah", "fgd", unit, officer, year), new Actor(officer), At);
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }
}
