using BpomBot.Domain.Calendar;
using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

public sealed class HaloBpomServiceStandardTests
{
    /// <summary>Monday–Friday working days with an optional set of holidays; enough for due-date arithmetic.</summary>
    private sealed class WeekdayCalendar(params DateOnly[] holidays) : IWorkingDayCalendar
    {
        public bool IsWorkingDay(DateOnly date, string? unitId = null) =>
            date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

        public DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null)
        {
            var d = start;
            for (var n = 0; n < workingDays;)
            {
                d = d.AddDays(1);
                n += IsWorkingDay(d) ? 1 : 0;
            }

            return d;
        }

        public int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null) => throw new NotSupportedException();

        public DateOnly NextWorkingDay(DateOnly date, string? unitId = null) => throw new NotSupportedException();

        public DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null) => throw new NotSupportedException();

        public QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(HaloBpomRequestKind.Information, 5)]
    [InlineData(HaloBpomRequestKind.Complaint, 14)]
    [InlineData(HaloBpomRequestKind.ComplaintWithFieldInspection, 60)]
    public void WorkingDays_Kind_MatchesServiceStandard(HaloBpomRequestKind kind, int days) =>
        Assert.Equal(days, HaloBpomServiceStandard.WorkingDays(kind));

    [Fact]
    public void DueDate_InformationReceivedMonday_IsNextMonday()
    {
        var monday = new DateOnly(2026, 11, 23);
        Assert.Equal(new DateOnly(2026, 11, 30), HaloBpomServiceStandard.DueDate(monday, HaloBpomRequestKind.Information, new WeekdayCalendar()));
    }

    [Fact]
    public void DueDate_ComplaintOverHoliday_SkipsHoliday()
    {
        var monday = new DateOnly(2026, 11, 23);
        var calendar = new WeekdayCalendar(new DateOnly(2026, 11, 25));
        // 14 HK from Monday 23 Nov: without the holiday Friday 11 Dec; the holiday pushes it over the weekend to Monday 14 Dec.
        Assert.Equal(new DateOnly(2026, 12, 11), HaloBpomServiceStandard.DueDate(monday, HaloBpomRequestKind.Complaint, new WeekdayCalendar()));
        Assert.Equal(new DateOnly(2026, 12, 14), HaloBpomServiceStandard.DueDate(monday, HaloBpomRequestKind.Complaint, calendar));
    }

    [Fact]
    public void DueDate_UnknownKind_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HaloBpomServiceStandard.DueDate(new DateOnly(2026, 11, 23), (HaloBpomRequestKind)9, new WeekdayCalendar()));
}
