using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Tests.Sop;

public sealed class SopPlannerTests
{
    private static readonly SopDefinition Sop = SopCatalog.LoadEmbedded().All.Single();
    private readonly TestHkCalendar _calendar = new();

    [Fact]
    public void Plan_A_ChainsDueDates_AndShowsNaAsRencana()
    {
        var plan = SopPlanner.Plan(Sop.FindSubProcess("A")!, new DateOnly(2026, 3, 2), _calendar);

        Assert.Equal(["A.1", "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"], plan.Select(p => p.Step.Id));
        // A.1: 10 HK from Mon 2 Mar = Mon 16 Mar; A.2: 15 HK = Tue 7 Apr (Good Friday 3 Apr skipped).
        Assert.Equal(new DateOnly(2026, 3, 16), plan[0].Due);
        Assert.Equal(new DateOnly(2026, 3, 16), plan[1].Start);
        Assert.Equal(new DateOnly(2026, 4, 7), plan[1].Due);
        Assert.Null(plan[2].Due);
        Assert.Equal(new DateOnly(2026, 4, 7), plan[3].Start);
    }

    [Fact]
    public void Plan_D_D8TakesTheQuarterDeadlineWhenEarlier()
    {
        var sub = Sop.FindSubProcess("D")!;
        var plan = SopPlanner.Plan(sub, new DateOnly(2026, 1, 5), _calendar);
        var d8 = plan.Single(p => p.Step.Id == "D.8");
        var tenHk = _calendar.AddWorkingDays(d8.Start, 10);
        var quarter = _calendar.QuarterDeadline(d8.Start).Date;
        Assert.Equal(tenHk < quarter ? tenHk : quarter, d8.Due);
        Assert.Equal(9, plan.Count);
    }
}
