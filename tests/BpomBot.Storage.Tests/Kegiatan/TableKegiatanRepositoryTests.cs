using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Kegiatan;

/// <summary>The kegiatan table adapter on Azurite. Ids are unique per test (Azurite is shared).</summary>
public abstract class TableKegiatanRepositoryTests : IAsyncLifetime
{
    private const string Sop = "POM-04.01/CFM.01/SOP.01";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Officer = new("officer-1");

    private readonly KegiatanEngine _engine = new(SopCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
    private TableKegiatanRepository _repo = null!;

    protected abstract TableServiceClient Service { get; }

    public async Task InitializeAsync()
    {
        await StorageTableInitializer.CreateTablesAsync(Service, StorageTables.All);
        _repo = new TableKegiatanRepository(Service);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsEveryFieldWithVersion()
    {
        var k = Record(Start(), "https://drive.pom.go.id/a/b?c=1&d='x'");

        var version = await _repo.CreateAsync(k);
        var stored = await _repo.GetAsync(k.Id);

        Assert.NotNull(stored);
        Assert.Equal(version, k.Version);
        Assert.Equal(version, stored.Version);
        Assert.Equal(KegiatanJson.Serialize(k), KegiatanJson.Serialize(stored));
        Assert.Equal((StepStatus.Berjalan, new DateOnly(2026, 3, 16)), (stored.CurrentStep!.Status, stored.CurrentStep.DueOn));
    }

    [Fact]
    public async Task CreateAsync_ExistingId_ConflictsAndKeepsFirst()
    {
        var k = Start();
        await _repo.CreateAsync(k);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.CreateAsync(Record(Start(k.Id), "other")));
        Assert.Equal(StepStatus.MenungguKelengkapan, (await _repo.GetAsync(k.Id))!.CurrentStep!.Status);
    }

    [Fact]
    public async Task UpdateAsync_CurrentVersion_NewVersion_StaleVersionConflictsAndLosesNothing()
    {
        var k = Start();
        var v1 = await _repo.CreateAsync(k);
        var loaded = (await _repo.GetAsync(k.Id))!;
        var next = Record(loaded, "B-1/2026");

        var v2 = await _repo.UpdateAsync(next, v1);

        Assert.NotEqual(v1, v2);
        var stale = Ok(_engine.Cancel(loaded, "stale", Officer, At));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.UpdateAsync(stale, v1));
        Assert.Equal(v1, stale.Version); // a failed write leaves the caller's version
        var stored = (await _repo.GetAsync(k.Id))!;
        Assert.Equal((v2, KegiatanStatus.Berjalan, "B-1/2026"), (stored.Version, stored.Status, stored.CurrentStep!.Kelengkapan.Single().Reference));
    }

    [Fact]
    public async Task UpdateAsync_TwoConcurrentFromSameVersion_ExactlyOneWins()
    {
        var k = Start();
        var v1 = await _repo.CreateAsync(k);
        var loaded = (await _repo.GetAsync(k.Id))!;
        var changes = Enumerable.Range(0, 2).Select(i => Record(loaded, $"ref-{i}")).ToArray();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            try
            {
                await _repo.UpdateAsync(changes[i], v1);
                return i;
            }
            catch (ConcurrencyConflictException)
            {
                return -1;
            }
        }));

        var winner = Assert.Single(outcomes, o => o >= 0);
        Assert.Equal($"ref-{winner}", (await _repo.GetAsync(k.Id))!.CurrentStep!.Kelengkapan.Single().Reference);
    }

    [Fact]
    public async Task UpdateAsync_Missing_Conflicts()
    {
        var k = Start();
        k.Version = "W/\"datetime'2026-01-01T00%3A00%3A00Z'\"";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.UpdateAsync(k, k.Version));
    }

    [Fact]
    public async Task ListByOfficerAndUnitYear_FilterAndOrderByCreation()
    {
        var officer = "officer-" + Guid.NewGuid().ToString("N");
        var unit = "unit-" + Guid.NewGuid().ToString("N");
        var second = Start(officer: officer, unit: unit, at: At.AddMinutes(5));
        var first = Start(officer: officer, unit: unit, at: At);
        var otherYear = Start(officer: officer, unit: unit, at: At.AddMinutes(1), year: 2025);
        var otherOfficer = Start(unit: unit, at: At);
        foreach (var k in new[] { second, first, otherYear, otherOfficer })
        {
            await _repo.CreateAsync(k);
        }

        Assert.Equal([first.Id, otherYear.Id, second.Id], (await _repo.ListByOfficerAsync(officer)).Select(k => k.Id));
        var unitYear = await _repo.ListByUnitYearAsync(unit, 2026);
        Assert.Equal(3, unitYear.Count);
        Assert.Equal(second.Id, unitYear[^1].Id);
        Assert.Equal(new[] { first.Id, otherOfficer.Id }.Order(), unitYear.Take(2).Select(k => k.Id).Order());
        Assert.Equal([otherYear.Id], (await _repo.ListByUnitYearAsync(unit, 2025)).Select(k => k.Id));
        Assert.All(await _repo.ListByOfficerAsync(officer), k => Assert.NotNull(k.Version));
    }

    [Fact]
    public async Task AnnualCycleId_WithPipesAndSlashes_RoundTrips()
    {
        var unit = "unit-" + Guid.NewGuid().ToString("N");
        var annual = Ok(_engine.Start(new StartKegiatan(null, Sop, "A", WorkflowKind.SiklusTahunan, null, null, null, unit, Officer.Id, 2026), Officer, At));

        await _repo.CreateAsync(annual);

        Assert.Equal("A.7", (await _repo.GetAsync(Domain.Workflow.Kegiatan.AnnualCycleId(Sop, "A", unit, 2026)))!.CurrentStepId);
    }

    [Fact]
    public async Task CreateAsync_LargeKegiatan_SpansDocumentChunks()
    {
        var k = Start();
        for (var i = 0; i < 6; i++)
        {
            k.Steps.Add(new StepRecord { StepId = "A.1", Note = new string((char)('a' + i), 20_000) });
        }

        await _repo.CreateAsync(k);

        Assert.Equal(KegiatanJson.Serialize(k), KegiatanJson.Serialize((await _repo.GetAsync(k.Id))!));
    }

    private Domain.Workflow.Kegiatan Start(string? id = null, string officer = "officer-1", string unit = "bbpom-medan", DateTimeOffset? at = null, int year = 2026) =>
        Ok(_engine.Start(new StartKegiatan(id ?? "k-" + Guid.NewGuid().ToString("N"), Sop, "A", WorkflowKind.PerKegiatan, "FGD Pemda's \"uji\"", "pemerintah-daerah", "fgd", unit, officer, year), new Actor(officer), at ?? At));

    private Domain.Workflow.Kegiatan Record(Domain.Workflow.Kegiatan k, string reference) =>
        Ok(_engine.RecordKelengkapan(k, "k1", "Lembar disposisi pimpinan/Unit Kerja Pusat", reference, new DateOnly(2026, 3, 2), Officer, At));

    private static Domain.Workflow.Kegiatan Ok(KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteKegiatanRepositoryTests(AzuriteFixture azurite) : TableKegiatanRepositoryTests
{
    protected override TableServiceClient Service { get; } = TableStorage.Create(azurite.ConnectionString);
}

