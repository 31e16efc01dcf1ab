using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Tests.Sop;
using BpomBot.Domain.Workflow;
using static BpomBot.Domain.Tests.Rekap.RekapData;

namespace BpomBot.Domain.Tests.Rekap;

public sealed class RekapCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 15); // Monday
    private static readonly UnitCatalog Units = UnitCatalog.LoadEmbedded();
    private static readonly SopDefinition Sop = SopCatalog.LoadEmbedded().Latest("POM-04.01/CFM.01/SOP.01")!;
    private readonly RekapCalculator calculator = new(Sop, Units, new TestHkCalendar());

    [Fact]
    public void Steps_are_judged_against_their_batas_waktu_on_the_recap_day()
    {
        Assert.Equal((StepTiming.TepatWaktu, 0), calculator.Judge(Done("A.1", new(2026, 6, 1), new(2026, 6, 1)), "bbpom-medan", Today));
        Assert.Equal((StepTiming.Terlambat, 3), calculator.Judge(Done("A.1", new(2026, 6, 1), new(2026, 6, 4), lateHk: 3), "bbpom-medan", Today));
        // Friday 12 June due, Monday 15 June today: one HK past (the weekend does not count).
        Assert.Equal((StepTiming.LewatBatas, 1), calculator.Judge(Open("A.2", new(2026, 6, 12)), "bbpom-medan", Today));
        Assert.Equal((StepTiming.Berjalan, 0), calculator.Judge(Open("A.2", Today), "bbpom-medan", Today));
        Assert.Equal((StepTiming.TidakDihitung, 0), calculator.Judge(Open("A.3", null), "bbpom-medan", Today));
        Assert.Equal(StepTiming.TidakDihitung, calculator.Judge(Open("A.2", new(2026, 1, 5), StepStatus.Dilewati), "bbpom-medan", Today).Timing);
    }

    [Fact]
    public void Units_count_kegiatan_by_status_and_on_time_percent_over_judged_steps()
    {
        var data = new[]
        {
            K("k1", "bbpom-medan", status: KegiatanStatus.Selesai, steps: [Done("A.1", new(2026, 2, 2), new(2026, 2, 2)), Done("A.2", new(2026, 3, 2), new(2026, 3, 5), 3)]),
            K("k2", "bbpom-medan", steps: [Done("A.1", new(2026, 5, 4), new(2026, 5, 4)), Open("A.2", new(2026, 6, 10))]),
            K("k3", "loka-toba", officer: "officer-2", status: KegiatanStatus.Dibatalkan, steps: [Done("A.1", new(2026, 2, 2), new(2026, 1, 30))]),
            K("k4", "bbpom-padang", steps: [Done("A.1", new(2026, 2, 2), new(2026, 2, 2))]), // outside the scope
        };

        var result = calculator.Compute(new RekapRequest(2026, "A", RekapScope.WithChildren("bbpom-medan")), data, Today);

        Assert.Equal(["bbpom-medan", "loka-toba"], result.Units.Select(u => u.UnitId));
        var medan = result.Units[0];
        Assert.Equal((1, 1, 0), (medan.Berjalan, medan.Selesai, medan.Dibatalkan));
        Assert.Equal(new TimingCounts(2, 1, 1, 0), medan.Timing);
        Assert.Equal(50.0, medan.Timing.OnTimePercent);
        Assert.Equal(3 + 3, medan.LateHk); // 3 HK recorded on A.2 of k1, 3 HK past due on k2's A.2 (10→15 June)
        Assert.Equal(1, result.Units[1].Dibatalkan);
        Assert.Equal(100.0, result.Units[1].Timing.OnTimePercent);

        var a1 = result.Steps.Single(s => s.StepId == "A.1");
        Assert.Equal(new TimingCounts(3, 0, 0, 0), a1.Timing);
        var a2 = result.Steps.Single(s => s.StepId == "A.2");
        Assert.Equal(0.0, a2.Timing.OnTimePercent);
        Assert.Equal(["officer-1", "officer-2"], result.Officers.Select(o => o.OfficerId));
        Assert.Equal(2, result.LateSteps.Count());
        Assert.Equal(new TimingCounts(3, 1, 1, 0), result.Timing);
        Assert.False(result.IsEmpty);
    }

    [Fact]
    public void Units_sub_processes_steps_officers_and_lines_add_up_to_the_same_totals()
    {
        var data = new[]
        {
            K("k1", "bbpom-medan", status: KegiatanStatus.Selesai, steps: [Done("A.1", new(2026, 2, 2), new(2026, 2, 2)), Done("A.2", new(2026, 3, 2), new(2026, 3, 5), 3)]),
            K("k2", "bbpom-medan", "B", officer: "officer-2", steps: [Done("B.1", new(2026, 5, 4), new(2026, 5, 8), 4), Open("B.2", new(2026, 6, 10))]),
            K("k3", "loka-toba", "C", officer: "officer-3", status: KegiatanStatus.Dibatalkan, steps: [Done("C.1", new(2026, 2, 2), new(2026, 1, 30)), Open("C.2", new(2026, 6, 1))]),
            K("k4", "bbpom-padang", steps: [Open("A.1", new(2026, 6, 30)), Open("A.2", null)]),
        };

        var result = calculator.Compute(new RekapRequest(2026, null, RekapScope.All), data, Today);

        var total = result.StepLines.Sum(l => l.LateHk);
        Assert.Equal(3 + 4 + 3 + 10, total); // recorded 3 and 4; B.2 past due 10→15 June (3 HK), C.2 1→15 June (10 HK)
        Assert.Equal(total, result.LateHk);
        Assert.Equal(total, result.Steps.Sum(s => s.LateHk));
        Assert.Equal(total, result.Officers.Sum(o => o.LateHk));
        Assert.Equal(total, result.BySubProcess.Sum(s => s.Units.Sum(u => u.LateHk)));
        Assert.Equal(result.Timing, result.BySubProcess.Aggregate(TimingCounts.Zero, (a, s) => a.Plus(s.Timing)));
        Assert.Equal(result.Timing, result.Steps.Aggregate(TimingCounts.Zero, (a, s) => a.Plus(s.Timing)));
        Assert.Equal(result.Timing, result.Officers.Aggregate(TimingCounts.Zero, (a, o) => a.Plus(o.Timing)));
        foreach (var unit in result.Units)
        {
            var subs = result.BySubProcess.Select(s => s.Units.Single(u => u.UnitId == unit.UnitId)).ToList();
            Assert.Equal((unit.Berjalan, unit.Selesai, unit.Dibatalkan), (subs.Sum(u => u.Berjalan), subs.Sum(u => u.Selesai), subs.Sum(u => u.Dibatalkan)));
            Assert.Equal(unit.Timing, subs.Aggregate(TimingCounts.Zero, (a, u) => a.Plus(u.Timing)));
        }

        var medanB = result.BySubProcess.Single(s => s.Code == "B").Units.Single(u => u.UnitId == "bbpom-medan");
        Assert.Equal((1, 0, 0, 2), (medanB.Berjalan, medanB.Selesai, medanB.Dibatalkan, medanB.Timing.Judged));
    }

    [Fact]
    public void Stakeholders_and_forms_follow_the_SOP_list_and_count_the_rest_as_Lainnya()
    {
        var data = new[]
        {
            K("k1", "bbpom-medan", stakeholder: "pemerintah-daerah", bentuk: "fgd"),
            K("k2", "bbpom-medan", stakeholder: "pemerintah-daerah", bentuk: "audiensi"),
            K("k3", "bbpom-medan", stakeholder: "lainnya: karang taruna", bentuk: "lomba"),
            K("k4", "bbpom-medan", stakeholder: "kl", bentuk: "fgd", status: KegiatanStatus.Dibatalkan),
        };

        var result = calculator.Compute(new RekapRequest(2026, null, RekapScope.OneUnit("bbpom-medan")), data, Today);

        Assert.Equal([("pemerintah-daerah", 2), ("lainnya", 1)], result.Stakeholders.Select(s => (s.Id, s.Count)));
        Assert.Equal([("fgd", 1), ("audiensi", 1), ("lainnya", 1)], result.Forms.Select(s => (s.Id, s.Count)));
        Assert.Equal("Lainnya", result.Stakeholders[^1].Name);
    }

    [Fact]
    public void A_typed_Lainnya_counts_as_a_choice_only_when_its_own_sub_process_lists_it()
    {
        // Sub-process D lists only Bimtek (forms) and kl, pemerintah-daerah, organisasi-profesi, organisasi-komunitas-sosial;
        // "FGD" and "pelaku-usaha" are ids of other sub-processes' lists, so in D they are typed Lainnya.
        var data = new[]
        {
            K("d1", "bbpom-medan", sub: "D", stakeholder: "Pelaku-Usaha", bentuk: "FGD"),
            K("d2", "bbpom-medan", sub: "D", stakeholder: "KL", bentuk: "BIMTEK"),
            K("a1", "bbpom-medan", sub: "A", stakeholder: "pelaku-usaha", bentuk: "FGD"),
            K("c1", "bbpom-medan", sub: "C", stakeholder: "organisasi-profesi", bentuk: "fgd"),
        };

        var result = calculator.Compute(new RekapRequest(2026, null, RekapScope.OneUnit("bbpom-medan")), data, Today);

        Assert.Equal([("pelaku-usaha", 1), ("kl", 1), ("organisasi-profesi", 1), ("lainnya", 1)], result.Stakeholders.Select(s => (s.Id, s.Count)));
        Assert.Equal([("fgd", 1), ("bimtek", 1), ("lainnya", 2)], result.Forms.Select(s => (s.Id, s.Count)));
        Assert.Equal("fgd", RekapChoices.Key(" Fgd ", Sop.Forms, Sop.FindSubProcess("A")!.Forms));
        Assert.Equal("lainnya", RekapChoices.Key("FGD", Sop.Forms, Sop.FindSubProcess("D")!.Forms));
        Assert.Null(RekapChoices.Key(null, Sop.Forms, Sop.FindSubProcess("D")!.Forms));
    }

    [Fact]
    public void Annual_reports_of_every_UPT_in_scope_are_in_late_or_missing_and_arahan_is_listed()
    {
        var data = new[]
        {
            K("t1", "bbpom-medan", kind: WorkflowKind.SiklusTahunan, steps: [Done("A.7", new(2026, 6, 1), new(2026, 5, 29)).WithEvidence("https://x/laporan-medan.pdf")]),
            K("t2", "loka-toba", kind: WorkflowKind.SiklusTahunan, steps: [Open("A.7", new(2026, 6, 1))]),
            K("t3", "dit-pmpu-po", kind: WorkflowKind.SiklusTahunan, steps: [Done("A.8", new(2026, 6, 1), new(2026, 6, 1)), Done("A.9", new(2026, 6, 8), new(2026, 6, 5), output: "ND-12/arahan")]),
        };

        var result = calculator.Compute(new RekapRequest(2026, "A", RekapScope.All), data, Today);

        var upts = Units.Units.Where(u => u.IsUpt).ToList();
        Assert.Equal(upts.Count, result.AnnualReports.Count);
        var medan = result.AnnualReports.Single(r => r.UnitId == "bbpom-medan");
        Assert.Equal((AnnualReportState.Masuk, "A.7", new DateOnly(2026, 5, 29)), (medan.State, medan.StepId, medan.SentOn!.Value));
        Assert.Equal(["https://x/laporan-medan.pdf"], medan.Evidence);
        Assert.Equal(AnnualReportState.Terlambat, result.AnnualReports.Single(r => r.UnitId == "loka-toba").State);
        Assert.Equal(upts.Count - 2, result.AnnualReports.Count(r => r.State == AnnualReportState.BelumMasuk));
        var arahan = Assert.Single(result.Arahan);
        Assert.Equal(("A.9", "dit-pmpu-po", "ND-12/arahan"), (arahan.StepId, arahan.UnitId, arahan.Output));
        // Central units appear only when they have data; every UPT has a line.
        Assert.Contains(result.Units, u => u.UnitId == "dit-pmpu-po");
        Assert.DoesNotContain(result.Units, u => u.UnitId == "dit-reg-po");
        Assert.Equal(upts.Count + 1, result.Units.Count);
    }

    [Fact]
    public void Annual_report_steps_are_read_from_the_SOP_data()
    {
        Assert.Equal(["A.7", "B.7", "C.5"], Sop.SubProcesses.Take(3).Select(s => AnnualReportRules.ReportStep(s)!.Id));
        Assert.Equal(["A.8", "B.8", "C.6"], Sop.SubProcesses.Take(3).Select(s => AnnualReportRules.RecapStep(s)!.Id));
        Assert.Equal(["A.9", "B.9", "C.7"], Sop.SubProcesses.Take(3).Select(s => AnnualReportRules.ArahanStep(s)!.Id));
    }

    [Fact]
    public void Pending_disposisi_are_aged_in_HK_oldest_first()
    {
        var data = new[]
        {
            K("k1", "bbpom-medan", steps: [Open("A.4", new(2026, 6, 20), StepStatus.MenungguDisposisi, submitted: new(2026, 6, 11))]),
            K("k2", "bbpom-medan", steps: [Open("A.4", new(2026, 6, 20), StepStatus.MenungguDisposisi, submitted: new(2026, 6, 1))]),
        };

        var result = calculator.Compute(new RekapRequest(2026, null, RekapScope.OneUnit("bbpom-medan")), data, Today);

        Assert.Equal([("k2", 10), ("k1", 2)], result.PendingDisposisi.Select(p => (p.KegiatanId, p.AgeHk)));
    }

    [Fact]
    public void A_year_without_data_is_an_empty_recap()
    {
        var result = calculator.Compute(new RekapRequest(2027, null, RekapScope.OneUnit("bbpom-medan")), [K("k1", "bbpom-medan")], Today);

        Assert.True(result.IsEmpty);
        Assert.Null(result.Timing.OnTimePercent);
        Assert.Equal(0, Assert.Single(result.Units).Total);
    }
}
