using BpomBot.Domain.Audit;
using System.Text.Json.Serialization;
using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Workflow;

/// <summary>
/// One instance of a sub-process being carried out: a kegiatan (per-kegiatan steps) or a unit's siklus tahunan
/// (per unit per year). Plain data, System.Text.Json friendly; change it only through <see cref="KegiatanEngine"/>.
/// </summary>
public sealed class Kegiatan
{
    public required string Id { get; init; }
    public required string SopCode { get; init; }

    /// <summary>The SOP revision this kegiatan started with; it keeps it even when a newer revision ships.</summary>
    public required string SopVersion { get; init; }
    public required string SubProcess { get; init; }
    public required WorkflowKind Kind { get; init; }
    public required string Title { get; init; }
    public string? StakeholderCategory { get; init; }
    public string? Bentuk { get; init; }

    /// <summary>
    /// The programme walking the sub-process's flow (Deskripsi 9d/9e for D); null is the sub-process's own. It decides
    /// the Unit Kerja Pusat.
    /// </summary>
    public string? Programme { get; init; }

    /// <summary>The commodity the kegiatan concerns (e.g. pangan-olahan, kosmetik); with <see cref="Fungsi"/> it routes reports (B.4).</summary>
    public string? Komoditas { get; set; }

    /// <summary>The function of the pembinaan (fasilitator or capa, Keterangan B.4).</summary>
    public string? Fungsi { get; set; }
    public required string UnitId { get; init; }
    public required string OfficerId { get; set; }

    /// <summary>The year the kegiatan belongs to (the cycle year for a siklus tahunan).</summary>
    public required int Year { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The officer's number for this kegiatan ("lanjut 2"), given once at creation and kept for its life: the next after
    /// the highest the officer holds. Null on rows stored before numbering; <see cref="KegiatanNumbers"/> numbers those.
    /// </summary>
    public int? Number { get; set; }

    public KegiatanStatus Status { get; set; } = KegiatanStatus.Berjalan;
    public string? CurrentStepId { get; set; }

    /// <summary>
    /// For a unit's part of the national siklus tahunan: the last step of this part (e.g. A.7 for a UPT). Completing
    /// it ends this kegiatan; the cycle carries its output on to the next part. Null: the flow runs to its end.
    /// </summary>
    public string? PartEndStepId { get; init; }
    public string? CancelReason { get; set; }

    /// <summary>One record per step reached, in the order reached.</summary>
    public List<StepRecord> Steps { get; init; } = [];

    /// <summary>
    /// The kegiatan's own audit trail, oldest first. It lives in the aggregate, so a transition and its audit events are
    /// stored by one write and can never be separated; the shared audit log holds a copy for review across subjects.
    /// </summary>
    public List<AuditEvent> History { get; init; } = [];

    /// <summary>Follow-up effects stored with the change that caused them, until the relay has done them (docs/outbox.md).</summary>
    public List<Outbox.PendingEffect>? Outbox { get; set; }

    /// <summary>Opaque concurrency token set by the repository; null before the first save.</summary>
    public string? Version { get; set; }

    [JsonIgnore]
    public StepRecord? CurrentStep => CurrentStepId is null ? null : Steps.LastOrDefault(s => s.StepId == CurrentStepId);

    public StepRecord? FindStep(string stepId) => Steps.LastOrDefault(s => s.StepId == stepId);

    /// <summary>The id of a unit's siklus tahunan for a sub-process and year: one per unit, sub-process and year.</summary>
    public static string AnnualCycleId(string sopCode, string subProcess, string unitId, int year) =>
        $"{sopCode.Replace('/', '-')}|{subProcess}|tahunan|{unitId}|{year}";
}

[JsonConverter(typeof(JsonStringEnumConverter<KegiatanStatus>))]
public enum KegiatanStatus
{
    Berjalan,
    Selesai,
    Dibatalkan,
}

[JsonConverter(typeof(JsonStringEnumConverter<StepStatus>))]
public enum StepStatus
{
    MenungguKelengkapan,
    Berjalan,
    Ditunda,
    MenungguDisposisi,
    Selesai,
    Dilewati,
}

/// <summary>Where one step of a kegiatan stands, with its Kelengkapan, dates and Output.</summary>
public sealed class StepRecord
{
    public required string StepId { get; init; }
    public StepStatus Status { get; set; } = StepStatus.MenungguKelengkapan;
    public List<KelengkapanRecord> Kelengkapan { get; init; } = [];

    /// <summary>The date the Kelengkapan became complete (the step started).</summary>
    public DateOnly? StartedOn { get; set; }

    /// <summary>HK due date (null for N/A steps); moved forward by the HK paused.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Why the due date is what it is when a rule other than Waktu HK decided it (e.g. the quarter deadline).</summary>
    public string? DueReason { get; set; }

    /// <summary>The unit's own target date for a step whose Waktu "disesuaikan dengan target unit terkait" (set by the unit's admin).</summary>
    public DateOnly? UnitTarget { get; set; }

    /// <summary>The officer's planned date for an N/A step.</summary>
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? OutputReference { get; set; }
    public int? LateHk { get; set; }

    public DateOnly? PausedOn { get; set; }
    public string? PauseReason { get; set; }

    /// <summary>Working days spent paused, summed over every tunda.</summary>
    public int PausedHk { get; set; }

    /// <summary>Calendar days spent paused, summed over every tunda.</summary>
    public int PausedDays { get; set; }

    public DateOnly? SubmittedOn { get; set; }

    /// <summary>Why the leader returned the step, or why it was skipped.</summary>
    public string? Note { get; set; }
    public int TimesReturned { get; set; }

    /// <summary>
    /// For a step due quarterly (D.8): one report per quarter of the monitoring period, each due by the 10th after its
    /// quarter ends; the step is done when the last is approved. Empty for every other step.
    /// </summary>
    public List<QuarterReport> Quarters { get; init; } = [];
}

/// <summary>One quarterly report of a step due quarterly: its quarter ("2026-T2"), due date, and once approved, when and what.</summary>
public sealed class QuarterReport
{
    public required string Quarter { get; init; }
    public required DateOnly DueOn { get; init; }
    public string? DueReason { get; init; }
    public DateOnly? ApprovedOn { get; set; }
    public string? Reference { get; set; }

    public void Approve(DateOnly on, string reference)
    {
        ApprovedOn = on;
        Reference = reference;
    }
}

/// <summary>A Kelengkapan item received: which alternative, its reference, when, and by whom.</summary>
public sealed class KelengkapanRecord
{
    public required string ItemId { get; init; }
    public required string Alternative { get; init; }

    /// <summary>Nomor surat, a link or a stored file id.</summary>
    public required string Reference { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public required string RecordedBy { get; init; }

    /// <summary>Filled in by the engine from the previous step's Output.</summary>
    public bool Prefilled { get; init; }
}
