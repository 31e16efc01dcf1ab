using BpomBot.Domain.AnnualCycle;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Rekap;

/// <summary>
/// The UPT annual reports the Unit Kerja Pusat's rekapitulasi step (A.8/B.8/C.6) recaps: every UPT of the national
/// cycle of that sub-process and year, shown to a person who may carry out that step (the sub-process's Unit Kerja
/// Pusat, per the SOP data) whatever their general rekap scope. A Direktur's rekap scope holds no UPT, but A.8 recaps
/// them all.
/// </summary>
public static class RecapStepReports
{
    /// <summary>True when the viewer's unit and roles fill an executor role of the sub-process's rekapitulasi step.</summary>
    public static bool MayDo(AnnualCyclePlan plan, RekapViewer viewer, UnitCatalog units)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(units);
        if (viewer.IsSystem || units.Find(viewer.UnitId) is not { } unit) return false;
        var step = plan.SubProcess.Steps.First(s => s.Id == plan.Rekap.EntryStepId);
        return StepExecutors.Allows(plan.SubProcess, null, step, new ExecutorProfile(unit, viewer.Roles));
    }

    /// <summary>The national cycle's UPT reports in the recap's terms, in catalog order.</summary>
    public static IReadOnlyList<AnnualReportStatus> From(AnnualCyclePlan plan, AnnualCycleStatus status)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(status);
        return [.. status.Reports.Select(r => new AnnualReportStatus(status.SubProcess, plan.Laporan.EndStepId, r.Unit.Id, r.Unit.Name,
            r.State switch
            {
                UptReportState.Terkirim => AnnualReportState.Masuk,
                UptReportState.TerkirimTerlambat => AnnualReportState.MasukTerlambat,
                UptReportState.Terlambat => AnnualReportState.Terlambat,
                _ => AnnualReportState.BelumMasuk,
            },
            r.DueOn, r.SubmittedOn, r.Reference is { Length: > 0 } reference ? [reference] : []))];
    }
}
