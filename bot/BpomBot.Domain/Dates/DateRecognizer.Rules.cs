using System.Text.RegularExpressions;
using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Dates;

/// <summary>The phrase patterns, each with how to read its match into a date.</summary>
public sealed partial class DateRecognizer
{
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
        AddWithCalendar($@"\b(?:(?:dalam(?: waktu)?|dlm|in|within|setelah|sesudah|after|paling lambat|selambat lambatnya|maksimal|maks|max)\s+)?(\d{{1,3}}|an?)\s*({UnitPattern})\b(?:\s+(lagi|lg|lgi|ke depan|kedepan|mendatang|yang akan datang|yad|dari sekarang|dari hari ini|kemudian|setelah ini|yang lalu|yg lalu|lalu|sebelumnya|from now|from today|later|hence|ago))?", (self, m, r) =>
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
}
