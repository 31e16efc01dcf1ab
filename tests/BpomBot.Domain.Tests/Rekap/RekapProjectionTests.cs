using System.Text.Json;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Tests.Sop;
using BpomBot.Domain.Workflow;
using static BpomBot.Domain.Tests.Rekap.RekapData;

namespace BpomBot.Domain.Tests.Rekap;

/// <summary>The recap projection keeps every field the recap uses: a recap of projections equals the recap of the kegiatan.</summary>
public sealed class RekapProjectionTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void A_recap_of_projections_equals_the_recap_of_the_kegiatan()
    {
        var sop = SopCatalog.LoadEmbedded().Latest(RekapService.SopCode)!;
        var units = UnitCatalog.LoadEmbedded();
        var annual = sop.SubProcesses.First(s => AnnualReportRules.ReportStep(s) is not null);
        var report = AnnualReportRules.ReportStep(annual)!.Id;
        var arahan = AnnualReportRules.ArahanStep(annual)!.Id;
        var data = new[]
        {
            K("k1", "bbpom-medan", "A", KegiatanStatus.Selesai, "o1", steps: [Done("A.1", new(2026, 2, 2), new(2026, 2, 2)), Done("A.2", new(2026, 3, 2), new(2026, 3, 5), 3, "B-2/2026").WithEvidence("https://x/1")]),
            K("k2", "loka-toba", "B", KegiatanStatus.Berjalan, "o2", "lainnya-x", "webinar", steps: [Done("B.1", new(2026, 5, 4), new(2026, 5, 4)), Open("B.2", new(2026, 6, 1), StepStatus.MenungguDisposisi, new(2026, 6, 2))]),
            K("k3", "bbpom-medan", "C", KegiatanStatus.Dibatalkan, "o1", steps: [Open("C.1", new(2026, 4, 1)), Open("C.2", null)]),
            K("k4", "bbpom-padang", annual.Code, KegiatanStatus.Berjalan, "o3", kind: WorkflowKind.SiklusTahunan,
                steps: [Done(report, new(2026, 1, 31), new(2026, 2, 3), 2, "LT-2026").WithEvidence("https://x/lt"), Done(arahan, new(2026, 4, 1), new(2026, 3, 30), 0, "Arahan-1")]),
        };
        foreach (var k in data)
        {
            // What the recap does not use, and the projection leaves out.
            k.History.Add(new AuditEvent($"kegiatan/{k.Id}", k.OfficerId, null, "step.completed", new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero), "A.1 berjalan", "A.1 selesai"));
            k.Steps[0].Note = "catatan";
            k.Steps[0].PausedHk = 2;
            k.Komoditas = "pangan-olahan";
        }

        var calculator = new RekapCalculator(sop, units, new TestHkCalendar());
        var request = new RekapRequest(2026, null, RekapScope.All);
        var full = calculator.Compute(request, data, Today);
        var projected = calculator.Compute(request, [.. data.Select(RekapProjection.Of)], Today);

        Assert.False(full.IsEmpty);
        Assert.Equal(Numbers(full), Numbers(projected));
        Assert.Equal(full.Kegiatan.Select(k => (k.Id, k.Title, k.Status, k.CurrentStepId, k.Steps.Count)), projected.Kegiatan.Select(k => (k.Id, k.Title, k.Status, k.CurrentStepId, k.Steps.Count)));
        Assert.All(projected.Kegiatan, k => Assert.Empty(k.History));
        Assert.All(projected.Kegiatan.SelectMany(k => k.Steps), s => Assert.Null(s.Note));
    }

    [Fact]
    public void The_revision_grows_with_every_change_the_engine_records()
    {
        var k = K("k1", "bbpom-medan");
        var before = RekapProjection.Revision(k);
        k.History.Add(new AuditEvent("kegiatan/k1", "o", null, "step.completed", DateTimeOffset.UnixEpoch, null, null));
        Assert.Equal(before + 1, RekapProjection.Revision(k));
    }

    private static string Numbers(RekapResult r) => JsonSerializer.Serialize(new
    {
        r.Units, r.BySubProcess, r.Steps, r.Officers, r.Stakeholders, r.Forms, r.PendingDisposisi, r.AnnualReports, r.Arahan,
        Lines = r.StepLines.Select(l => new { l.KegiatanId, l.UnitId, l.OfficerId, l.Step.StepId, l.Timing, l.LateHk }),
    });
}
