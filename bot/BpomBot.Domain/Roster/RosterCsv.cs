using System.Text;

namespace BpomBot.Domain.Roster;

/// <summary>One valid roster row: a person, their unit and roles, and the CSV line it came from.</summary>
public sealed record RosterEntry(int Line, string AadObjectId, string? TeamsId, string Name, string Email, string UnitId, IReadOnlyList<string> Roles);

/// <summary>A rejected row (or a file-level problem when <see cref="Line"/> is 0 or 1) with an Indonesian reason.</summary>
public sealed record RosterError(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"baris {Line}: {Message}" : Message;
}

/// <summary>The parse of a whole file: valid entries and every error. Import only when <see cref="IsValid"/>.</summary>
public sealed record RosterImport(IReadOnlyList<RosterEntry> Entries, IReadOnlyList<RosterError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Entries.Count > 0;
}

/// <summary>
/// Parses and validates a roster CSV: header <c>aad_object_id,name,email,unit_id,roles</c> (any order, optional
/// <c>teams_id</c>), roles separated by ";". Every row is checked before anything is stored, so a file with one bad
/// row imports nothing.
/// </summary>
public static class RosterCsv
{
    public const string Header = "aad_object_id,name,email,unit_id,roles,teams_id";
    private static readonly string[] Required = ["aad_object_id", "name", "email", "unit_id", "roles"];

    public static RosterImport Parse(string text, Func<string, bool> unitExists)
    {
        ArgumentNullException.ThrowIfNull(unitExists);
        var entries = new List<RosterEntry>();
        var errors = new List<RosterError>();
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var headerIndex = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (headerIndex < 0)
            return new RosterImport([], [new RosterError(0, "Berkas CSV kosong.")]);

        var header = (Split(lines[headerIndex].TrimStart('\uFEFF')) ?? []).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
            return new RosterImport([], [new RosterError(headerIndex + 1, $"Kolom wajib tidak ada: {string.Join(", ", missing)}. Baris judul harus: {Header}.")]);
        int Col(string name) => header.IndexOf(name);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var fields = Split(lines[i]);
            if (fields is null)
            {
                errors.Add(new RosterError(lineNo, "tanda kutip tidak ditutup."));
                continue;
            }

            if (fields.Count != header.Count)
            {
                errors.Add(new RosterError(lineNo, $"jumlah kolom {fields.Count}, seharusnya {header.Count}."));
                continue;
            }

            string Field(string name) => Col(name) is var c and >= 0 ? fields[c].Trim() : string.Empty;
            var problems = new List<string>();
            var id = Field("aad_object_id");
            if (!LooksLikeObjectId(id)) problems.Add($"aad_object_id '{id}' bukan Entra object id (GUID)");
            else if (seen.TryGetValue(id, out var first)) problems.Add($"aad_object_id {id} sudah ada di baris {first}");
            var name = Field("name");
            if (name.Length == 0) problems.Add("nama kosong");
            var email = Field("email");
            if (!LooksLikeEmail(email)) problems.Add($"email/UPN '{email}' tidak valid");
            var unit = Field("unit_id");
            if (unit.Length == 0) problems.Add("unit_id kosong");
            else if (!unitExists(unit)) problems.Add($"unit '{unit}' tidak ada di katalog unit");
            var roles = new List<string>();
            foreach (var raw in Field("roles").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (RosterRoles.Parse(raw) is { } role) { if (!roles.Contains(role)) roles.Add(role); }
                else problems.Add(RosterRoles.Unknown(raw));
            }

            if (roles.Count == 0 && !problems.Any(p => p.StartsWith("peran", StringComparison.Ordinal)))
                problems.Add($"peran kosong (pilih dari: {string.Join(", ", RosterRoles.All)})");
            var teamsId = Field("teams_id");

            if (problems.Count > 0)
            {
                errors.Add(new RosterError(lineNo, string.Join("; ", problems) + "."));
                continue;
            }

            seen[id] = lineNo;
            entries.Add(new RosterEntry(lineNo, id.ToLowerInvariant(), teamsId.Length == 0 ? null : teamsId, name, email, unit, roles));
        }

        if (entries.Count == 0 && errors.Count == 0)
            errors.Add(new RosterError(headerIndex + 1, "Tidak ada baris data setelah baris judul."));
        return new RosterImport(entries, errors);
    }

    /// <summary>A GUID, or the GUID-like ids of the Agents Playground (hex digits and hyphens, 32–36 hex digits).</summary>
    private static bool LooksLikeObjectId(string value) =>
        Guid.TryParse(value, out _) || (value.Length <= 40 && value.All(c => char.IsAsciiHexDigit(c) || c == '-') && value.Count(char.IsAsciiHexDigit) is >= 32 and <= 36);

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 fields of one line; null when a quote is left open.</summary>
    internal static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return quoted ? null : fields;
    }
}
