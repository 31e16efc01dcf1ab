using System.Text.Json.Serialization;

namespace BpomBot.Domain.Sop;

/// <summary>One SOP revision as data (see Data/sop/*.json). The engine interprets it; no step is known to code.</summary>
public sealed record SopDefinition
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required DateOnly CreatedOn { get; init; }
    public required SopRevision Revision { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public string? ApprovedBy { get; init; }
    public IReadOnlyList<RelatedSop> RelatedSops { get; init; } = [];
    public required IReadOnlyList<SopRole> Roles { get; init; }
    public IReadOnlyList<SopChoice> StakeholderCategories { get; init; } = [];
    public IReadOnlyList<SopChoice> Forms { get; init; } = [];
    public required IReadOnlyList<SopSubProcess> SubProcesses { get; init; }

    /// <summary>The version a kegiatan pins: revision number, e.g. "04".</summary>
    [JsonIgnore]
    public string Version => Revision.Number;

    public SopSubProcess? FindSubProcess(string code) =>
        SubProcesses.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    public SopStep? FindStep(string stepId) =>
        SubProcesses.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == stepId);

    public SopRole? FindRole(string roleId) => Roles.FirstOrDefault(r => r.Id == roleId);
}

public sealed record SopRevision(string Number, DateOnly Date);

public sealed record RelatedSop(string Code, string Name);

/// <summary>Who may execute a step (Pelaksana). Leaders decide disposisi.</summary>
public sealed record SopRole(string Id, string Name, bool Leader);

/// <summary>A choice offered when a kegiatan starts: a stakeholder category or a bentuk.</summary>
public sealed record SopChoice(string Id, string Name);

public sealed record SopSubProcess
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> StakeholderCategories { get; init; } = [];
    public IReadOnlyList<string> Forms { get; init; } = [];
    public string? ChoicesBasis { get; init; }

    /// <summary>Deskripsi butir 9: which central units are the Unit Kerja Pusat of this sub-process.</summary>
    public UnitKerjaPusatRule? UnitKerjaPusat { get; init; }

    /// <summary>
    /// Programmes that walk this sub-process's flow each with its own Unit Kerja Pusat (Deskripsi 9d and 9e both
    /// walk D). Empty: the sub-process is one programme whose Unit Kerja Pusat is <see cref="UnitKerjaPusat"/>.
    /// </summary>
    public IReadOnlyList<SopProgramme> Programmes { get; init; } = [];
    public required IReadOnlyList<SopStep> Steps { get; init; }

    /// <summary>The programme with this id, or the first (the sub-process's own) when null or unknown.</summary>
    public SopProgramme? FindProgramme(string? id) =>
        Programmes.FirstOrDefault(p => p.Id == id) ?? (Programmes.Count > 0 ? Programmes[0] : null);

    /// <summary>The Unit Kerja Pusat of the kegiatan's programme (or of the sub-process).</summary>
    public UnitKerjaPusatRule? UnitKerjaPusatOf(string? programmeId) =>
        FindProgramme(programmeId)?.UnitKerjaPusat ?? UnitKerjaPusat;

    /// <summary>The first step of a workflow kind, or null when the sub-process has none of that kind.</summary>
    public SopStep? EntryStep(WorkflowKind kind) => Steps.FirstOrDefault(s => s.Kind == kind);

    public IEnumerable<SopStep> StepsOf(WorkflowKind kind) => Steps.Where(s => s.Kind == kind);
}

public sealed record SopStep
{
    public required string Id { get; init; }
    public required int No { get; init; }
    public required WorkflowKind Kind { get; init; }
    public required string Aktivitas { get; init; }
    public required IReadOnlyList<string> Executors { get; init; }
    public bool ExecutorInferred { get; init; }
    public string? ExecutorBasis { get; init; }
    public required IReadOnlyList<KelengkapanItem> Kelengkapan { get; init; }

    /// <summary>Quality-standard duration in HK; null means N/A (the officer plans a date).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required int? WaktuHk { get; init; }
    public required string Output { get; init; }
    public string? Keterangan { get; init; }

    /// <summary>The following step in the same workflow; null ends the workflow.</summary>
    public string? Next { get; init; }
    public IReadOnlyList<SopBranch> Branches { get; init; } = [];
    public SopDisposisiRule? Disposisi { get; init; }

    /// <summary>Due no later than the 10th after the quarter ends (and not later than Waktu HK): the earlier applies.</summary>
    public bool QuarterDeadline { get; init; }

    /// <summary>A Loka POM sends this step's output to its Balai Besar/Balai POM Koordinator.</summary>
    public bool LokaReportsToKoordinator { get; init; }

    /// <summary>
    /// Keterangan "Waktu pelaksanaan disesuaikan dengan target unit terkait": a unit's admin may set its own target
    /// date for this step (within the cycle year); without one, Waktu HK applies.
    /// </summary>
    public bool UnitTargetAllowed { get; init; }

    /// <summary>Where the step's report goes, chosen by the kegiatan's function and commodity (Keterangan B.4).</summary>
    public IReadOnlyList<SopReportRoute> ReportRoutes { get; init; } = [];

    [JsonIgnore]
    public bool IsNotApplicableWaktu => WaktuHk is null;

    [JsonIgnore]
    public string WaktuText => WaktuHk is { } hk ? $"{hk} HK" : "N/A";
}

/// <summary>One required input; satisfied by any one of its alternatives (the SOP's "atau").</summary>
public sealed record KelengkapanItem
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Alternatives { get; init; }

    /// <summary>The step whose Output satisfies this item; the engine pre-fills it when that step completes.</summary>
    public string? FromOutputOf { get; init; }

    [JsonIgnore]
    public string Text => string.Join(" atau ", Alternatives);
}

/// <summary>
/// A way off the main path the SOP allows. With <see cref="BranchTiming.Complete"/> the step is done, then the flow
/// continues at the target; with <see cref="BranchTiming.Skip"/> this step is not done either.
/// </summary>
public sealed record SopBranch(string Id, string Label, BranchTiming After, string To, string? Basis = null);

[JsonConverter(typeof(JsonStringEnumConverter<BranchTiming>))]
public enum BranchTiming
{
    [JsonStringEnumMemberName("complete")] Complete,
    [JsonStringEnumMemberName("skip")] Skip,
}

/// <summary>
/// The step involves a leader: either the leader decides it, or its output is reported to a leader.
/// <see cref="Recipient"/> says who: the pimpinan of the officer's own unit ("kepada pimpinan/Unit Kerja Pusat"),
/// or the holder of one of <see cref="Roles"/> (PPTM before Kepala BPOM), never a Kepala UPT or Direktur.
/// </summary>
public sealed record SopDisposisiRule(
    DisposisiMode Mode, IReadOnlyList<string> Roles, bool Optional = false, string? Basis = null, LeaderRecipient Recipient = LeaderRecipient.NamedRoles);

[JsonConverter(typeof(JsonStringEnumConverter<LeaderRecipient>))]
public enum LeaderRecipient
{
    /// <summary>The holder of one of the rule's roles (the PPTM above the unit or the sub-process, or Kepala BPOM).</summary>
    [JsonStringEnumMemberName("named-roles")] NamedRoles,

    /// <summary>The pimpinan of the officer's unit (Kepala UPT; a Loka's Balai Koordinator; the Direktur), or the Unit Kerja Pusat a report route names.</summary>
    [JsonStringEnumMemberName("unit-head")] UnitHead,
}

/// <summary>
/// Deskripsi butir 9: the Unit Kerja Pusat of a sub-process. <see cref="AllCentral"/>: every central unit
/// (Deputi, Direktorat, Pusat); otherwise the listed unit ids (Data/units-pusat.csv).
/// </summary>
public sealed record UnitKerjaPusatRule(IReadOnlyList<string> Units, bool AllCentral = false, string? Basis = null)
{
    public bool Includes(string unitId, bool isCentral) =>
        AllCentral ? isCentral : Units.Contains(unitId, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A programme walking a sub-process's flow with its own Unit Kerja Pusat (Deskripsi 9d, 9e).</summary>
public sealed record SopProgramme(string Id, string Name, UnitKerjaPusatRule UnitKerjaPusat, string? Basis = null);

/// <summary>
/// One line of a step's report routing: a report of <see cref="Function"/> (e.g. fasilitator, capa) about
/// <see cref="Commodity"/> goes to <see cref="Unit"/> (a central unit id).
/// </summary>
public sealed record SopReportRoute(string Function, string Commodity, string Unit, string? Basis = null);

[JsonConverter(typeof(JsonStringEnumConverter<DisposisiMode>))]
public enum DisposisiMode
{
    [JsonStringEnumMemberName("leader-decides")] LeaderDecides,
    [JsonStringEnumMemberName("report-to-leader")] ReportToLeader,
}

[JsonConverter(typeof(JsonStringEnumConverter<WorkflowKind>))]
public enum WorkflowKind
{
    /// <summary>Carried out once per kegiatan.</summary>
    [JsonStringEnumMemberName("per-kegiatan")] PerKegiatan,

    /// <summary>Carried out once per unit per year (siklus tahunan).</summary>
    [JsonStringEnumMemberName("siklus-tahunan")] SiklusTahunan,
}
