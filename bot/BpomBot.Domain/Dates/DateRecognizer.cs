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
public sealed class DateRecognizer(IWorkingDayCalendar? calendar = null)
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

    private static List<(Regex, Func<Context, Match, DateOnly, Candidate?>)> BuildRules()
    {
        var rules = new List<(Regex, Func<Context, Match, DateOnly, Candidate?>)>();
        void Add(string pattern, Func<Match, DateOnly, Candidate?> read) => rules.Add((new Regex(pattern, Options), (_, m, r) => read(m, r)));
        void AddWithCalendar(string pattern, Func<Context, Match, DateOnly, Candidate?> read) => rules.Add((new Regex(pattern, Options), read));

        // ISO yyyy-MM-dd (also yyyy/MM/dd).
        Add(@"\b(?:(?:tanggal|tgl|tg)\s*)?(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)", (m, _) =>
            Exact(Int(m, 1), Int(m, 3), Int(m, 4), "tanggal yang ditulis"));

        // Day-first numeric dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (two-digit years are 20yy).
        Add(@"\b(?:(?:tanggal|tgl|tg)\s*)?(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\b", (m, _) =>
        {
            var year = Int(m, 4);
            return Exact(year < 100 ? 2000 + year : year, Int(m, 3), Int(m, 1), "tanggal yang ditulis");
        });

        // dd/mm without a year: the next occurrence.
        Add(@"\b(?:(?:tanggal|tgl|tg)\s*)?(\d{1,2})/(\d{1,2})\b(?![-/.]\d)", (m, r) => NextOccurrence(r, Int(m, 2), Int(m, 1)));

        // 12 Agustus [2026], tanggal 12 Agt, 5th of March, 12-Aug-2026.
        Add($@"\b(?:(?:tanggal|tgl|tg)\s*)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+)?[-/]?\s*(?:bulan\s+)?({MonthPattern})\b(?:\s*[-/]?\s*(\d{{4}})\b|\s+(tahun depan|thn depan|next year|tahun ini|thn ini|this year))?", (m, r) =>
            m.Groups[3].Success || m.Groups[4].Success
                ? Exact(m.Groups[3].Success ? Int(m, 3) : r.Year + (m.Groups[4].Value.Contains("ini", StringComparison.Ordinal) || m.Groups[4].Value.Contains("this", StringComparison.Ordinal) ? 0 : 1), Months[m.Groups[2].Value], Int(m, 1), "tanggal yang ditulis")
                : NextOccurrence(r, Months[m.Groups[2].Value], Int(m, 1)));

        // March 5[th][, 2027], Aug 3.
        Add($@"\b({MonthPattern})\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s+(\d{{4}})\b)?", (m, r) =>
            m.Groups[3].Success
                ? Exact(Int(m, 3), Months[m.Groups[1].Value], Int(m, 2), "tanggal yang ditulis")
                : NextOccurrence(r, Months[m.Groups[1].Value], Int(m, 2)));

        // tanggal 3, tgl 20 [bulan depan], the 5th [of next month].
        Add(@"\b(?:(bulan ini|bln ini|this month|bulan depan|bln depan|bulan dpn|bln dpn|next month)\s+(?:on\s+)?)?(?:(?:tanggal|tgl|tg)\s*|(?:on\s+)?the\s+)(\d{1,2})(?:st|nd|rd|th)?\b(?![-/.]\d)(?!\s+(?:weeks?|days?|months?|years?|times?|quarter|half|kali)\b)(?:\s+(bulan ini|bln ini|this month|bulan depan|bln depan|bulan dpn|bln dpn|of next month|next month|of this month))?", (m, r) =>
        {
            var day = Int(m, 2);
            var which = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value;
            if (which.Length == 0)
            {
                return NextDayOfMonth(r, day);
            }

            var month = new DateOnly(r.Year, r.Month, 1).AddMonths(which.Contains("ini", StringComparison.Ordinal) || which.Contains("this", StringComparison.Ordinal) ? 0 : 1);
            return day <= DateTime.DaysInMonth(month.Year, month.Month)
                ? new Candidate(new DateOnly(month.Year, month.Month, day), $"tanggal {day} {IndonesianDate.MonthName(month.Month)}")
                : Candidate.Impossible;
        });

        // hari ini, besok, lusa, kemarin, today, tomorrow, ...
        foreach (var (phrases, days, label) in RelativeDays)
        {
            Add($@"\b(?:{string.Join('|', phrases.Select(Regex.Escape))})\b", (_, r) => new Candidate(r.AddDays(days), label));
        }

        // hari kerja berikutnya, next working day: the first HK after the reference date.
        AddWithCalendar(@"\b(?:(?:hari kerja|hk) (?:berikutnya|berikut|selanjutnya)|next (?:working|business) day)\b", (self, _, r) =>
            WorkingDays(self, r, 1) is { } next ? new Candidate(next, "hari kerja berikutnya") : null);

        // minggu depan, bulan depan, tahun depan, next week, last month, ...
        Add(@"\b(?:(minggu|mgg|pekan|bulan|bln|tahun|thn)\s+(depan|dpn|mendatang|yang akan datang|lalu|kemarin|kemaren)|(next|last)\s+(week|month|year))\b", (m, r) =>
        {
            var unit = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[4].Value;
            var sign = m.Groups[2].Value is "lalu" or "kemarin" or "kemaren" || m.Groups[3].Value == "last" ? -1 : 1;
            return Shift(null, r, sign, unit, sign > 0 ? "depan" : "lalu");
        });

        // N hari/minggu/bulan/tahun/hari kerja lagi; dalam N hari; N hari yang lalu; in N days; N weeks from now; N days ago.
        AddWithCalendar($@"\b(?:(?:dalam(?: waktu)?|dlm|in|within|setelah|sesudah|after)\s+)?(\d{{1,3}}|an?)\s*({UnitPattern})\b(?:\s+(lagi|lg|lgi|ke depan|kedepan|mendatang|yang akan datang|yad|dari sekarang|dari hari ini|kemudian|setelah ini|yang lalu|yg lalu|lalu|sebelumnya|from now|from today|later|hence|ago))?", (self, m, r) =>
        {
            var prefixed = m.Groups[1].Index > m.Index;
            var suffix = m.Groups[3].Value;
            if (!prefixed && !m.Groups[3].Success)
            {
                return null;
            }

            if (m.Groups[1].Value is "a" or "an" && IsIndonesianUnit(m.Groups[2].Value))
            {
                return null;
            }

            var n = m.Groups[1].Value is "a" or "an" ? 1 : Int(m, 1);
            var back = suffix is "yang lalu" or "yg lalu" or "lalu" or "sebelumnya" or "ago";
            return Shift(self, r, back ? -n : n, m.Groups[2].Value, null);
        });

        // Weekdays in Indonesian: Senin, hari Jumat ini, Senin depan, Rabu minggu depan, minggu depan hari Senin, Kamis lalu.
        const string IdWeekQualifier = "minggu depan|pekan depan|mgg depan|minggu dpn|pekan dpn|minggu ini|pekan ini|minggu lalu|pekan lalu";
        Add($@"\b(?<!(?:\d|tiap|per|dalam|selama|beberapa|ke|para)\s)(?:({IdWeekQualifier})\s+(?:pada\s+)?)?(?:(hari|hr)\s+)?(senin|selasa|rabu|kamis|jumat|jumaat|sabtu|minggu|ahad)\b(?:\s+({IdWeekQualifier}|ini|depan|dpn|yang akan datang|yad|mendatang|nanti|lalu|kemarin|kemaren))?", (m, r) =>
        {
            var qualifier = m.Groups[4].Success ? m.Groups[4].Value : m.Groups[1].Value;
            if (m.Groups[3].Value == "minggu" && !m.Groups[2].Success && m.Groups[4].Success)
            {
                return null; // "minggu depan" / "minggu ini" speak of a week, not a Sunday
            }

            return Weekday(r, Weekdays[m.Groups[3].Value], qualifier switch
            {
                "" or "ini" or "nanti" => WeekdayMode.OnOrAfter,
                "minggu ini" or "pekan ini" => WeekdayMode.ThisWeek,
                "yang akan datang" or "yad" or "mendatang" => WeekdayMode.After,
                "lalu" or "kemarin" or "kemaren" => WeekdayMode.Before,
                "minggu lalu" or "pekan lalu" => WeekdayMode.LastWeek,
                _ => WeekdayMode.NextWeek,
            });
        });

        // Weekdays in English: Monday, this Friday, next Tuesday, last Monday, Friday next week, next week Monday, on Wed.
        Add(@"\b(?:(this|next|last|coming|on)\s+|(next week|this week|last week)\s+(?:on\s+)?)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b(?:\s+(next week|this week|last week))?", (m, r) =>
        {
            var name = m.Groups[3].Value;
            if (!name.EndsWith("day", StringComparison.Ordinal) && m.Groups[0].Length == name.Length)
            {
                return null; // bare "sun", "sat", "wed" are too often ordinary words
            }

            var week = m.Groups[4].Success ? m.Groups[4].Value : m.Groups[2].Value;
            var mode = (m.Groups[1].Value, week) switch
            {
                (_, "next week") or ("next", _) => WeekdayMode.NextWeek,
                (_, "this week") => WeekdayMode.ThisWeek,
                (_, "last week") => WeekdayMode.LastWeek,
                ("last", _) => WeekdayMode.Before,
                ("coming", _) => WeekdayMode.After,
                _ => WeekdayMode.OnOrAfter,
            };
            return Weekday(r, Weekdays[name], mode);
        });

        // awal/pertengahan/akhir bulan/tahun/minggu [ini/depan/lalu].
        Add(@"\b(awal|akhir|akir|pertengahan|tengah|penghujung|ujung)\s+(bulan|bln|tahun|thn|minggu|pekan|mgg)\b(?:\s+(ini|depan|dpn|mendatang|lalu))?", (m, r) =>
            Boundary(r, Part(m.Groups[1].Value), Period(m.Groups[2].Value), Offset(m.Groups[3].Value), m.Groups[3].Success, indonesianWeek: true));

        // end of (the/this/next) month/year/week, beginning of next month, month end, next weekend.
        Add(@"\b(?:(?:the\s+)?(end|beginning|start|middle|mid)\s+of\s+(?:the\s+)?(?:(this|next|last)\s+)?(month|year|week)|(?:(this|next|last)\s+)?(month|year)\s+end|(early|mid|late)\s+(?:(this|next|last)\s+)?(month|year))\b", (m, r) =>
        {
            if (m.Groups[1].Success)
            {
                return Boundary(r, Part(m.Groups[1].Value), Period(m.Groups[3].Value), Offset(m.Groups[2].Value), m.Groups[2].Success, indonesianWeek: false);
            }

            if (m.Groups[5].Success)
            {
                return Boundary(r, BoundaryPart.End, Period(m.Groups[5].Value), Offset(m.Groups[4].Value), m.Groups[4].Success, indonesianWeek: false);
            }

            return Boundary(r, Part(m.Groups[6].Value), Period(m.Groups[8].Value), Offset(m.Groups[7].Value), m.Groups[7].Success, indonesianWeek: false);
        });

        // awal/akhir Agustus [2026], end of March, beginning of December 2027.
        Add($@"\b(?:(awal|akhir|akir|pertengahan|tengah)\s+(?:bulan\s+)?|(?:the\s+)?(end|beginning|start|middle|mid)\s+of\s+)({MonthPattern})\b(?:\s+(\d{{4}})\b)?", (m, r) =>
        {
            var part = Part(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
            var month = Months[m.Groups[3].Value];
            if (m.Groups[4].Success)
            {
                var year = Int(m, 4);
                return year is < 1900 or > 2200 ? Candidate.Impossible : PartOfMonth(year, month, part);
            }

            var thisYear = PartOfMonth(r.Year, month, part);
            return thisYear.Date >= r ? thisYear : PartOfMonth(r.Year + 1, month, part);
        });

        // weekend / akhir pekan handled above; "this weekend", "next weekend".
        Add(@"\b(?:(this|next)\s+)?weekend\b", (m, r) =>
            Weekday(r, DayOfWeek.Saturday, m.Groups[1].Value == "next" ? WeekdayMode.NextWeek : WeekdayMode.OnOrAfter));
        return rules;
    }

    private static bool IsIndonesianUnit(string unit) =>
        unit is "hari" or "hr" or "minggu" or "mgg" or "pekan" or "bulan" or "bln" or "tahun" or "thn" or "hk" or "hari kerja";

    private static Candidate? Shift(Context? context, DateOnly r, int n, string unit, string? relativeWord)
    {
        if (unit.StartsWith("fortnight", StringComparison.Ordinal))
        {
            return Shift(context, r, 14 * n, "hari", relativeWord);
        }

        var (date, label) = unit switch
        {
            "hari kerja" or "hk" or "working day" or "working days" or "business day" or "business days" or "workday" or "workdays" =>
                (WorkingDays(context, r, n), "hari kerja"),
            "hari" or "hr" or "day" or "days" => ((DateOnly?)r.AddDays(n), "hari"),
            "minggu" or "mgg" or "pekan" or "week" or "weeks" => (r.AddDays(7 * n), "minggu"),
            "bulan" or "bln" or "month" or "months" => (r.AddMonths(n), "bulan"),
            "tahun" or "thn" or "year" or "years" => (r.AddYears(n), "tahun"),
            _ => ((DateOnly?)null, ""),
        };

        if (date is null)
        {
            return null;
        }

        var explanation = relativeWord is not null
            ? $"{label} {relativeWord}"
            : n >= 0 ? $"{n} {label} setelah {IndonesianDate.Format(r)}" : $"{-n} {label} sebelum {IndonesianDate.Format(r)}";
        return new Candidate(date, explanation);
    }

    private static DateOnly? WorkingDays(Context? context, DateOnly r, int n)
    {
        if (context?.Calendar is not { } calendar)
        {
            return null;
        }

        if (n > 0)
        {
            return calendar.AddWorkingDays(r, n, context.UnitId);
        }

        var d = r;
        for (var i = 0; i < -n; i++)
        {
            d = calendar.PreviousWorkingDay(d, context.UnitId);
        }

        return d;
    }

    private static Candidate Exact(int year, int month, int day, string explanation) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new Candidate(new DateOnly(year, month, day), explanation)
            : Candidate.Impossible;

    /// <summary>The next <paramref name="day"/> <paramref name="month"/> on or after the reference date.</summary>
    private static Candidate NextOccurrence(DateOnly r, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
        {
            return Candidate.Impossible;
        }

        for (var year = r.Year; year <= r.Year + 8; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var date && date >= r)
            {
                return new Candidate(date, $"{day} {IndonesianDate.MonthName(month)} berikutnya");
            }
        }

        return Candidate.Impossible;
    }

    private static Candidate NextDayOfMonth(DateOnly r, int day)
    {
        if (day is < 1 or > 31)
        {
            return Candidate.Impossible;
        }

        for (var month = new DateOnly(r.Year, r.Month, 1); ; month = month.AddMonths(1))
        {
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) is var date && date >= r)
            {
                return new Candidate(date, $"tanggal {day} berikutnya");
            }
        }
    }

    private enum WeekdayMode
    {
        OnOrAfter,
        After,
        Before,
        ThisWeek,
        NextWeek,
        LastWeek,
    }

    private static Candidate Weekday(DateOnly r, DayOfWeek day, WeekdayMode mode)
    {
        var monday = r.AddDays(-(((int)r.DayOfWeek + 6) % 7));
        var offsetInWeek = ((int)day + 6) % 7;
        var ahead = ((int)day - (int)r.DayOfWeek + 7) % 7;
        var behind = ((int)r.DayOfWeek - (int)day + 7) % 7;
        var name = IndonesianDate.DayName(day);
        return mode switch
        {
            WeekdayMode.OnOrAfter => new Candidate(r.AddDays(ahead), $"{name} terdekat"),
            WeekdayMode.After => new Candidate(r.AddDays(ahead == 0 ? 7 : ahead), $"{name} yang akan datang"),
            WeekdayMode.Before => new Candidate(r.AddDays(behind == 0 ? -7 : -behind), $"{name} lalu"),
            WeekdayMode.ThisWeek => new Candidate(monday.AddDays(offsetInWeek), $"{name} minggu ini"),
            WeekdayMode.NextWeek => new Candidate(monday.AddDays(7 + offsetInWeek), $"{name} minggu depan"),
            _ => new Candidate(monday.AddDays(-7 + offsetInWeek), $"{name} minggu lalu"),
        };
    }

    private enum BoundaryPart
    {
        Start,
        Middle,
        End,
    }

    private enum PeriodKind
    {
        Week,
        Month,
        Year,
    }

    private static BoundaryPart Part(string word) => word switch
    {
        "awal" or "beginning" or "start" or "early" => BoundaryPart.Start,
        "pertengahan" or "tengah" or "middle" or "mid" => BoundaryPart.Middle,
        _ => BoundaryPart.End,
    };

    private static PeriodKind Period(string word) => word switch
    {
        "minggu" or "pekan" or "mgg" or "week" => PeriodKind.Week,
        "bulan" or "bln" or "month" => PeriodKind.Month,
        _ => PeriodKind.Year,
    };

    private static int Offset(string word) => word switch
    {
        "depan" or "dpn" or "mendatang" or "next" => 1,
        "lalu" or "last" => -1,
        _ => 0,
    };

    private static Candidate? Boundary(DateOnly r, BoundaryPart part, PeriodKind period, int offset, bool qualified, bool indonesianWeek)
    {
        var when = offset switch { 1 => "depan", -1 => "lalu", _ => "ini" };
        switch (period)
        {
            case PeriodKind.Month:
            {
                var first = new DateOnly(r.Year, r.Month, 1).AddMonths(offset);
                var candidate = PartOfMonth(first.Year, first.Month, part);
                if (!qualified && candidate.Date < r)
                {
                    candidate = PartOfMonth(first.AddMonths(1).Year, first.AddMonths(1).Month, part);
                }

                var label = part switch { BoundaryPart.Start => "awal", BoundaryPart.Middle => "pertengahan", _ => "akhir" };
                return candidate with { Explanation = $"{label} bulan {(qualified ? when : string.Empty)}".TrimEnd() };
            }

            case PeriodKind.Year:
            {
                if (part == BoundaryPart.Middle)
                {
                    return null;
                }

                var year = r.Year + offset;
                var date = part == BoundaryPart.Start ? new DateOnly(year, 1, 1) : new DateOnly(year, 12, 31);
                if (!qualified && date < r)
                {
                    date = date.AddYears(1);
                }

                return new Candidate(date, $"{(part == BoundaryPart.Start ? "awal" : "akhir")} tahun {(qualified ? when : string.Empty)}".TrimEnd());
            }

            default:
            {
                var monday = r.AddDays(-(((int)r.DayOfWeek + 6) % 7)).AddDays(7 * offset);
                var date = part switch
                {
                    BoundaryPart.Start => monday,
                    BoundaryPart.Middle => monday.AddDays(2),
                    _ => monday.AddDays(indonesianWeek ? 5 : 4),
                };
                if (!qualified && date < r)
                {
                    date = date.AddDays(7);
                }

                return new Candidate(date, $"{IndonesianDate.DayName(date.DayOfWeek)} minggu {when}");
            }
        }
    }

    private static Candidate PartOfMonth(int year, int month, BoundaryPart part)
    {
        var day = part switch { BoundaryPart.Start => 1, BoundaryPart.Middle => 15, _ => DateTime.DaysInMonth(year, month) };
        var label = part switch { BoundaryPart.Start => "awal", BoundaryPart.Middle => "pertengahan", _ => "akhir" };
        return new Candidate(new DateOnly(year, month, day), $"{label} {IndonesianDate.MonthName(month)} {year}");
    }

    private static int Int(Match m, int group) =>
        int.TryParse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        string[][] names =
        [
            ["januari", "january", "jan"], ["februari", "pebruari", "february", "feb", "peb"], ["maret", "march", "mar"],
            ["april", "apr"], ["mei", "may"], ["juni", "june", "jun"], ["juli", "july", "jul"],
            ["agustus", "august", "agst", "agus", "agu", "ags", "agt", "aug"], ["september", "sept", "sep"],
            ["oktober", "october", "okt", "oct"], ["november", "nopember", "nov", "nop"], ["desember", "december", "des", "dec"],
        ];
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months[name] = i + 1;
            }
        }

        return months;
    }

    /// <summary>What a rule may need besides the match: the HK calendar and the unit whose working days count.</summary>
    private sealed record Context(IWorkingDayCalendar? Calendar, string? UnitId);

    /// <summary>A reading of one phrase; a null <see cref="Date"/> means the phrase names an impossible date.</summary>
    private sealed record Candidate(DateOnly? Date, string Explanation)
    {
        public static readonly Candidate Impossible = new(null, "tanggal tidak ada");
    }
}
