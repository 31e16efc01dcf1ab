using BpomBot.Domain.Sop;

namespace BpomBot.Domain.AnnualCycle;

/// <summary>Who walks a part of the national siklus tahunan.</summary>
public enum CyclePartKind
{
    /// <summary>Each UPT's laporan tahunan (A.7, B.7, C.5).</summary>
    LaporanUpt,

    /// <summary>The Unit Kerja Pusat's recap of the UPT reports and the leader's masukan dan arahan (A.8–A.9, B.8–B.9, C.6–C.7).</summary>
    Rekap,

    /// <summary>Monitoring of the running year after the arahan, opened for every unit of the cycle (A.10, B.10, C.8).</summary>
    TindakLanjut,
}

/// <summary>One part of the cycle: its first and last step.</summary>
public sealed record CyclePart(CyclePartKind Kind, string EntryStepId, string EndStepId);

/// <summary>
/// The national siklus tahunan of a sub-process read from the SOP data: the leading steps only UPT BPOM carry out
/// (laporan tahunan), the following steps up to the leader's arahan (Unit Kerja Pusat, then Kepala BPOM/PPTM), and
/// the rest, which every unit carries out. One cycle per sub-process per year.
/// </summary>
public sealed record AnnualCyclePlan(SopSubProcess SubProcess, CyclePart Laporan, CyclePart Rekap, CyclePart TindakLanjut)
{
    private const string Upt = "upt-bpom";

    /// <summary>The plan of a sub-process, or null when it has no siklus tahunan of that shape (e.g. D).</summary>
    public static AnnualCyclePlan? For(SopSubProcess sub)
    {
        ArgumentNullException.ThrowIfNull(sub);
        var steps = sub.StepsOf(WorkflowKind.SiklusTahunan).ToList();
        var laporan = steps.TakeWhile(s => s.Executors.Count == 1 && s.Executors[0] == Upt).ToList();
        var rekap = steps.Skip(laporan.Count).TakeWhile(s => !s.Executors.Contains(Upt)).ToList();
        var rest = steps.Skip(laporan.Count + rekap.Count).ToList();
        if (laporan.Count == 0 || rekap.Count == 0 || rest.Count == 0) return null;
        return new AnnualCyclePlan(sub,
            new CyclePart(CyclePartKind.LaporanUpt, laporan[0].Id, laporan[^1].Id),
            new CyclePart(CyclePartKind.Rekap, rekap[0].Id, rekap[^1].Id),
            new CyclePart(CyclePartKind.TindakLanjut, rest[0].Id, rest[^1].Id));
    }

    public CyclePart Part(CyclePartKind kind) => kind switch
    {
        CyclePartKind.LaporanUpt => Laporan,
        CyclePartKind.Rekap => Rekap,
        _ => TindakLanjut,
    };

    /// <summary>
    /// The id of one unit's part: the laporan keeps the unit's siklus tahunan id (one per unit, sub-process and year);
    /// the other parts add their first step.
    /// </summary>
    public string PartId(string sopCode, string unitId, int year, CyclePartKind kind)
    {
        var id = Workflow.Kegiatan.AnnualCycleId(sopCode, SubProcess.Code, unitId, year);
        return kind == CyclePartKind.LaporanUpt ? id : $"{id}|{Part(kind).EntryStepId}";
    }
}
