namespace BpomBot.Domain.Roster;

/// <summary>Roster role ids (stored on a person) and the words people write for them in a CSV or in chat.</summary>
public static class RosterRoles
{
    public const string Pelaksana = "pelaksana";
    public const string KetuaTim = "ketua-tim";
    public const string KepalaUpt = "kepala-upt";
    public const string Direktur = "direktur";
    public const string Pptm = "pptm";
    public const string KepalaBpom = "kepala-bpom";
    public const string Ppsdm = "ppsdm";
    public const string Admin = "admin";
    public const string PetugasHalobpom = "petugas-halobpom";

    public static readonly IReadOnlyList<string> All = [Pelaksana, KetuaTim, KepalaUpt, Direktur, Pptm, KepalaBpom, Ppsdm, Admin, PetugasHalobpom];

    /// <summary>Roles that head a unit and receive disposisi.</summary>
    public static readonly IReadOnlyList<string> Leaders = [KepalaUpt, Direktur, Pptm, KepalaBpom];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pelaksana"] = Pelaksana, ["staf"] = Pelaksana, ["petugas"] = Pelaksana,
        ["ketuatim"] = KetuaTim, ["katim"] = KetuaTim,
        ["kepalaupt"] = KepalaUpt, ["kepalabalai"] = KepalaUpt, ["kepalaloka"] = KepalaUpt, ["kepalabalaibesar"] = KepalaUpt,
        ["direktur"] = Direktur, ["kepalapusat"] = Direktur,
        ["pptm"] = Pptm, ["deputi"] = Pptm, ["pptmdeputi"] = Pptm, ["pejabatpimpinantinggimadya"] = Pptm,
        ["kepalabpom"] = KepalaBpom,
        ["ppsdm"] = Ppsdm, ["ppsdmpom"] = Ppsdm,
        ["admin"] = Admin, ["administrator"] = Admin,
        ["petugashalobpom"] = PetugasHalobpom, ["halobpom"] = PetugasHalobpom,
    };

    /// <summary>The role id for a written role ("Ketua Tim", "kepala_upt", "PPTM/Deputi"), or null when unknown.</summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = new string([.. text.Where(char.IsLetterOrDigit)]);
        return Aliases.GetValueOrDefault(key);
    }

    /// <summary>The refusal of a role word nobody knows, listing the valid role ids (and, for a bare "kepala", which kepala).</summary>
    public static string Unknown(string text) => UnknownRole(text).Indonesian;

    /// <summary><see cref="Unknown"/> in both languages.</summary>
    public static Abstractions.Phrase UnknownRole(string text)
    {
        var kepala = new string([.. (text ?? string.Empty).Where(char.IsLetterOrDigit)]).Equals("kepala", StringComparison.OrdinalIgnoreCase);
        var hint = kepala ? $" ({KepalaUpt} untuk kepala Balai/Loka, {Direktur} untuk kepala pusat/direktorat, {KepalaBpom} untuk Kepala Badan)" : string.Empty;
        var hintEnglish = kepala ? $" ({KepalaUpt} for the head of a Balai/Loka, {Direktur} for the head of a pusat/direktorat, {KepalaBpom} for the Head of the Agency)" : string.Empty;
        return new("roster-peran-tidak-dikenal",
            $"peran '{text}' tidak dikenal{hint}; peran yang valid: {string.Join(", ", All)}",
            $"role '{text}' is unknown{hintEnglish}; valid roles: {string.Join(", ", All)}");
    }

    public static string Name(string role) => role switch
    {
        Pelaksana => "Pelaksana",
        KetuaTim => "Ketua Tim",
        KepalaUpt => "Kepala UPT",
        Direktur => "Direktur",
        Pptm => "Pejabat Pimpinan Tinggi Madya (Deputi)",
        KepalaBpom => "Kepala BPOM",
        Ppsdm => "PPSDM",
        Admin => "Admin",
        PetugasHalobpom => "Petugas HALOBPOM",
        _ => role,
    };
}
