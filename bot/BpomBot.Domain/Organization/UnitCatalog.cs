using System.Globalization;
using System.Text;
using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Organization;

/// <summary>
/// The BPOM units shipped with the bot (Data/units-pusat.csv and Data/units-upt.csv): lookup by id, the parent
/// chain, and a tolerant name/city search for pickers.
/// </summary>
public sealed class UnitCatalog
{
    /// <summary>Central units sit in Jakarta.</summary>
    private const string CentralZone = "Asia/Jakarta";

    private static readonly HashSet<string> Zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

    private static readonly Lazy<UnitCatalog> Embedded = new(() =>
    {
        using var pusat = new StreamReader(Csv.OpenEmbedded("units-pusat.csv"));
        using var upt = new StreamReader(Csv.OpenEmbedded("units-upt.csv"));
        return Parse(pusat, upt);
    });

    private static readonly string[] NoiseWords = ["balai", "besar", "pom", "bpom", "bbpom", "loka", "di", "kabupaten", "kab", "kota", "badan", "pengawas", "obat", "dan", "makanan", "upt"];

    private readonly Dictionary<string, Unit> byId;
    private readonly List<(Unit Unit, string[] Words)> index;

    private UnitCatalog(IReadOnlyList<Unit> units)
    {
        Units = units;
        byId = units.ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
        // Central units are found by name only: every one of them sits in Jakarta, which should find BBPOM di Jakarta.
        index = [.. units.Select(u => (u, Words(u.IsUpt ? $"{u.Name} {u.City} {u.Province} {u.Id.Replace('-', ' ')}" : $"{u.Name} {u.Id.Replace('-', ' ')}")))];
    }

    public IReadOnlyList<Unit> Units { get; }

    public static UnitCatalog LoadEmbedded() => Embedded.Value;

    public Unit? Find(string id) => byId.GetValueOrDefault(id);

    public Unit Get(string id) => Find(id) ?? throw new KeyNotFoundException($"unit '{id}' tidak dikenal");

    /// <summary>The unit's parents, nearest first (Loka → Balai Koordinator; direktorat → deputi → kepala).</summary>
    public IEnumerable<Unit> Ancestors(string id)
    {
        var unit = Get(id);
        while (unit.ParentId is not null && Find(unit.ParentId) is { } parent)
        {
            yield return parent;
            unit = parent;
        }
    }

    /// <summary>
    /// Units matching free text, best first. Case, accents, punctuation and words like "Balai", "POM", "di",
    /// "Kabupaten" are ignored; each query word must match the start of a word in the name, city, province or id,
    /// allowing one typo in words of five letters or more.
    /// </summary>
    public IReadOnlyList<Unit> Search(string query, int max = 10)
    {
        var all = Words(query ?? string.Empty);
        var wanted = all.Where(w => !NoiseWords.Contains(w)).ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        var typeHint = all.Contains("loka") ? UnitType.Loka
            : all.Contains("bbpom") || all.Contains("besar") ? UnitType.Bbpom
            : (UnitType?)null;
        return [.. index
            .Select(e => (e.Unit, Score: Score(wanted, e.Words) + (typeHint == e.Unit.Type ? 1 : 0)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Unit.Type)
            .ThenBy(x => x.Unit.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Unit)];
    }

    internal static UnitCatalog Parse(TextReader pusat, TextReader upt)
    {
        var units = new List<Unit>();
        var lines = new Dictionary<string, (string File, int Line)>(StringComparer.OrdinalIgnoreCase);
        void Add(Unit unit, string file, int line)
        {
            if (!lines.TryAdd(unit.Id, (file, line)))
            {
                throw new DataFileException(file, line, $"duplicate unit id '{unit.Id}'");
            }

            units.Add(unit);
        }

        foreach (var (line, f) in Csv.Rows(pusat, "units-pusat.csv", "id", "name", "type", "parent_id", "source"))
        {
            var type = f[2] switch
            {
                "kepala" => UnitType.Kepala,
                "deputi" => UnitType.Deputi,
                "direktorat" => UnitType.Direktorat,
                "pusat" => UnitType.Pusat,
                _ => throw new DataFileException("units-pusat.csv", line, $"unknown type '{f[2]}'"),
            };
            Add(new Unit(f[0], f[1], type, NullIfEmpty(f[3]), CentralZone, "Jakarta", "DKI Jakarta"), "units-pusat.csv", line);
        }

        foreach (var (line, f) in Csv.Rows(upt, "units-upt.csv", "id", "name", "type", "city", "province", "tz", "coordinator_id", "source"))
        {
            var type = f[2] switch
            {
                "BBPOM" => UnitType.Bbpom,
                "BPOM" => UnitType.Bpom,
                "LOKA" => UnitType.Loka,
                _ => throw new DataFileException("units-upt.csv", line, $"unknown type '{f[2]}'"),
            };
            if (!Zones.Contains(f[5]))
            {
                throw new DataFileException("units-upt.csv", line, $"unknown time zone '{f[5]}'");
            }

            if (type == UnitType.Loka != (f[6].Length > 0))
            {
                throw new DataFileException("units-upt.csv", line, "coordinator_id is required for LOKA rows only");
            }

            Add(new Unit(f[0], f[1], type, NullIfEmpty(f[6]), f[5], f[3], f[4]), "units-upt.csv", line);
        }

        foreach (var unit in units.Where(u => u.ParentId is not null))
        {
            var (file, line) = lines[unit.Id];
            if (!lines.ContainsKey(unit.ParentId!))
            {
                throw new DataFileException(file, line, $"parent '{unit.ParentId}' does not exist");
            }
        }

        return new UnitCatalog(units);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static int Score(string[] wanted, string[] words)
    {
        var score = 0;
        foreach (var w in wanted)
        {
            if (words.Contains(w))
            {
                score += 3;
            }
            else if (words.Any(x => x.StartsWith(w, StringComparison.Ordinal)))
            {
                score += 2;
            }
            else if (w.Length >= 5 && words.Any(x => WithinOneEdit(w, x.Length > w.Length ? x[..w.Length] : x) || WithinOneEdit(w, x)))
            {
                score += 1;
            }
            else
            {
                return 0;
            }
        }

        return score;
    }

    /// <summary>Lower-case ASCII words; "Bau-Bau" → "bau", "bau"; "Tanjungbalai" stays one word.</summary>
    internal static string[] Words(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool WithinOneEdit(string a, string b) => Faq.TypoCorrector.Distance(a, b, 1) <= 1;
}
