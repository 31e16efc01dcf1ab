using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Rekap;

/// <summary>What a recap is asked for: a year, optionally one sub-process (A–D), and a scope.</summary>
public sealed record RekapRequest(int Year, string? SubProcess, RekapScope Scope);

/// <summary>How one step stands against its batas waktu on the recap day.</summary>
public enum StepTiming
{
    /// <summary>Done on or before its batas waktu.</summary>
    TepatWaktu,

    /// <summary>Done after its batas waktu.</summary>
    Terlambat,

    /// <summary>Not done and its batas waktu has passed.</summary>
    LewatBatas,

    /// <summary>Not done, still within its batas waktu.</summary>
    Berjalan,

    /// <summary>No batas waktu (Waktu N/A) or skipped: not counted in on-time figures.</summary>
    TidakDihitung,
}

/// <summary>Steps counted against their batas waktu. <see cref="OnTimePercent"/> is null when nothing is counted.</summary>
public sealed record TimingCounts(int TepatWaktu, int Terlambat, int LewatBatas, int Berjalan)
{
    public static readonly TimingCounts Zero = new(0, 0, 0, 0);

    /// <summary>Steps judged: done (on time or late) plus overdue now.</summary>
    public int Judged => TepatWaktu + Terlambat + LewatBatas;

    public double? OnTimePercent => Judged == 0 ? null : Math.Round(100.0 * TepatWaktu / Judged, 1);

    public TimingCounts Plus(TimingCounts other) => new(
        TepatWaktu + other.TepatWaktu, Terlambat + other.Terlambat, LewatBatas + other.LewatBatas, Berjalan + other.Berjalan);

    public TimingCounts Add(StepTiming timing) => timing switch
    {
        StepTiming.TepatWaktu => this with { TepatWaktu = TepatWaktu + 1 },
        StepTiming.Terlambat => this with { Terlambat = Terlambat + 1 },
        StepTiming.LewatBatas => this with { LewatBatas = LewatBatas + 1 },
        StepTiming.Berjalan => this with { Berjalan = Berjalan + 1 },
        _ => this,
    };
}

/// <summary>One unit's line of the summary: kegiatan by status and its steps' timing.</summary>
public sealed record UnitRekap(string UnitId, string UnitName, int Berjalan, int Selesai, int Dibatalkan, TimingCounts Timing, int LateHk)
{
    public int Total => Berjalan + Selesai + Dibatalkan;
}

/// <summary>The summary of one sub-process: one line per unit.</summary>
public sealed record SubProcessRekap(string Code, string Name, IReadOnlyList<UnitRekap> Units)
{
    public TimingCounts Timing => Units.Aggregate(TimingCounts.Zero, (a, u) => a.Plus(u.Timing));
}

/// <summary>One step's timing over all kegiatan in scope.</summary>
public sealed record StepRekap(string StepId, string Aktivitas, TimingCounts Timing, int LateHk);

public sealed record OfficerRekap(string OfficerId, TimingCounts Timing, int LateHk);

/// <summary>A count under a name (a stakeholder category or a bentuk); "Lainnya" entries are counted under Lainnya.</summary>
public sealed record NamedCount(string Id, string Name, int Count);

/// <summary>One step of one kegiatan with its timing on the recap day.</summary>
public sealed record StepLine(
    string KegiatanId,
    string KegiatanTitle,
    string SubProcess,
    string UnitId,
    string OfficerId,
    StepRecord Step,
    StepTiming Timing,
    int LateHk);

/// <summary>A step waiting for a leader's decision, and since how many HK.</summary>
public sealed record PendingDisposisi(string KegiatanId, string KegiatanTitle, string UnitId, string StepId, DateOnly? SubmittedOn, int AgeHk);

public enum AnnualReportState
{
    /// <summary>Sent on or before its batas waktu.</summary>
    Masuk,

    /// <summary>Sent after its batas waktu.</summary>
    MasukTerlambat,

    /// <summary>Not sent, batas waktu not passed (or not yet set).</summary>
    BelumMasuk,

    /// <summary>Not sent and its batas waktu has passed.</summary>
    Terlambat,
}

/// <summary>A UPT's laporan tahunan (A.7/B.7/C.5) for one sub-process: where it stands and its evidence.</summary>
public sealed record AnnualReportStatus(
    string SubProcess,
    string StepId,
    string UnitId,
    string UnitName,
    AnnualReportState State,
    DateOnly? DueOn,
    DateOnly? SentOn,
    IReadOnlyList<string> Evidence)
{
    public bool IsIn => State is AnnualReportState.Masuk or AnnualReportState.MasukTerlambat;
}

/// <summary>An arahan (A.9/B.9/C.7) given on the recap of a sub-process.</summary>
public sealed record ArahanRecord(string SubProcess, string StepId, string UnitId, DateOnly? GivenOn, string? Output, IReadOnlyList<string> Evidence);

/// <summary>Everything the recap shows; computed by <see cref="RekapCalculator"/>.</summary>
public sealed record RekapResult(
    RekapRequest Request,
    string ScopeName,
    DateOnly Today,
    IReadOnlyList<string> SubProcesses,
    IReadOnlyList<Kegiatan> Kegiatan,
    IReadOnlyList<UnitRekap> Units,
    IReadOnlyList<SubProcessRekap> BySubProcess,
    IReadOnlyList<StepRekap> Steps,
    IReadOnlyList<OfficerRekap> Officers,
    IReadOnlyList<NamedCount> Stakeholders,
    IReadOnlyList<NamedCount> Forms,
    IReadOnlyList<StepLine> StepLines,
    IReadOnlyList<PendingDisposisi> PendingDisposisi,
    IReadOnlyList<AnnualReportStatus> AnnualReports,
    IReadOnlyList<ArahanRecord> Arahan)
{
    public bool IsEmpty => Kegiatan.Count == 0;

    public TimingCounts Timing => Units.Aggregate(TimingCounts.Zero, (a, u) => a.Plus(u.Timing));

    /// <summary>HK late in total: recorded on steps done late, plus HK past the batas waktu of steps overdue now.</summary>
    public int LateHk => Units.Sum(u => u.LateHk);

    public IEnumerable<StepLine> LateSteps => StepLines.Where(l => l.Timing is StepTiming.Terlambat or StepTiming.LewatBatas);
}
