using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(HolidaySet.LoadEmbedded());

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public static TheoryData<string, string, int, string> DueDates => new()
    {
        // label, receipt (day 0), N, expected due date
        { "Lebaran 2024: cuti bersama 8-9, Idul Fitri 10-11, cuti bersama 12 and 15 Apr", "2024-04-05", 5, "2024-04-22" },
        { "Lebaran 2024: receipt on Idul Fitri itself", "2024-04-10", 1, "2024-04-16" },
        { "Lebaran 2023 (revised): 19-21 and 24-25 Apr off, 26 Apr is an HK", "2023-04-18", 1, "2023-04-26" },
        { "Lebaran 2023: pre-revision date 26 Apr stays an HK", "2023-04-25", 1, "2023-04-26" },
        { "Lebaran 2026: Nyepi 19, cuti bersama 18, 20, 23, 24 Mar", "2026-03-17", 1, "2026-03-25" },
        { "Lebaran 2026: ten HK across the whole break and Good Friday 3 Apr", "2026-03-16", 10, "2026-04-07" },
        { "Christmas 2024 and New Year 2025", "2024-12-24", 3, "2024-12-31" },
        { "Christmas 2024: crosses into 2025 past 1 Jan", "2024-12-24", 4, "2025-01-02" },
        { "Christmas 2025: 25 libur, 26 cuti bersama", "2025-12-24", 1, "2025-12-29" },
        { "Pemilu 14 Feb 2024 (Keppres 10/2024)", "2024-02-13", 1, "2024-02-15" },
        { "Pilkada 27 Nov 2024 (Keppres 33/2024)", "2024-11-26", 1, "2024-11-28" },
        { "18 Aug 2025 cuti bersama (SKB 933/2025)", "2025-08-15", 1, "2025-08-19" },
        { "Year boundary 2026 to 2027: 1 Jan 2027 is a Friday libur", "2026-12-31", 1, "2027-01-04" },
        { "Year boundary 2022 to 2023", "2022-12-30", 1, "2023-01-02" },
        { "Receipt on a Saturday counts Monday as day 1", "2026-07-18", 1, "2026-07-20" },
        { "Receipt on a Sunday, five HK", "2026-07-19", 5, "2026-07-24" },
        { "Plain week: Friday + 1 skips the weekend", "2026-07-17", 1, "2026-07-20" },
        { "Last covered day", "2027-12-30", 1, "2027-12-31" },
    };

    [Theory]
    [MemberData(nameof(DueDates))]
    public void AddWorkingDays_LabelledCase_ReturnsExpectedDueDate(string label, string receipt, int n, string expected)
    {
        Assert.False(string.IsNullOrEmpty(label));
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(receipt), n));
    }

    [Fact]
    public void AddWorkingDays_EveryThirdDayAndNOneToSixty_MatchesDayByDayReference()
    {
        var holidays = HolidaySet.LoadEmbedded();
        var checkedCases = 0;
        for (var start = D("2022-01-01"); start <= D("2027-09-30"); start = start.AddDays(3))
        {
            for (var n = 1; n <= 60; n++)
            {
                Assert.Equal(NaiveAddWorkingDays(holidays, start, n), Calendar.AddWorkingDays(start, n));
                checkedCases++;
            }
        }

        Assert.True(checkedCases > 40_000);
    }

    [Fact]
    public void WorkingDaysBetween_EveryDayOf2024AgainstFixedDate_MatchesReference()
    {
        var holidays = HolidaySet.LoadEmbedded();
        var anchor = D("2024-06-14");
        for (var d = D("2024-01-01"); d <= D("2024-12-31"); d = d.AddDays(1))
        {
            var (from, to, sign) = d >= anchor ? (anchor, d, 1) : (d, anchor, -1);
            var expected = 0;
            for (var x = from.AddDays(1); x <= to; x = x.AddDays(1))
            {
                expected += NaiveIsWorkingDay(holidays, x) ? 1 : 0;
            }

            Assert.Equal(sign * expected, Calendar.WorkingDaysBetween(anchor, d));
        }
    }

    [Theory]
    [InlineData("2024-04-05", "2024-04-22", 5)]
    [InlineData("2024-04-22", "2024-04-05", -5)]
    [InlineData("2024-04-10", "2024-04-10", 0)]
    [InlineData("2024-04-06", "2024-04-16", 1)]
    [InlineData("2026-12-30", "2027-01-04", 2)]
    public void WorkingDaysBetween_Pairs_CountsWorkingDaysAfterFromThroughTo(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));

    [Theory]
    [InlineData(2, "sisa 2 HK")]
    [InlineData(0, "jatuh tempo hari ini")]
    [InlineData(-3, "terlambat 3 HK")]
    public void DescribeHkDistance_Sign_ReadsAsRemainingOrLate(int distance, string expected) =>
        Assert.Equal(expected, IndonesianDate.DescribeHkDistance(distance));

    [Theory]
    [InlineData("2024-04-10", false)]
    [InlineData("2024-04-16", true)]
    [InlineData("2024-02-14", false)]
    [InlineData("2025-08-18", false)]
    [InlineData("2023-04-26", true)]
    [InlineData("2026-07-18", false)]
    [InlineData("2022-07-11", true)]
    public void IsWorkingDay_KnownDates_MatchesDecree(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2024-04-10", "2024-04-05", "2024-04-16")]
    [InlineData("2026-07-20", "2026-07-17", "2026-07-21")]
    [InlineData("2027-01-01", "2026-12-31", "2027-01-04")]
    public void PreviousAndNextWorkingDay_AroundDate_SkipNonWorkingDays(string date, string previous, string next)
    {
        Assert.Equal(D(previous), Calendar.PreviousWorkingDay(D(date)));
        Assert.Equal(D(next), Calendar.NextWorkingDay(D(date)));
    }

    [Fact]
    public void QuarterDeadline_TenthIsIdulFitri2024_MovesBackWithReason()
    {
        var deadline = Calendar.QuarterDeadline(D("2024-02-15"));
        Assert.Equal(D("2024-04-10"), deadline.Nominal);
        Assert.Equal(D("2024-04-05"), deadline.Date);
        Assert.NotNull(deadline.Reason);
        Assert.Contains("Idul Fitri", deadline.Reason, StringComparison.Ordinal);
        Assert.Contains("Jumat, 5 April 2024", deadline.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-11-01", "2026-01-10", "2026-01-09", "hari Sabtu")]
    [InlineData("2027-09-30", "2027-10-10", "2027-10-08", "hari Minggu")]
    [InlineData("2022-06-30", "2022-07-10", "2022-07-08", "hari Minggu")]
    public void QuarterDeadline_TenthOnWeekend_MovesToPreviousWorkingDay(string date, string nominal, string expected, string reason)
    {
        var deadline = Calendar.QuarterDeadline(D(date));
        Assert.Equal(D(nominal), deadline.Nominal);
        Assert.Equal(D(expected), deadline.Date);
        Assert.Contains(reason, deadline.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void QuarterDeadline_TenthIsWorkingDay_KeepsDateWithoutReason()
    {
        var deadline = Calendar.QuarterDeadline(D("2024-05-01"));
        Assert.Equal(D("2024-07-10"), deadline.Date);
        Assert.Equal(deadline.Nominal, deadline.Date);
        Assert.Null(deadline.Reason);
    }

    [Fact]
    public void Methods_UncoveredYear_ThrowCalendarNotAvailable()
    {
        var e = Assert.Throws<CalendarNotAvailableException>(() => Calendar.AddWorkingDays(D("2028-01-03"), 1));
        Assert.Equal("kalender HK tahun 2028 belum tersedia", e.Message);
        Assert.Equal(2028, e.Year);
        Assert.Equal(2021, Assert.Throws<CalendarNotAvailableException>(() => Calendar.IsWorkingDay(D("2021-12-31"))).Year);
        Assert.Equal(2028, Assert.Throws<CalendarNotAvailableException>(() => Calendar.AddWorkingDays(D("2027-12-30"), 2)).Year);
        Assert.Equal(2028, Assert.Throws<CalendarNotAvailableException>(() => Calendar.QuarterDeadline(D("2027-11-15"))).Year);
        Assert.Throws<CalendarNotAvailableException>(() => Calendar.WorkingDaysBetween(D("2027-12-01"), D("2028-01-05")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AddWorkingDays_NBelowOne_Throws(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-07-16"), n));

    [Fact]
    public void Describe_CutiBersama_NamesKindAndHoliday()
    {
        var status = Calendar.Describe(D("2025-08-18"));
        Assert.False(status.IsWorkingDay);
        Assert.Equal("cuti bersama: Cuti Bersama Proklamasi Kemerdekaan (HUT ke-80 RI)", status.Reason);
    }

    private static bool NaiveIsWorkingDay(HolidaySet holidays, DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && holidays.Find(date) is null;

    private static DateOnly NaiveAddWorkingDays(HolidaySet holidays, DateOnly start, int n)
    {
        var d = start;
        while (n > 0)
        {
            d = d.AddDays(1);
            if (NaiveIsWorkingDay(holidays, d))
            {
                n--;
            }
        }

        return d;
    }
}
