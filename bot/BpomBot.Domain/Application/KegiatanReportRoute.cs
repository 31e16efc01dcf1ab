using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Application;

/// <summary>
/// Keterangan B.4: a report goes to the directorate of its function (fasilitator or CAPA) and commodity. The officer
/// says both when the kegiatan starts; this stores them on the kegiatan (version-checked, audited), so the leader
/// directory routes the report.
/// </summary>
public sealed class KegiatanReportRoute(IKegiatanRepository repository, ISopCatalog catalog, IAuditLog audit, TimeProvider timeProvider)
{
    /// <summary>The functions and commodities a sub-process's reports are routed by (empty when none of its steps is routed).</summary>
    public static (IReadOnlyList<string> Functions, IReadOnlyList<string> Commodities) Choices(SopSubProcess subProcess)
    {
        ArgumentNullException.ThrowIfNull(subProcess);
        var routes = subProcess.Steps.SelectMany(s => s.ReportRoutes).ToList();
        return ([.. routes.Select(r => r.Function).Distinct(StringComparer.Ordinal)], [.. routes.Select(r => r.Commodity).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Sets the kegiatan's function and commodity; refused when the SOP routes no report by that pair.</summary>
    public async Task<WorkflowOutcome> SetAsync(KegiatanTarget target, string fungsi, string komoditas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var kegiatan = await repository.GetAsync(target.KegiatanId, cancellationToken);
        if (kegiatan is null)
            return WorkflowOutcome.Fail("Kegiatan tidak ditemukan.", WorkflowRefusals.KegiatanTidakDitemukan);
        if (!string.Equals(kegiatan.OfficerId, target.OfficerId, StringComparison.Ordinal))
            return WorkflowOutcome.Fail("Kegiatan ini dipegang petugas lain.", WorkflowRefusals.PetugasLain);
        if (target.ExpectedVersion is { } expected && expected != kegiatan.Version)
            return WorkflowOutcome.Fail("Kegiatan ini baru saja diubah di tempat lain.", WorkflowRefusals.KegiatanBerubah);
        var sub = catalog.Get(kegiatan.SopCode, kegiatan.SopVersion)?.FindSubProcess(kegiatan.SubProcess);
        var routed = sub is not null && sub.Steps.SelectMany(s => s.ReportRoutes).Any(r => r.Function == fungsi && r.Commodity == komoditas);
        if (!routed)
            return WorkflowOutcome.Fail($"Sub-proses {kegiatan.SubProcess} tidak mengirim laporan menurut fungsi {fungsi} dan komoditas {komoditas}.", "RUTE_LAPORAN_TIDAK_ADA");

        var before = kegiatan.Fungsi is null ? null : $"{kegiatan.Fungsi}/{kegiatan.Komoditas}";
        kegiatan.Fungsi = fungsi;
        kegiatan.Komoditas = komoditas;
        try
        {
            await repository.UpdateAsync(kegiatan, kegiatan.Version!, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return WorkflowOutcome.Fail("Kegiatan ini baru saja diubah di tempat lain.", WorkflowRefusals.KegiatanBerubah);
        }

        await audit.AppendAsync(new AuditEvent($"kegiatan/{kegiatan.Id}", target.OfficerId, null, "kegiatan.report-route", timeProvider.GetUtcNow(),
            before, $"{fungsi}/{komoditas}", "Keterangan B.4: fungsi dan komoditas menentukan Unit Kerja Pusat tujuan laporan"), cancellationToken);
        return new WorkflowOutcome(kegiatan, null);
    }
}
