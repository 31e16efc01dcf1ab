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
    /// "Langkah A.8 dilaksanakan oleh Unit Kerja Pusat (…)": the step's executors in words, the Unit Kerja Pusat
    /// spelled out with its units' names.
    /// </summary>
    public static string WhoCan(SopDefinition sop, SopSubProcess sub, string? programme, SopStep step, Func<string, string?> unitName)
    {
        ArgumentNullException.ThrowIfNull(sop);
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(unitName);
        return string.Join(" atau ", step.Executors.Select(e =>
        {
            var name = sop.FindRole(e)?.Name ?? e;
            if (e != "unit-kerja-pusat" || sub.UnitKerjaPusatOf(programme) is not { } ukp) return name;
            return ukp.AllCentral ? $"{name} (semua unit kerja BPOM Pusat)" : $"{name} ({string.Join(", ", ukp.Units.Select(u => unitName(u) ?? u))})";
        }));
    }
}
