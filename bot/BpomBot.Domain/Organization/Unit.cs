namespace BpomBot.Domain.Organization;

/// <summary>Kind of BPOM unit: central (Kepala, Deputi, Direktorat, Pusat) or UPT (Balai Besar, Balai, Loka).</summary>
public enum UnitType
{
    Kepala,
    Deputi,
    Direktorat,
    Pusat,

    /// <summary>Balai Besar POM.</summary>
    Bbpom,

    /// <summary>Balai POM.</summary>
    Bpom,

    /// <summary>Loka POM; reports through its Balai Koordinator.</summary>
    Loka,
}

/// <summary>
/// One BPOM unit. ParentId: for central units the unit above (direktorat → deputi → kepala), for a Loka its
/// Balai Koordinator, otherwise null. TimeZoneId: IANA zone Asia/Jakarta, Asia/Makassar or Asia/Jayapura.
/// </summary>
public sealed record Unit(
    string Id,
    string Name,
    UnitType Type,
    string? ParentId,
    string TimeZoneId,
    string City,
    string Province)
{
    public bool IsUpt => Type is UnitType.Bbpom or UnitType.Bpom or UnitType.Loka;
}
