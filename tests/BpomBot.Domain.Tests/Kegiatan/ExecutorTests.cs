using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Tests.Kegiatan;

/// <summary>The SOP's Pelaksana column is enforced when the actor comes with a profile (unit and roster roles).</summary>
public sealed class ExecutorTests
{
    private static readonly UnitCatalog Units = UnitCatalog.LoadEmbedded();
    private readonly EngineFixture _f = new();
    private readonly KegiatanEngine _engine;

    public ExecutorTests() => _engine = new KegiatanEngine(_f.Catalog, _f.Calendar, Units);

    private static Actor As(string id, string unit, params string[] roles) => new(id, null, new ExecutorProfile(Units.Get(unit), roles));

    private KegiatanResult StartPart(Actor actor, string unit, string entry) =>
        _engine.Start(new StartKegiatan(null, EngineFixture.SopCode, "A", WorkflowKind.SiklusTahunan, null, null, null, unit, actor.Id, 2026, EntryStepId: entry), actor, EngineFixture.At);

    [Fact]
    public void UptOfficer_CannotTakeTheUnitKerjaPusatRecap_A8_AndIsToldWhoCan()
    {
        var refusal = EngineFixture.Refused(StartPart(As("o-medan", "bbpom-medan", "pelaksana"), "bbpom-medan", "A.8"), RefusalCodes.BukanPelaksana);
        Assert.Contains("Unit Kerja Pusat", refusal.Reason);
        Assert.Contains("Balai Besar POM di Medan", refusal.Reason);

        Assert.True(StartPart(As("o-pmpu", "dit-pmpu-po", "pelaksana"), "dit-pmpu-po", "A.8").Succeeded);
    }

    [Fact]
    public void UptOfficer_TryingA8_IsRefusedWithWhoCanAsData_InBothLanguages()
    {
        var refusal = EngineFixture.Refused(StartPart(As("o-medan", "bbpom-medan", "pelaksana"), "bbpom-medan", "A.8"), RefusalCodes.BukanPelaksana);

        var who = Assert.IsType<WhoCan>(refusal.WhoCan);
        Assert.Equal(("A.8", "A", "Balai Besar POM di Medan"), (who.StepId, who.SubProcess, who.ActorUnit));
        var only = Assert.Single(who.Executors);
        Assert.Equal(("unit-kerja-pusat", true), (only.RoleId, only.AllCentral)); // Deskripsi 9a: every central unit
        var words = refusal.Words!;
        Assert.Equal(refusal.Reason, words.Indonesian);
        Assert.Contains("Unit Kerja Pusat sub-proses A (semua unit kerja BPOM Pusat)", words.Indonesian, StringComparison.Ordinal);
        Assert.Contains("the Unit Kerja Pusat of sub-process A (every central BPOM unit)", words.English, StringComparison.Ordinal);
        Assert.Contains("Balai Besar POM di Medan", words.English, StringComparison.Ordinal);
        Assert.DoesNotContain("dilaksanakan", words.English, StringComparison.Ordinal);
    }

    [Fact]
    public void UptOfficer_TryingA9_IsToldTheKepalaBpomOrAPptmCan()
    {
        var refusal = EngineFixture.Refused(StartPart(As("o-medan", "bbpom-medan", "pelaksana"), "bbpom-medan", "A.9"), RefusalCodes.BukanPelaksana);

        Assert.Equal(["kepala-bpom", "pptm"], refusal.WhoCan!.Executors.Select(e => e.RoleId));
        Assert.Contains("Kepala BPOM atau Pejabat Pimpinan Tinggi Madya", refusal.Words!.Indonesian, StringComparison.Ordinal);
        Assert.Contains("the Kepala BPOM or a Pejabat Pimpinan Tinggi Madya", refusal.Words.English, StringComparison.Ordinal);
    }

    [Fact]
    public void UptOfficer_AtSubProcessB_IsToldTheNamedDirectorates()
    {
        var actor = As("o-medan", "bbpom-medan", "pelaksana");
        var refusal = EngineFixture.Refused(_engine.Start(new StartKegiatan(null, EngineFixture.SopCode, "B", WorkflowKind.SiklusTahunan, null, null, null, "bbpom-medan", actor.Id, 2026, EntryStepId: "B.8"), actor, EngineFixture.At), RefusalCodes.BukanPelaksana);

        var ukp = Assert.Single(refusal.WhoCan!.Executors);
        Assert.False(ukp.AllCentral);
        Assert.Equal(6, ukp.UnitNames!.Count); // Deskripsi 9b
        Assert.All(ukp.UnitNames, name => Assert.Contains(name, refusal.Words!.English, StringComparison.Ordinal));
        Assert.Contains("the Unit Kerja Pusat of sub-process B (Direktorat", refusal.Words!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void UptOfficer_AtAUnitKerjaPusatStep_IsRefused_AndNothingChanges()
    {
        // D.5 is the Unit Kerja Pusat's (Dit. PMPU Pangan Olahan); a D kegiatan walked to D.5 by the directorate.
        var pmpu = As("o-pmpu", "dit-pmpu-po", "pelaksana");
        var k = _f.Ok(_engine.Start(new StartKegiatan("k-d", EngineFixture.SopCode, "D", WorkflowKind.PerKegiatan, "Fasilitator", "pemerintah-daerah", "bimtek", "dit-pmpu-po", pmpu.Id, 2026), pmpu, EngineFixture.At));
        var day = new DateOnly(2026, 3, 2);
        while (k.CurrentStepId != "D.5")
        {
            k = _f.FillKelengkapan(k, day);
            if (k.CurrentStep!.Status == StepStatus.Berjalan && _f.Catalog.Latest(EngineFixture.SopCode)!.FindStep(k.CurrentStepId!)!.WaktuHk is null)
                k = _f.Ok(_engine.SetPlannedDate(k, k.CurrentStep.StartedOn!.Value, pmpu, EngineFixture.At));
            day = k.CurrentStep!.DueOn ?? k.CurrentStep.PlannedOn!.Value;
            k = _f.Ok(_engine.CompleteStep(k, "out-" + k.CurrentStepId, day, pmpu, EngineFixture.At));
        }

        var upt = As("o-medan", "bbpom-medan", "pelaksana");
        var refusal = EngineFixture.Refused(_engine.CompleteStep(k, "out-D.5", day.AddDays(30), upt, EngineFixture.At), RefusalCodes.BukanPelaksana);
        Assert.Contains("Direktorat Pemberdayaan Masyarakat dan Pelaku Usaha Pangan Olahan", refusal.Reason);
        Assert.Equal("D.5", k.CurrentStepId); // the input is never changed
    }

    [Fact]
    public void Programme9e_HasItsOwnUnitKerjaPusat()
    {
        var sub = _f.Catalog.Latest(EngineFixture.SopCode)!.FindSubProcess("D")!;
        var d5 = sub.Steps.Single(s => s.Id == "D.5");
        var otskk = new ExecutorProfile(Units.Get("dit-pmpu-otskk"), ["pelaksana"]);
        var po = new ExecutorProfile(Units.Get("dit-pmpu-po"), ["pelaksana"]);
        Assert.False(StepExecutors.Allows(sub, null, d5, otskk));
        Assert.True(StepExecutors.Allows(sub, "fasilitator-umkm-ot-kosmetik", d5, otskk));
        Assert.False(StepExecutors.Allows(sub, "fasilitator-umkm-ot-kosmetik", d5, po));
    }

    [Theory]
    [InlineData("A.9", "bbpom-medan", "kepala-upt", false)] // a Kepala UPT is not Kepala BPOM / PPTM
    [InlineData("A.9", "deputi-po", "pptm", true)]
    [InlineData("D.6", "deputi-po", "pptm", false)] // only Kepala BPOM
    [InlineData("D.6", "kepala-bpom", "kepala-bpom", true)]
    [InlineData("A.7", "loka-toba", "pelaksana", true)]
    [InlineData("A.7", "dit-pmpu-po", "pelaksana", false)] // laporan tahunan UPT
    [InlineData("B.8", "dit-reg-po", "pelaksana", true)] // Deskripsi 9b
    [InlineData("B.8", "deputi-penindakan", "pelaksana", false)]
    [InlineData("A.8", "deputi-penindakan", "pelaksana", true)] // 9a: every central unit
    [InlineData("D.3", "ppsdm-pom", "pelaksana", true)]
    public void LeaderAndUnitSteps_FollowThePelaksanaColumn(string stepId, string unit, string role, bool allowed)
    {
        var sop = _f.Catalog.Latest(EngineFixture.SopCode)!;
        var sub = sop.FindSubProcess(stepId[..1])!;
        Assert.Equal(allowed, StepExecutors.Allows(sub, null, sop.FindStep(stepId)!, new ExecutorProfile(Units.Get(unit), [role])));
    }

    [Fact]
    public void ActorWithoutProfile_IsNotChecked()
    {
        var k = _f.Start();
        Assert.True(_engine.RecordKelengkapan(k, "k1", null, "ref", new DateOnly(2026, 3, 2), EngineFixture.Officer, EngineFixture.At) is { Succeeded: true } or { Refusal.Code: not RefusalCodes.BukanPelaksana });
    }
}
