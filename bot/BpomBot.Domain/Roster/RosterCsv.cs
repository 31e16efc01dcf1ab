using System.Text;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Roster;

/// <summary>One valid roster row: a person, their unit and roles, and the CSV line it came from.</summary>
public sealed record RosterEntry(int Line, string AadObjectId, string? TeamsId, string Name, string Email, string UnitId, IReadOnlyList<string> Roles);

/// <summary>A rejected row (or a file-level problem when <see cref="Line"/> is 0 or 1) with its reason in both languages.</summary>
public sealed record RosterError(int Line, Phrase Reason)
{
    /// <summary>The Indonesian reason (the CLI's language).</summary>
    public string Message => Reason.Indonesian;

    /// <summary>The reason with its line number, in the reader's language.</summary>
    public string Text(bool english) =>
        Line > 0 ? (english ? $"line {Line}: {Reason.English}" : $"baris {Line}: {Reason.Indonesian}") : Reason.Text(english);

    public override string ToString() => Text(english: false);
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
            return new RosterImport([], [new RosterError(0, new("roster-kosong", "Berkas CSV kosong.", "The CSV file is empty."))]);

        var header = (Split(lines[headerIndex].TrimStart('\uFEFF')) ?? []).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
            return new RosterImport([], [new RosterError(headerIndex + 1, new("roster-kolom-wajib",
                $"Kolom wajib tidak ada: {string.Join(", ", missing)}. Baris judul harus: {Header}.",
                $"Required columns are missing: {string.Join(", ", missing)}. The header line must be: {Header}."))]);
        int Col(string name) => header.IndexOf(name);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var fields = Split(lines[i]);
            if (fields is null)
            {
                errors.Add(new RosterError(lineNo, new("roster-kutip", "tanda kutip tidak ditutup.", "a quote is not closed.")));
                continue;
            }

            if (fields.Count != header.Count)
            {
                errors.Add(new RosterError(lineNo, new("roster-jumlah-kolom",
                    $"jumlah kolom {fields.Count}, seharusnya {header.Count}.", $"{fields.Count} columns, expected {header.Count}.")));
                continue;
            }

            string Field(string name) => Col(name) is var c and >= 0 ? fields[c].Trim() : string.Empty;
            var problems = new List<Phrase>();
            var id = Field("aad_object_id");
            if (!LooksLikeObjectId(id)) problems.Add(new("roster-id", $"aad_object_id '{id}' bukan Entra object id (GUID)", $"aad_object_id '{id}' is not an Entra object id (GUID)"));
            else if (seen.TryGetValue(id, out var first)) problems.Add(new("roster-id-ganda", $"aad_object_id {id} sudah ada di baris {first}", $"aad_object_id {id} is already on line {first}"));
            var name = Field("name");
            if (name.Length == 0) problems.Add(new("roster-nama", "nama kosong", "name is empty"));
            var email = Field("email");
            if (!LooksLikeEmail(email)) problems.Add(new("roster-email", $"email/UPN '{email}' tidak valid", $"email/UPN '{email}' is not valid"));
            var unit = Field("unit_id");
            if (unit.Length == 0) problems.Add(new("roster-unit", "unit_id kosong", "unit_id is empty"));
            else if (!unitExists(unit)) problems.Add(new("roster-unit", $"unit '{unit}' tidak ada di katalog unit", $"unit '{unit}' is not in the unit catalogue"));
            var roles = new List<string>();
            var unknownRole = false;
            foreach (var raw in Field("roles").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (RosterRoles.Parse(raw) is { } role) { if (!roles.Contains(role)) roles.Add(role); }
                else { problems.Add(RosterRoles.UnknownRole(raw)); unknownRole = true; }
            }

            if (roles.Count == 0 && !unknownRole)
                problems.Add(new("roster-peran", $"peran kosong (pilih dari: {string.Join(", ", RosterRoles.All)})", $"roles are empty (choose from: {string.Join(", ", RosterRoles.All)})"));
            var teamsId = Field("teams_id");

            if (problems.Count > 0)
            {
                errors.Add(new RosterError(lineNo, new(problems[0].Code,
                    string.Join("; ", problems.Select(p => p.Indonesian)) + ".", string.Join("; ", problems.Select(p => p.English)) + ".")));
                continue;
            }

            seen[id] = lineNo;
            entries.Add(new RosterEntry(lineNo, id.ToLowerInvariant(), teamsId.Length == 0 ? null : teamsId, name, email, unit, roles));
        }

        if (entries.Count == 0 && errors.Count == 0)
            errors.Add(new RosterError(headerIndex + 1, new("roster-tanpa-data",
                "Tidak ada baris data setelah baris judul.", "There are no data rows after the header line.")));
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
