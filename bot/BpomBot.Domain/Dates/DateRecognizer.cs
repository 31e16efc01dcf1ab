using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Dates;

/// <summary>
/// Finds one date in Indonesian or English chat text, relative to a reference date (the user's local "today"):
/// hari ini/besok/lusa/kemarin, weekday names with ini/depan/lalu, "N hari/minggu/bulan lagi" (digits or number
/// words), "N hari kerja lagi" (through <see cref="IWorkingDayCalendar"/>), day + month name with or without year,
/// dd/mm/yyyy, dd-mm-yyyy, ISO yyyy-MM-dd, "tanggal 3", awal/pertengahan/akhir bulan/tahun/minggu, and the English
/// equivalents. When several phrases match, the longest wins. An impossible date ("31 Februari") or text without
/// a date gives null. A working-day phrase in a year the calendar does not cover throws
/// <see cref="CalendarNotAvailableException"/>.
/// </summary>
public sealed partial class DateRecognizer(IWorkingDayCalendar? calendar = null)
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private const string MonthPattern =
        "januari|january|jan|februari|pebruari|february|feb|peb|maret|march|mar|april|apr|mei|may|juni|june|jun|juli|july|jul|" +
        "agustus|august|agst|agus|agu|ags|agt|aug|september|sept|sep|oktober|october|okt|oct|november|nopember|nov|nop|desember|december|des|dec";

    private const string UnitPattern =
        "hari kerja|hk|working days?|business days?|workdays?|hari|hr|days?|minggu|mgg|pekan|weeks?|fortnights?|bulan|bln|months?|tahun|thn|years?";

    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly (string[] Phrases, int Days, string Label)[] RelativeDays =
    [
        (["hari ini", "hr ini", "hri ini", "today", "sekarang", "tonight", "malam ini", "pagi ini", "siang ini", "sore ini", "skrg", "skrang", "eod", "end of day", "end of the day", "end of today"], 0, "hari ini"),
        (["besok", "besuk", "bsk", "bsok", "esok", "tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow", "2morrow"], 1, "besok"),
        (["lusa", "besok lusa", "day after tomorrow", "the day after tomorrow", "overmorrow"], 2, "lusa"),
        (["tulat"], 3, "tulat"),
        (["kemarin", "kemaren", "kmrn", "kmrin", "kmarin", "yesterday"], -1, "kemarin"),
        (["kemarin lusa", "day before yesterday", "the day before yesterday"], -2, "kemarin lusa"),
    ];

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["senin"] = DayOfWeek.Monday, ["selasa"] = DayOfWeek.Tuesday, ["rabu"] = DayOfWeek.Wednesday,
        ["kamis"] = DayOfWeek.Thursday, ["jumat"] = DayOfWeek.Friday, ["jumaat"] = DayOfWeek.Friday,
        ["sabtu"] = DayOfWeek.Saturday, ["minggu"] = DayOfWeek.Sunday, ["ahad"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday,
        ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["wed"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday,
        ["fri"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    private static readonly Regex SeWords = new(@"\bse(hari|minggu|pekan|bulan|tahun)\b", Options);
    private static readonly Regex LetterHyphen = new(@"(?<=\p{L})-(?=\p{L})", Options);
    private static readonly Regex NonDateChars = new(@"[^\p{L}\p{Nd}/\-. ]", Options);
    private static readonly Regex LooseDot = new(@"(?<!\d)\.|\.(?!\d)", Options);
    private static readonly Regex Spaces = new(@"\s+", Options);

    private static readonly List<(Regex Pattern, Func<Context, Match, DateOnly, Candidate?> Read)> Rules = BuildRules();

    private readonly IWorkingDayCalendar? calendar = calendar;

    /// <summary>
    /// Finds the date in <paramref name="text"/> relative to <paramref name="reference"/>, or null. Working days
    /// are counted in <paramref name="unitId"/>'s calendar (its office closures included) when given.
    /// </summary>
    public DateRecognition? Recognize(string text, DateOnly reference, string? unitId = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = Normalize(text);
        var context = new Context(calendar, unitId);
        (Match Match, Candidate Candidate)? best = null;
        foreach (var (pattern, read) in Rules)
        {
            foreach (Match m in pattern.Matches(normalized))
            {
                if (best is { } b && (m.Length < b.Match.Length || (m.Length == b.Match.Length && m.Index >= b.Match.Index)))
                {
                    continue;
                }

                if (read(context, m, reference) is { } candidate)
                {
                    best = (m, candidate);
                }
            }
        }

        if (best is not { Candidate.Date: { } date } found)
        {
            return null;
        }

        var phrase = found.Match.Value.Trim();
        return new DateRecognition(date, phrase, $"{found.Candidate.Explanation} → {IndonesianDate.FormatLong(date)}");
    }

    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not ('\'' or '’' or '`'))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        var s = LetterHyphen.Replace(sb.ToString(), " ");
        s = NonDateChars.Replace(s, " ");
        s = LooseDot.Replace(s, " ");
        s = Spaces.Replace(s, " ").Trim();
        s = SeWords.Replace(s, "1 $1");
        return NumberWords.ToDigits(s);
    }

    /// <summary>What a rule may need besides the match: the HK calendar and the unit whose working days count.</summary>
    private sealed record Context(IWorkingDayCalendar? Calendar, string? UnitId);

    /// <summary>A reading of one phrase; a null <see cref="Date"/> means the phrase names an impossible date.</summary>
    private sealed record Candidate(DateOnly? Date, string Explanation)
    {
        public static readonly Candidate Impossible = new(null, "tanggal tidak ada");
    }
}
