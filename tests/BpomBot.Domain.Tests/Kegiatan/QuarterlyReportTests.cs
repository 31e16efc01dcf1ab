using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Tests.Kegiatan;

/// <summary>D.8: one monitoring report per quarter of the monitoring period, each due by the 10th after its quarter ends.</summary>
public sealed class QuarterlyReportTests
{
    private readonly EngineFixture _f = new();

    private Workflow.Kegiatan AtD8(DateOnly d7Done)
    {
        var k = _f.Start(sub: "D", stakeholder: "pemerintah-daerah", bentuk: "bimtek");
        var day = new DateOnly(2026, 1, 5);
        while (k.CurrentStepId != "D.7")
        {
            k = _f.FillKelengkapan(k, day);
            var record = k.CurrentStep!;
            if (record.Status == StepStatus.Berjalan && record.DueOn is null && record.PlannedOn is null)
                k = _f.Ok(_f.Engine.SetPlannedDate(k, record.StartedOn!.Value, EngineFixture.Officer, EngineFixture.At));
            record = k.CurrentStep!;
            if (record.Status == StepStatus.MenungguDisposisi)
                k = _f.Ok(_f.Engine.Approve(k, record.StartedOn!.Value, EngineFixture.Leader, EngineFixture.At, "sah"));
            else
                k = _f.Ok(_f.Engine.CompleteStep(k, "out-" + record.StepId, record.StartedOn!.Value, EngineFixture.Officer, EngineFixture.At));
        }

        k = _f.FillKelengkapan(k, day);
        return _f.Ok(_f.Engine.CompleteStep(k, "MONEV", d7Done, EngineFixture.Officer, EngineFixture.At));
    }

    [Fact]
    public void MonitoringPeriodOfThreeQuarters_ThreeReports_EachDueTheTenthAfterItsQuarter_StepEndsAfterTheLast()
    {
        var k = AtD8(new DateOnly(2026, 2, 2));
        Assert.Equal("D.8", k.CurrentStepId);
        Assert.Single(k.CurrentStep!.Quarters); // by default: the quarter the step started in

        k = _f.Ok(_f.Engine.SetMonitoringPeriod(k, new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 30), EngineFixture.Officer, EngineFixture.At));
        Assert.Equal(["2026-T1", "2026-T2", "2026-T3"], k.CurrentStep!.Quarters.Select(q => q.Quarter));
        Assert.Equal([new DateOnly(2026, 4, 10), new DateOnly(2026, 7, 10), new DateOnly(2026, 10, 9)], k.CurrentStep.Quarters.Select(q => q.DueOn)); // 10 Oct 2026 is a Saturday
        Assert.Equal(new DateOnly(2026, 4, 10), k.CurrentStep.DueOn);

        k = _f.Ok(_f.Engine.SubmitToLeader(k, "laporan-T1", new DateOnly(2026, 4, 8), EngineFixture.Officer, EngineFixture.At));
        k = _f.Ok(_f.Engine.Approve(k, new DateOnly(2026, 4, 9), EngineFixture.Leader, EngineFixture.At));
        Assert.Equal(("D.8", StepStatus.Berjalan, new DateOnly(2026, 7, 10)), (k.CurrentStepId, k.CurrentStep!.Status, k.CurrentStep.DueOn));
        Assert.Contains("2026-T2", k.CurrentStep.DueReason);

        k = _f.Ok(_f.Engine.SubmitToLeader(k, "laporan-T2", new DateOnly(2026, 7, 6), EngineFixture.Officer, EngineFixture.At));
        k = _f.Ok(_f.Engine.Approve(k, new DateOnly(2026, 7, 7), EngineFixture.Leader, EngineFixture.At));
        k = _f.Ok(_f.Engine.SubmitToLeader(k, "laporan-T3", new DateOnly(2026, 10, 12), EngineFixture.Officer, EngineFixture.At));
        k = _f.Ok(_f.Engine.Approve(k, new DateOnly(2026, 10, 13), EngineFixture.Leader, EngineFixture.At));

        Assert.Equal("D.9", k.CurrentStepId);
        var d8 = k.FindStep("D.8")!;
        Assert.Equal(["laporan-T1", "laporan-T2", "laporan-T3"], d8.Quarters.Select(q => q.Reference));
        Assert.Equal(2, d8.LateHk); // T3 approved two HK after its due date
    }

    [Fact]
    public void MonitoringPeriod_BadRangeOrWrongStep_Refused()
    {
        var k = AtD8(new DateOnly(2026, 2, 2));
        EngineFixture.Refused(_f.Engine.SetMonitoringPeriod(k, new DateOnly(2026, 9, 1), new DateOnly(2026, 1, 1), EngineFixture.Officer, EngineFixture.At), RefusalCodes.TanggalTidakValid);
        EngineFixture.Refused(_f.Engine.SetMonitoringPeriod(_f.Start(), new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), EngineFixture.Officer, EngineFixture.At), RefusalCodes.StatusTidakSesuai);
    }
}
