using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;

namespace BpomBot.Domain.Sop;

/// <summary>
/// Who a person is for the SOP's Pelaksana column: their unit and roster roles. Built from the roster
/// (<see cref="Roster.ExecutorDirectory"/>); the engine checks it against a step's executors.
/// </summary>
public sealed record ExecutorProfile(Unit Unit, IReadOnlyList<string> Roles);

/// <summary>The SOP's Pelaksana rule: which executor roles a person fills, and who may carry out a step.</summary>
public static class StepExecutors
{
    /// <summary>True when the person fills one of the step's executor roles.</summary>
    public static bool Allows(SopSubProcess sub, string? programme, SopStep step, ExecutorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(profile);
        return step.Executors.Any(e => Fills(sub, programme, e, profile));
    }

    /// <summary>Whether the person fills one SOP executor role.</summary>
    public static bool Fills(SopSubProcess sub, string? programme, string executor, ExecutorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(profile);
        var unit = profile.Unit;
        var central = !unit.IsUpt;
        return executor switch
        {
            "upt-bpom" => unit.IsUpt,
            "unit-kerja-pusat" => central && unit.Type != UnitType.Kepala
                && (sub.UnitKerjaPusatOf(programme)?.Includes(unit.Id, central) ?? true),
            "kepala-bpom" => profile.Roles.Contains("kepala-bpom"),
            "pptm" => profile.Roles.Contains("pptm"),
            "ppsdm" => profile.Roles.Contains("ppsdm") || string.Equals(unit.Id, "ppsdm-pom", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>
    /// Who may carry out a step, as data: each executor role of the step with, for the Unit Kerja Pusat, the units of
    /// this sub-process (or programme). Both languages are built from it (<see cref="WhoCan.Refusal"/>).
    /// </summary>
    public static WhoCan WhoCan(SopDefinition sop, SopSubProcess sub, string? programme, SopStep step, Func<string, string?> unitName, string actorUnit)
    {
        ArgumentNullException.ThrowIfNull(sop);
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(unitName);
        return new WhoCan(step.Id, step.Aktivitas.TrimEnd('.'), sub.Code, [.. step.Executors.Select(e =>
        {
            var name = sop.FindRole(e)?.Name ?? e;
            if (e != "unit-kerja-pusat" || sub.UnitKerjaPusatOf(programme) is not { } ukp) return new ExecutorChoice(e, name);
            return new ExecutorChoice(e, name, ukp.AllCentral, ukp.AllCentral ? [] : [.. ukp.Units.Select(u => unitName(u) ?? u)]);
        })], actorUnit);
    }
}

/// <summary>
/// One executor role of a step: the SOP role (id and its Indonesian name) and, for the Unit Kerja Pusat, which units
/// fill it: every central unit (<see cref="AllCentral"/>) or the named ones.
/// </summary>
public sealed record ExecutorChoice(string RoleId, string RoleName, bool AllCentral = false, IReadOnlyList<string>? UnitNames = null)
{
    /// <summary>"Unit Kerja Pusat sub-proses A (semua unit kerja BPOM Pusat)", "Kepala BPOM".</summary>
    public string Indonesian(string subProcess) => RoleId switch
    {
        "unit-kerja-pusat" when AllCentral => $"{RoleName} sub-proses {subProcess} (semua unit kerja BPOM Pusat)",
        "unit-kerja-pusat" when UnitNames is { Count: > 0 } => $"{RoleName} sub-proses {subProcess} ({string.Join(", ", UnitNames)})",
        _ => RoleName,
    };

    /// <summary>"the Unit Kerja Pusat of sub-process A (every central BPOM unit)", "the Kepala BPOM".</summary>
    public string English(string subProcess) => RoleId switch
    {
        "unit-kerja-pusat" when AllCentral => $"the {RoleName} of sub-process {subProcess} (every central BPOM unit)",
        "unit-kerja-pusat" when UnitNames is { Count: > 0 } => $"the {RoleName} of sub-process {subProcess} ({string.Join(", ", UnitNames)})",
        "unit-kerja-pusat" => $"the {RoleName} of sub-process {subProcess}",
        "upt-bpom" => "a UPT BPOM (a Balai Besar POM, Balai POM or Loka POM)",
        "kepala-bpom" => "the Kepala BPOM",
        "pptm" => $"a {RoleName}",
        _ => RoleName,
    };
}

/// <summary>
/// A step someone may not carry out (BUKAN_PELAKSANA), as data: the step, who can (<see cref="Executors"/>) and the unit
/// the person is registered at. <see cref="Refusal"/> says it in both languages.
/// </summary>
public sealed record WhoCan(string StepId, string Aktivitas, string SubProcess, IReadOnlyList<ExecutorChoice> Executors, string ActorUnit)
{
    /// <summary>The refusal naming who can, in Indonesian and English; nothing was changed.</summary>
    public Phrase Refusal() => new(Workflow.RefusalCodes.BukanPelaksana,
        $"Langkah {StepId} ({Aktivitas}) dilaksanakan oleh {string.Join(" atau ", Executors.Select(e => e.Indonesian(SubProcess)))}. "
            + $"Anda terdaftar di {ActorUnit}, jadi tidak dapat melaksanakannya; tidak ada yang diubah.",
        $"Step {StepId} is carried out by {string.Join(" or ", Executors.Select(e => e.English(SubProcess)))}. "
            + $"You are registered at {ActorUnit}, so you cannot carry it out; nothing was changed.");
}
