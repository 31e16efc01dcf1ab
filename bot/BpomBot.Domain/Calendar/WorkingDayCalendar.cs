namespace BpomBot.Domain.Calendar;

/// <summary>
/// Whether a date is an HK and why not: Reason is Indonesian, e.g. "hari Sabtu" or
/// "libur nasional: Hari Raya Idul Fitri 1445 Hijriah"; null for a plain HK.
/// </summary>
public sealed record DayStatus(DateOnly Date, bool IsWorkingDay, string? Reason);

/// <summary>
/// An immutable HK calendar: a <see cref="HolidaySet"/> plus a snapshot of overrides. Every covered day is
/// precomputed into a prefix count of working days and an ordinal → date table, so
/// <see cref="AddWorkingDays"/> and <see cref="WorkingDaysBetween"/> are O(1).
/// Build a new instance to apply new overrides (see <see cref="LiveWorkingDayCalendar"/>).
/// </summary>
public sealed class WorkingDayCalendar : IWorkingDayCalendar
{
    private readonly int firstDayNumber;
    private readonly DayTable national;
    private readonly Dictionary<string, DayTable> perUnit = new(StringComparer.Ordinal);
    private readonly Dictionary<(string? UnitId, DateOnly Date), CalendarOverride> latest = [];

    public WorkingDayCalendar(HolidaySet holidays, IEnumerable<CalendarOverride>? overrides = null)
    {
        Holidays = holidays ?? throw new ArgumentNullException(nameof(holidays));
        firstDayNumber = new DateOnly(holidays.FirstYear, 1, 1).DayNumber;
        var length = new DateOnly(holidays.LastYear, 12, 31).DayNumber - firstDayNumber + 1;

        var all = (overrides ?? []).ToList();
        SourceOverrideCount = all.Count;
        foreach (var o in all.Where(o => holidays.Covers(o.Date.Year)).OrderBy(o => o.At))
        {
            latest[(o.UnitId, o.Date)] = o;
        }

        Overrides = [.. latest.Values.OrderBy(o => o.Date)];
        var nationalOff = new bool[length];
        for (var i = 0; i < length; i++)
        {
            nationalOff[i] = !IsNationalWorkingDay(DateOnly.FromDayNumber(firstDayNumber + i));
        }

        national = new DayTable(nationalOff);
        foreach (var unitGroup in latest.Values.Where(o => o.UnitId is not null).GroupBy(o => o.UnitId!))
        {
            var off = (bool[])nationalOff.Clone();
            foreach (var o in unitGroup)
            {
                off[o.Date.DayNumber - firstDayNumber] = o.Kind == OverrideKind.Add || IsWeekend(o.Date);
            }

            perUnit[unitGroup.Key] = new DayTable(off);
        }
    }

    public HolidaySet Holidays { get; }

    /// <summary>How many overrides this snapshot was built from (the store is append-only, so more means newer).</summary>
    public int SourceOverrideCount { get; }

    /// <summary>The overrides in effect (the latest per date and scope), in date order.</summary>
    public IReadOnlyList<CalendarOverride> Overrides { get; }

    public bool IsWorkingDay(DateOnly date, string? unitId = null) => Table(unitId).IsWorking(Index(date));

    public DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var table = Table(unitId);
        var ordinal = table.CountThrough[Index(start)] + workingDays - 1;
        if (ordinal >= table.WorkingDays.Length)
        {
            throw new CalendarNotAvailableException(Holidays.LastYear + 1);
        }

        return DateOnly.FromDayNumber(firstDayNumber + table.WorkingDays[ordinal]);
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null)
    {
        var table = Table(unitId);
        return table.CountThrough[Index(to)] - table.CountThrough[Index(from)];
    }

    /// <summary>The first HK strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date, string? unitId = null) => AddWorkingDays(date, 1, unitId);

    /// <summary>The last HK strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null)
    {
        var table = Table(unitId);
        var index = Index(date);
        var before = table.CountThrough[index] - (table.IsWorking(index) ? 1 : 0);
        if (before == 0)
        {
            throw new CalendarNotAvailableException(Holidays.FirstYear - 1);
        }

        return DateOnly.FromDayNumber(firstDayNumber + table.WorkingDays[before - 1]);
    }

    public QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null)
    {
        var lastMonthOfQuarter = ((date.Month - 1) / 3 * 3) + 3;
        var nominal = new DateOnly(date.Year, lastMonthOfQuarter, 10).AddMonths(1);
        var status = Describe(nominal, unitId);
        if (status.IsWorkingDay)
        {
            return new QuarterDeadline(nominal, nominal, null);
        }

        var moved = PreviousWorkingDay(nominal, unitId);
        var reason = $"Tanggal {IndonesianDate.Format(nominal)} bukan hari kerja ({status.Reason}); " +
                     $"batas waktu dimajukan ke hari kerja sebelumnya, {IndonesianDate.FormatLong(moved)}.";
        return new QuarterDeadline(moved, nominal, reason);
    }

    /// <summary>Whether <paramref name="date"/> is an HK and, if not, why (Indonesian, for display).</summary>
    public DayStatus Describe(DateOnly date, string? unitId = null)
    {
        var working = IsWorkingDay(date, unitId);
        if (unitId is not null && latest.TryGetValue((unitId, date), out var unitOverride))
        {
            return unitOverride.Kind == OverrideKind.Add
                ? new DayStatus(date, working, $"penutupan kantor: {unitOverride.Reason}")
                : new DayStatus(date, working, working ? null : WeekendReason(date));
        }

        if (working)
        {
            return new DayStatus(date, true, null);
        }

        if (latest.TryGetValue((null, date), out var nationalOverride) && nationalOverride.Kind == OverrideKind.Add)
        {
            return new DayStatus(date, false, $"ditetapkan libur: {nationalOverride.Reason}");
        }

        if (IsWeekend(date))
        {
            return new DayStatus(date, false, WeekendReason(date));
        }

        var holiday = Holidays.Find(date);
        return new DayStatus(date, false, holiday is null ? null : $"{holiday.KindLabel}: {holiday.Name}");
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string WeekendReason(DateOnly date) => $"hari {IndonesianDate.DayName(date.DayOfWeek)}";

    private bool IsNationalWorkingDay(DateOnly date)
    {
        if (IsWeekend(date))
        {
            return false;
        }

        if (latest.TryGetValue((null, date), out var o))
        {
            return o.Kind == OverrideKind.Remove;
        }

        return Holidays.Find(date) is null;
    }

    private DayTable Table(string? unitId) =>
        unitId is not null && perUnit.TryGetValue(unitId, out var table) ? table : national;

    private int Index(DateOnly date)
    {
        if (!Holidays.Covers(date.Year))
        {
            throw new CalendarNotAvailableException(date.Year);
        }

        return date.DayNumber - firstDayNumber;
    }

    /// <summary>CountThrough[i] = HK on days 0..i; WorkingDays[k] = index of the (k+1)-th HK.</summary>
    private sealed class DayTable
    {
        public DayTable(bool[] nonWorking)
        {
            CountThrough = new int[nonWorking.Length];
            var working = new List<int>(nonWorking.Length);
            for (var i = 0; i < nonWorking.Length; i++)
            {
                if (!nonWorking[i])
                {
                    working.Add(i);
                }

                CountThrough[i] = working.Count;
            }

            WorkingDays = [.. working];
        }

        public int[] CountThrough { get; }

        public int[] WorkingDays { get; }

        public bool IsWorking(int index) => CountThrough[index] - (index > 0 ? CountThrough[index - 1] : 0) == 1;
    }
}
