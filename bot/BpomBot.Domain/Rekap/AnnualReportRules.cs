using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Rekap;

/// <summary>
/// Where the annual cycle's reports live in a sub-process, read from the SOP data: the first siklus-tahunan step is the
/// UPT's laporan tahunan (A.7/B.7/C.5), the second the Unit Kerja Pusat's rekapitulasi (A.8/B.8/C.6), the third the
/// arahan (A.9/B.9/C.7). This is the one place that knows it; the national annual cycle can replace it with its own
/// records without touching the recap.
/// </summary>
public static class AnnualReportRules
{
    public static SopStep? ReportStep(SopSubProcess sub) => AnnualStep(sub, 0);

    public static SopStep? RecapStep(SopSubProcess sub) => AnnualStep(sub, 1);

    public static SopStep? ArahanStep(SopSubProcess sub) => AnnualStep(sub, 2);

    /// <summary>The state of a UPT's laporan tahunan from its kegiatan of the year (none: not started).</summary>
    public static AnnualReportStatus ReportStatus(SopSubProcess sub, SopStep reportStep, Organization.Unit unit, IEnumerable<Kegiatan> unitKegiatan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(reportStep);
        ArgumentNullException.ThrowIfNull(unit);
        var record = unitKegiatan
            .Where(k => k.Status != KegiatanStatus.Dibatalkan && string.Equals(k.SubProcess, sub.Code, StringComparison.OrdinalIgnoreCase))
            .Select(k => k.FindStep(reportStep.Id))
            .OfType<StepRecord>()
            .OrderByDescending(s => s.Status == StepStatus.Selesai)
            .ThenBy(s => s.CompletedOn)
            .FirstOrDefault();
        var state = record switch
        {
            { Status: StepStatus.Selesai, CompletedOn: { } done } =>
                record.DueOn is { } due && done > due ? AnnualReportState.MasukTerlambat : AnnualReportState.Masuk,
            { DueOn: { } due } when due < today => AnnualReportState.Terlambat,
            _ => AnnualReportState.BelumMasuk,
        };
        IReadOnlyList<string> evidence = record is null
            ? []
            : [.. record.Kelengkapan.Select(k => k.Reference).Append(record.OutputReference).OfType<string>().Where(r => r.Length > 0).Distinct()];
        return new AnnualReportStatus(sub.Code, reportStep.Id, unit.Id, unit.Name, state, record?.DueOn,
            record?.Status == StepStatus.Selesai ? record.CompletedOn : null, evidence);
    }

    /// <summary>The arahan recorded on a kegiatan's arahan step, or null when none was given yet.</summary>
    public static ArahanRecord? Arahan(SopSubProcess sub, SopStep arahanStep, Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(arahanStep);
        ArgumentNullException.ThrowIfNull(kegiatan);
        var record = kegiatan.FindStep(arahanStep.Id);
        if (record is not { Status: StepStatus.Selesai }) return null;
        return new ArahanRecord(sub.Code, arahanStep.Id, kegiatan.UnitId, record.CompletedOn, record.OutputReference,
            [.. record.Kelengkapan.Select(k => k.Reference).Where(r => r.Length > 0)]);
    }

    private static SopStep? AnnualStep(SopSubProcess sub, int index)
    {
        ArgumentNullException.ThrowIfNull(sub);
        return sub.StepsOf(WorkflowKind.SiklusTahunan).Skip(index).FirstOrDefault();
    }
}
