using System.Globalization;
using System.Text.RegularExpressions;
using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Dates;

/// <summary>Date arithmetic behind the rules: offsets, next occurrences, weekdays and period boundaries.</summary>
public sealed partial class DateRecognizer
{
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
}
