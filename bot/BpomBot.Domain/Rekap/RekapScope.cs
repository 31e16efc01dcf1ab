using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;

namespace BpomBot.Domain.Rekap;

/// <summary>How far a recap reaches from its unit.</summary>
public enum RekapScopeKind
{
    /// <summary>One unit only.</summary>
    Unit,

    /// <summary>The unit and every unit under it: a Balai with its Loka, a Deputi with its direktorat.</summary>
    UnitDanBawahan,

    /// <summary>All of BPOM.</summary>
    SemuaBpom,

    /// <summary>
    /// Every UPT (Balai and Loka): what the Unit Kerja Pusat's rekapitulasi step (A.8/B.8/C.6) recaps, shown to the
    /// people of that step (<see cref="RecapStepReports.MayDo"/>) whatever their own rekap scope.
    /// </summary>
    SemuaUpt,
}

/// <summary>Which units a recap covers. <see cref="UnitId"/> is null only for <see cref="RekapScopeKind.SemuaBpom"/> and <see cref="RekapScopeKind.SemuaUpt"/>.</summary>
public sealed record RekapScope(RekapScopeKind Kind, string? UnitId)
{
    public static readonly RekapScope All = new(RekapScopeKind.SemuaBpom, null);

    /// <summary>Every UPT: the scope of the rekapitulasi step's recap.</summary>
    public static readonly RekapScope AllUpts = new(RekapScopeKind.SemuaUpt, null);

    public static RekapScope OneUnit(string unitId) => new(RekapScopeKind.Unit, unitId);

    public static RekapScope WithChildren(string unitId) => new(RekapScopeKind.UnitDanBawahan, unitId);

    /// <summary>The units covered, in catalog order. Throws KeyNotFoundException for an unknown unit.</summary>
    public IReadOnlyList<Unit> Units(UnitCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        switch (Kind)
        {
            case RekapScopeKind.SemuaBpom:
                return catalog.Units;
            case RekapScopeKind.SemuaUpt:
                return [.. catalog.Units.Where(u => u.IsUpt)];
            case RekapScopeKind.Unit:
                return [catalog.Get(UnitId!)];
            default:
                var root = catalog.Get(UnitId!);
                return [.. catalog.Units.Where(u => u.Id == root.Id || catalog.Ancestors(u.Id).Any(a => a.Id == root.Id))];
        }
    }

    /// <summary>True when every unit of <paramref name="other"/> is inside this scope.</summary>
    public bool Covers(RekapScope other, UnitCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Kind == RekapScopeKind.SemuaBpom) return true;
        var mine = Units(catalog).Select(u => u.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return other.Kind != RekapScopeKind.SemuaBpom && other.Units(catalog).All(u => mine.Contains(u.Id));
    }

    public string Describe(UnitCatalog catalog) => Describe(catalog, english: false);

    /// <summary>The scope in words: "Seluruh BPOM" / "all of BPOM", "… dan unit di bawahnya" / "… and the units under it".</summary>
    public string Describe(UnitCatalog catalog, bool english) => Kind switch
    {
        RekapScopeKind.SemuaBpom => english ? "all of BPOM" : "Seluruh BPOM",
        RekapScopeKind.SemuaUpt => english ? "all UPTs" : "Seluruh UPT",
        RekapScopeKind.Unit => catalog.Get(UnitId!).Name,
        _ => english ? $"{catalog.Get(UnitId!).Name} and the units under it" : $"{catalog.Get(UnitId!).Name} dan unit di bawahnya",
    };

    /// <summary>
    /// The widest scope a person may see from their roster roles and unit: PPTM and Kepala BPOM see all of BPOM; a
    /// Direktur their unit and everything under it; a Kepala UPT their unit and its Loka. Null: no recap for them.
    /// </summary>
    public static RekapScope? AllowedFor(IReadOnlyList<string> roles, string unitId)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Contains(RosterRoles.Pptm) || roles.Contains(RosterRoles.KepalaBpom))
        {
            return All;
        }

        return roles.Contains(RosterRoles.Direktur) || roles.Contains(RosterRoles.KepalaUpt) ? WithChildren(unitId) : null;
    }
}
