using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Workflow;
using static BpomBot.Domain.Tests.Kegiatan.EngineFixture;

namespace BpomBot.Domain.Tests.Kegiatan;

public sealed class InMemoryKegiatanRepositoryTests
{
    private readonly EngineFixture _f = new();
    private readonly InMemoryKegiatanRepository _repo = new();

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsEveryField()
    {
        var k = _f.FillKelengkapan(_f.Start(), new DateOnly(2026, 3, 2));
        var version = await _repo.CreateAsync(k);

        var stored = await _repo.GetAsync(k.Id);
        Assert.NotNull(stored);
        Assert.Equal(version, stored.Version);
        Assert.Equal(version, k.Version);
        Assert.Equal(KegiatanJson.Serialize(k), KegiatanJson.Serialize(stored));
        Assert.Equal((StepStatus.Berjalan, new DateOnly(2026, 3, 16)), (stored.CurrentStep!.Status, stored.CurrentStep.DueOn));
    }

    [Fact]
    public async Task CreateAsync_ExistingId_Conflicts()
    {
        await _repo.CreateAsync(_f.StartAnnual("A", "bbpom-medan", 2026));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.CreateAsync(_f.StartAnnual("A", "bbpom-medan", 2026)));
    }

    [Fact]
    public async Task UpdateAsync_WithCurrentVersion_ReturnsNewVersion_StaleVersionConflicts()
    {
        var k = _f.Start();
        var v1 = await _repo.CreateAsync(k);
        var loaded = (await _repo.GetAsync(k.Id))!;
        var next = _f.FillKelengkapan(loaded, new DateOnly(2026, 3, 2));

        var v2 = await _repo.UpdateAsync(next, v1);
        Assert.NotEqual(v1, v2);

        var concurrent = _f.Ok(_f.Engine.Cancel(loaded, "dobel", Officer, At));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.UpdateAsync(concurrent, v1));
        Assert.Equal(KegiatanStatus.Berjalan, (await _repo.GetAsync(k.Id))!.Status);
    }

    [Fact]
    public async Task UpdateAsync_Missing_Conflicts() =>
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.UpdateAsync(_f.Start(), "1"));

    [Fact]
    public async Task GetAsync_ReturnsACopy_ChangesDoNotLeakIntoTheStore()
    {
        var k = _f.Start();
        await _repo.CreateAsync(k);
        (await _repo.GetAsync(k.Id))!.Status = KegiatanStatus.Dibatalkan;
        Assert.Equal(KegiatanStatus.Berjalan, (await _repo.GetAsync(k.Id))!.Status);
        Assert.Null(await _repo.GetAsync("nope"));
    }

    [Fact]
    public async Task ListAsync_ByOfficer_AndByUnitYear()
    {
        await _repo.CreateAsync(_f.Start(id: "k-1"));
        await _repo.CreateAsync(_f.Start(id: "k-2"));
        await _repo.CreateAsync(_f.StartAnnual("B", "bpom-x", 2027));
        var other = _f.Ok(_f.Engine.Start(new StartKegiatan("k-3", SopCode, "A", Domain.Sop.WorkflowKind.PerKegiatan, "x", "kl", "fgd", "bpom-y", "officer-2", 2026), Officer, At));
        await _repo.CreateAsync(other);

        Assert.Equal(["k-1", "k-2"], (await _repo.ListByUnitYearAsync("bpom-x", 2026)).Select(k => k.Id));
        Assert.Single(await _repo.ListByUnitYearAsync("bpom-x", 2027));
        Assert.Equal(["k-3"], (await _repo.ListByOfficerAsync("officer-2")).Select(k => k.Id));
        Assert.Equal(3, (await _repo.ListByOfficerAsync(Officer.Id)).Count);
    }

    [Fact]
    public void KegiatanJson_WritesStatusesAsText()
    {
        var json = KegiatanJson.Serialize(_f.Start());
        Assert.Contains("\"MenungguKelengkapan\"", json);
        Assert.Contains("\"per-kegiatan\"", json);
    }
}
