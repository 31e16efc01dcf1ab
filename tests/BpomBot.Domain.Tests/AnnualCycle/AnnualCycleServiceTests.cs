using BpomBot.Domain.Abstractions;
using BpomBot.Domain.AnnualCycle;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Domain.Tests.AnnualCycle;

/// <summary>The national siklus tahunan: UPT reports, the Unit Kerja Pusat's recap, the arahan, and the follow-up for every unit.</summary>
public sealed class AnnualCycleServiceTests
{
    private static readonly UnitCatalog Units = UnitCatalog.LoadEmbedded();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 10, 30, 2, 0, 0, TimeSpan.Zero)); // Friday 09:00 WIB, before the cycle opens (1 Nov)
    private readonly InMemoryKegiatanRepository _repository = new();
    private readonly InMemoryRosterRepository _roster = new();
    private readonly Audit _audit = new();
    private readonly KegiatanEngine _engine;
    private readonly AnnualCycleService _cycle;

    public AnnualCycleServiceTests()
    {
        var catalog = SopCatalog.LoadEmbedded();
        var calendar = new WorkingDayCalendar(HolidaySet.LoadEmbedded());
        _engine = new KegiatanEngine(catalog, calendar, Units);
        _cycle = new AnnualCycleService(_engine, _repository, _audit, Units, new OfficeClock(_time, Units), _time, catalog, calendar,
            new AnnualCycleOptions(), new ExecutorDirectory(Units, _roster));
        foreach (var (id, unit, role) in new[] { ("o-medan", "bbpom-medan", "pelaksana"), ("o-toba", "loka-toba", "pelaksana"), ("o-pmpu", "dit-pmpu-po", "pelaksana"), ("o-penindakan", "deputi-penindakan", "pelaksana") })
            _roster.SavePersonAsync(new PersonRecord(id, null, id, $"{id}@pom.go.id", unit, [role])).GetAwaiter().GetResult();
    }

    private static Actor Actor(string id) => new(id);

    private async Task<Workflow.Kegiatan> Open(string officer, string unit, string sub = "A")
    {
        var outcome = await _cycle.OpenPartAsync(officer, unit, sub);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Kegiatan!;
    }

    private async Task<Workflow.Kegiatan> Save(Workflow.Kegiatan before, KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        await _repository.UpdateAsync(result.Kegiatan!, before.Version!);
        return result.Kegiatan!;
    }

    private async Task SubmitLaporan(string officer, string unit, DateOnly on)
    {
        var k = await Open(officer, unit);
        Assert.Equal("A.7", k.CurrentStepId);
        k = await Save(k, _engine.RecordKelengkapan(k, "k1", null, $"evaluasi-{unit}", on, Actor(officer), _time.GetUtcNow()));
        k = await Save(k, _engine.CompleteStep(k, $"laptah-{unit}", on, Actor(officer), _time.GetUtcNow()));
        Assert.Equal(KegiatanStatus.Selesai, k.Status); // the UPT's part ends at A.7; A.8 is the Unit Kerja Pusat's
        Assert.Contains(k.History, e => e.Action == "kegiatan.part-completed");
    }

    [Fact]
    public async Task Cycle_UptReports_RecapSeesMissing_ArahanReachesEveryUnit()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));
        var day = new DateOnly(2026, 11, 2);
        await SubmitLaporan("o-medan", "bbpom-medan", day);
        await SubmitLaporan("o-toba", "loka-toba", day);

        var status = (await _cycle.StatusAsync("A", 2026))!;
        Assert.Equal(76, status.Reports.Count);
        Assert.Equal(["bbpom-medan", "loka-toba"], status.Submitted.Select(r => r.Unit.Id).Order());
        Assert.Equal("bbpom-medan", status.Reports.Single(r => r.Unit.Id == "loka-toba").Via?.Id); // A.7 note 2: via the Koordinator
        Assert.Equal(74, status.Missing.Count());
        Assert.Empty(status.Late);

        // The Unit Kerja Pusat's recap: Kelengkapan filled from the UPT reports, the missing ones counted.
        var rekap = await Open("o-pmpu", "dit-pmpu-po");
        Assert.Equal(("A.8", StepStatus.Berjalan), (rekap.CurrentStepId, rekap.CurrentStep!.Status));
        var filled = Assert.Single(rekap.CurrentStep.Kelengkapan).Reference;
        Assert.Contains("2 dari 76", filled);
        Assert.Contains("Loka POM di Kabupaten Toba melalui Balai Besar POM di Medan (laptah-loka-toba", filled);
        Assert.Contains("belum terkirim: 74 UPT", filled);

        // A.8 goes to the PPTM, A.9's arahan closes the recap part.
        rekap = await Save(rekap, _engine.SubmitToLeader(rekap, "rekap-2026", day.AddDays(10), Actor("o-pmpu"), _time.GetUtcNow()));
        rekap = await Save(rekap, _engine.Approve(rekap, day.AddDays(12), Actor("deputi"), _time.GetUtcNow()));
        Assert.Equal(("A.9", StepStatus.MenungguDisposisi), (rekap.CurrentStepId, rekap.CurrentStep!.Status));
        rekap = await Save(rekap, _engine.Approve(rekap, day.AddDays(13), Actor("deputi"), _time.GetUtcNow(), "arahan-deputi-2026"));
        Assert.Equal(KegiatanStatus.Selesai, rekap.Status);

        // The follow-up opens for every unit of the cycle, with the arahan as its Kelengkapan.
        var opened = await _cycle.OpenDueAsync();
        var everyUnitOfA = 76 + Units.Units.Count(u => u.Type is UnitType.Deputi or UnitType.Direktorat or UnitType.Pusat);
        Assert.Equal(everyUnitOfA + 76 * 2, opened); // A.10 for every unit of A; B and C open their UPT reports
        Assert.Equal(everyUnitOfA, (await Task.WhenAll(_cycle.UnitsOf(_cycle.PlanOf("A")!).Select(u => _repository.GetAsync(_cycle.PlanOf("A")!.PartId(AnnualCycleService.SopCode, u.Id, 2026, CyclePartKind.TindakLanjut))))).Count(k => k is not null));
        var plan = _cycle.PlanOf("A")!;
        var followUp = (await _repository.GetAsync(plan.PartId(AnnualCycleService.SopCode, "bpom-batam", 2026, CyclePartKind.TindakLanjut)))!;
        Assert.Equal(("A.10", StepStatus.Berjalan, AnnualCycleService.Unassigned("bpom-batam")), (followUp.CurrentStepId, followUp.CurrentStep!.Status, followUp.OfficerId));
        Assert.StartsWith("arahan-deputi-2026", followUp.CurrentStep.Kelengkapan.Single().Reference);
        Assert.Equal(0, await _cycle.OpenDueAsync()); // once

        // An officer asking takes their unit's follow-up part.
        var mine = await Open("o-medan", "bbpom-medan");
        Assert.Equal(("A.10", "o-medan"), (mine.CurrentStepId, mine.OfficerId));
        Assert.Contains(_audit.Events, e => e.Action == "kegiatan.taken" && e.Actor == "o-medan");
    }

    [Fact]
    public async Task OpenDueAsync_BeforeTheOpeningDate_OpensNothing_OnItOpensEveryUptReport()
    {
        Assert.Equal(0, await _cycle.OpenDueAsync());

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(76 * 3, await _cycle.OpenDueAsync()); // A, B and C: one laporan per UPT each
        var medan = (await _repository.GetAsync(Workflow.Kegiatan.AnnualCycleId(AnnualCycleService.SopCode, "B", "bbpom-medan", 2026)))!;
        Assert.Equal(("B.7", AnnualCycleService.Unassigned("bbpom-medan")), (medan.CurrentStepId, medan.OfficerId));

        var taken = await Open("o-medan", "bbpom-medan", "B");
        Assert.Equal((medan.Id, "o-medan"), (taken.Id, taken.OfficerId));
    }

    [Fact]
    public async Task OpenPartAsync_CentralUnitOutsideTheSubProcessUnitKerjaPusat_IsToldWhich()
    {
        var refused = await _cycle.OpenPartAsync("o-penindakan", "deputi-penindakan", "C");
        Assert.False(refused.Succeeded);
        Assert.Contains("Direktorat Pemberdayaan Masyarakat dan Pelaku Usaha Pangan Olahan", refused.Error);
        Assert.StartsWith("Deputi Bidang Penindakan is neither a UPT BPOM nor the Unit Kerja Pusat of sub-process C (Direktorat Pemberdayaan Masyarakat",
            refused.ErrorText(english: true), StringComparison.Ordinal);
        Assert.Empty(await _repository.ListByUnitYearAsync("deputi-penindakan", 2026));

        // Sub-process A: every central unit is Unit Kerja Pusat (Deskripsi 9a).
        Assert.Equal("A.8", (await Open("o-penindakan", "deputi-penindakan", "A")).CurrentStepId);
    }

    [Fact]
    public async Task UnitTarget_SetByTheUnitsAdmin_WithinTheYear_ReplacesTheHk_AndIsAudited()
    {
        await _roster.SavePersonAsync(new PersonRecord("admin-medan", null, "Admin", "admin@pom.go.id", "bbpom-medan", [RosterRoles.Admin]));
        var notAdmin = await _cycle.SetUnitTargetAsync("o-medan", "A", new DateOnly(2026, 12, 15));
        Assert.False(notAdmin.Succeeded);
        Assert.Equal("Only a UPT unit's admin can set the unit's annual report target.", notAdmin.ErrorText(english: true));
        var outOfYear = await _cycle.SetUnitTargetAsync("admin-medan", "A", new DateOnly(2027, 1, 15));
        Assert.Contains("tahun siklus", outOfYear.Error);

        var set = await _cycle.SetUnitTargetAsync("admin-medan", "A", new DateOnly(2026, 12, 15));
        Assert.True(set.Succeeded, set.Error);
        Assert.Contains(_audit.Events, e => e.Action == "step.unit-target" && e.After == "2026-12-15" && e.Actor == "admin-medan");

        // The officer takes the part; once its Kelengkapan is in, the unit's target is the due date, not 20 HK.
        var k = await Open("o-medan", "bbpom-medan");
        k = await Save(k, _engine.RecordKelengkapan(k, "k1", null, "evaluasi", new DateOnly(2026, 11, 2), Actor("o-medan"), _time.GetUtcNow()));
        Assert.Equal((new DateOnly(2026, 12, 15), StepStatus.Berjalan), (k.CurrentStep!.DueOn, k.CurrentStep.Status));
        Assert.Contains("target unit", k.CurrentStep.DueReason);
    }

    [Fact]
    public void UnitTarget_OnAStepWhoseWaktuIsTheSops_IsRefused()
    {
        var f = new Kegiatan.EngineFixture();
        var refusal = Kegiatan.EngineFixture.Refused(f.Engine.SetUnitTarget(f.Start(), new DateOnly(2026, 5, 1), Actor("admin"), Kegiatan.EngineFixture.At), RefusalCodes.TargetTidakValid);
        Assert.Contains("A.1", refusal.Reason);
    }

    [Fact]
    public void Plan_SplitsEverySubProcessWithACycle_IntoUptReport_Recap_FollowUp()
    {
        Assert.Equal(("A.7", "A.8", "A.9", "A.10"), Parts("A"));
        Assert.Equal(("B.7", "B.8", "B.9", "B.10"), Parts("B"));
        Assert.Equal(("C.5", "C.6", "C.7", "C.8"), Parts("C"));
        Assert.Null(_cycle.PlanOf("D"));

        (string, string, string, string) Parts(string sub)
        {
            var p = _cycle.PlanOf(sub)!;
            return (p.Laporan.EndStepId, p.Rekap.EntryStepId, p.Rekap.EndStepId, p.TindakLanjut.EntryStepId);
        }
    }

    private sealed class Audit : IAuditLog
    {
        public List<AuditEvent> Events { get; } = [];

        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            lock (Events) Events.Add(auditEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([.. Events.Where(e => e.Subject == subject)]);

        public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([.. Events]);
    }
}
