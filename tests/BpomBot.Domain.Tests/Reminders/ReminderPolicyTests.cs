using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;

namespace BpomBot.Domain.Tests.Reminders;

public sealed class ReminderPolicyTests
{
    private static readonly TestCalendar Calendar = new();
    private readonly ReminderPolicy policy = new(Calendar, new ReminderSettings());

    private static ReminderSubject Subject(DateOnly due, string sifat = "Biasa", bool planned = false) =>
        new("kegiatan/K1/A.3", "officer-1", "upt-jkt", due, "A.3 Pelaksanaan advokasi", sifat, planned);

    private static string Show(ReminderOccurrence o) => $"{o.Date:MM-dd} {o.Time:HH:mm} {o.Kind} {o.WorkingDays}{(o.Standalone ? " solo" : string.Empty)}";

    [Fact]
    public void Occurrences_DueRightAfterLebaran2026_CountsOnlyWorkingDaysAroundTheClosure()
    {
        // Closed Wed 18 – Tue 24 March 2026 (Nyepi, Idul Fitri, cuti bersama); due Wed 25 March.
        var all = policy.Occurrences(Subject(new DateOnly(2026, 3, 25))).Take(6).Select(Show).ToList();

        Assert.Equal(
            [
                "03-13 08:00 Before 3",     // Fri 13: three HK before (Mon 16, Tue 17 are H-2, H-1)
                "03-17 08:00 Before 1",     // Tue 17: the last working day before the closure
                "03-25 08:00 DueToday 0",
                "03-26 08:00 Overdue 1",
                "03-27 08:00 Overdue 2",
                "03-27 08:00 Escalation 2", // atasan told after 2 HK overdue (default)
            ],
            all);
    }

    [Fact]
    public void Occurrences_AcrossLongWeekend_SkipsHolidayThursdayAndFriday()
    {
        // Kenaikan (Thu 14 May 2026) + cuti bersama (Fri 15 May): due Tue 19 May.
        var all = policy.Occurrences(Subject(new DateOnly(2026, 5, 19))).Take(4).Select(Show).ToList();

        Assert.Equal(["05-12 08:00 Before 3", "05-18 08:00 Before 1", "05-19 08:00 DueToday 0", "05-20 08:00 Overdue 1"], all);
    }

    [Fact]
    public void Occurrences_PlannedDateOnHoliday_TreatsLastWorkingDayBeforeAsH()
    {
        // An N/A step planned for Saturday 21 March 2026 (Idul Fitri): H is Tue 17, overdue starts Wed 25.
        var all = policy.Occurrences(Subject(new DateOnly(2026, 3, 21), planned: true)).Take(4).Select(Show).ToList();

        Assert.Equal(["03-12 08:00 Before 3", "03-16 08:00 Before 1", "03-17 08:00 DueToday 0", "03-25 08:00 Overdue 1"], all);
    }

    [Fact]
    public void Occurrences_Segera_RemindsEveryDayFromHMinus3AndEscalatesAfterOneDay()
    {
        var all = policy.Occurrences(Subject(new DateOnly(2026, 4, 15), "segera")).Take(7).Select(Show).ToList();

        Assert.Equal(
            [
                "04-10 08:00 Before 3 solo", "04-13 08:00 Before 2 solo", "04-14 08:00 Before 1 solo", "04-15 08:00 DueToday 0 solo",
                "04-16 08:00 Overdue 1 solo", "04-16 08:00 Escalation 1 solo", "04-17 08:00 Overdue 2 solo",
            ],
            all);
    }

    [Fact]
    public void Occurrences_SangatSegera_AddsAfternoonRemindersFromH()
    {
        var all = policy.Occurrences(Subject(new DateOnly(2026, 4, 15), "Sangat  Segera")).Skip(3).Take(5).Select(Show).ToList();

        Assert.Equal(
            [
                "04-15 08:00 DueToday 0 solo", "04-15 13:00 DueToday 0 solo",
                "04-16 08:00 Overdue 1 solo", "04-16 08:00 Escalation 1 solo", "04-16 13:00 Overdue 1 solo",
            ],
            all);
    }

    [Fact]
    public void Occurrences_ConfiguredEscalation_UsesSetting()
    {
        var custom = new ReminderPolicy(Calendar, new ReminderSettings { EscalateAfterWorkingDays = 4 });

        var escalation = custom.Occurrences(Subject(new DateOnly(2026, 4, 15))).Single(o => o.Kind == ReminderKind.Escalation);

        Assert.Equal((new DateOnly(2026, 4, 21), 4), (escalation.Date, escalation.WorkingDays));
    }

    [Fact]
    public void Occurrences_AnyDueDateInSpring2026_NeverFallOnNonWorkingDays()
    {
        for (var due = new DateOnly(2026, 3, 1); due < new DateOnly(2026, 6, 1); due = due.AddDays(1))
        {
            foreach (var sifat in new[] { "Biasa", "Segera", "Sangat Segera" })
            {
                var offDays = policy.Occurrences(Subject(due, sifat)).Take(12).Where(o => !Calendar.IsWorkingDay(o.Date)).ToList();
                Assert.True(offDays.Count == 0, $"{due} {sifat}: {string.Join(", ", offDays.Select(Show))}");
            }
        }
    }

    [Fact]
    public void Occurrences_OverdueReminders_StopAfterCap()
    {
        var capped = new ReminderPolicy(Calendar, new ReminderSettings { MaxOverdueWorkingDays = 5 });

        var last = capped.Occurrences(Subject(new DateOnly(2026, 4, 15))).Last();

        Assert.Equal((ReminderKind.Overdue, 5), (last.Kind, last.WorkingDays));
    }

    [Fact]
    public void Next_OnEscalationDay_ReturnsOfficerAndAtasanTogether()
    {
        var next = policy.Next(Subject(new DateOnly(2026, 3, 25)), new DateTime(2026, 3, 26, 8, 0, 0));

        Assert.Equal(["03-27 08:00 Overdue 2", "03-27 08:00 Escalation 2"], next.Select(Show));
    }

    [Fact]
    public void Next_AfterLastMorning_ReturnsStrictlyLaterMoment()
    {
        var next = policy.Next(Subject(new DateOnly(2026, 3, 25)), new DateTime(2026, 3, 13, 8, 0, 0));

        Assert.Equal(["03-17 08:00 Before 1"], next.Select(Show));
    }

    [Theory]
    [InlineData("2026-04-15T08:00", true)]
    [InlineData("2026-04-15T07:29", false)]
    [InlineData("2026-04-15T16:00", false)]
    [InlineData("2026-04-18T09:00", false)] // Saturday
    [InlineData("2026-03-23T09:00", false)] // cuti bersama Idul Fitri
    public void IsDeliveryWindow_LocalTime_OnlyWorkingDaysAndHours(string local, bool expected) =>
        Assert.Equal(expected, policy.IsDeliveryWindow(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), "upt-jkt"));

    [Theory]
    [InlineData(null, "Biasa")]
    [InlineData("biasa", "Biasa")]
    [InlineData("SEGERA", "Segera")]
    [InlineData(" sangat  segera ", "Sangat Segera")]
    [InlineData("kilat", "Biasa")]
    public void Normalize_AnySpelling_ReturnsCanonicalSifat(string? input, string expected) =>
        Assert.Equal(expected, ReminderPolicy.Normalize(input));
}
