using System.Globalization;

namespace BpomBot.Domain.Calendar;

/// <summary>
/// The national libur and cuti bersama dates for a contiguous range of years (the final state of each year's
/// SKB 3 Menteri plus Keppres days). Years outside the range are not covered: asking about them is an error.
/// </summary>
public sealed class HolidaySet
{
    public const string EmbeddedFileName = "holidays.csv";

    private static readonly Lazy<HolidaySet> Embedded = new(() =>
    {
        using var reader = new StreamReader(Csv.OpenEmbedded(EmbeddedFileName));
        return Parse(reader, EmbeddedFileName);
    });

    private readonly Dictionary<DateOnly, Holiday> byDate;

    private HolidaySet(IReadOnlyList<Holiday> holidays, int firstYear, int lastYear)
    {
        Holidays = holidays;
        FirstYear = firstYear;
        LastYear = lastYear;
        byDate = holidays.ToDictionary(h => h.Date);
    }

    /// <summary>All rows, in date order.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    /// <summary>The data shipped with the bot (Data/holidays.csv), parsed and validated once.</summary>
    public static HolidaySet LoadEmbedded() => Embedded.Value;

    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    public Holiday? Find(DateOnly date) => byDate.GetValueOrDefault(date);

    /// <summary>The rows of one year; throws <see cref="CalendarNotAvailableException"/> for a year not covered.</summary>
    public IReadOnlyList<Holiday> ForYear(int year)
    {
        if (!Covers(year))
        {
            throw new CalendarNotAvailableException(year);
        }

        return [.. Holidays.Where(h => h.Date.Year == year)];
    }

    /// <summary>
    /// Parses <c>date,kind,name,source</c> rows. Fails with a <see cref="DataFileException"/> naming the line on an
    /// unparseable date, an unknown kind, an empty name, a duplicate date, or a gap in the years covered.
    /// </summary>
    public static HolidaySet Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<Holiday>();
        var seen = new Dictionary<DateOnly, int>();
        foreach (var (line, f) in Csv.Rows(reader, fileName, "date", "kind", "name", "source"))
        {
            if (!DateOnly.TryParseExact(f[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new DataFileException(fileName, line, $"unparseable date '{f[0]}' (expected yyyy-MM-dd)");
            }

            var kind = f[1].Trim() switch
            {
                "libur" => HolidayKind.Libur,
                "cuti_bersama" => HolidayKind.CutiBersama,
                _ => throw new DataFileException(fileName, line, $"unknown kind '{f[1]}' (expected libur or cuti_bersama)"),
            };

            if (string.IsNullOrWhiteSpace(f[2]))
            {
                throw new DataFileException(fileName, line, "empty name");
            }

            if (seen.TryGetValue(date, out var first))
            {
                throw new DataFileException(fileName, line, $"duplicate date {date:yyyy-MM-dd} (first on line {first})");
            }

            seen[date] = line;
            rows.Add(new Holiday(date, kind, f[2].Trim(), f[3].Trim()));
        }

        if (rows.Count == 0)
        {
            throw new DataFileException(fileName, 0, "no holiday rows");
        }

        rows.Sort((a, b) => a.Date.CompareTo(b.Date));
        var years = rows.Select(r => r.Date.Year).Distinct().Order().ToList();
        for (var i = 1; i < years.Count; i++)
        {
            if (years[i] != years[i - 1] + 1)
            {
                throw new DataFileException(fileName, seen[rows.First(r => r.Date.Year == years[i]).Date],
                    $"year {years[i - 1] + 1} has no rows; the years covered must be contiguous");
            }
        }

        return new HolidaySet(rows, years[0], years[^1]);
    }
}
