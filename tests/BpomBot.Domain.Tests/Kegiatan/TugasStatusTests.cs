using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Tests.Kegiatan;

public sealed class TugasStatusTests
{
    private static readonly SopDefinition Sop = SopCatalog.LoadEmbedded().Latest(EngineFixture.SopCode)!;
    private static readonly SopStep Timed = Sop.SubProcesses.SelectMany(s => s.Steps).First(s => !s.IsNotApplicableWaktu);
    private static readonly SopStep Untimed = Sop.SubProcesses.SelectMany(s => s.Steps).First(s => s.IsNotApplicableWaktu);
    private static readonly DateOnly Today = new(2026, 3, 10);

    // Calendar days stand in for HK here: the rules only need a signed distance.
    private static int Hk(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    private static StepRecord Record(StepStatus status, int dueInDays = 5) => new()
    {
        StepId = Timed.Id, Status = status, StartedOn = Today.AddDays(-3), DueOn = Today.AddDays(dueInDays),
    };

    [Theory]
    [InlineData(5, TugasKind.Berjalan, TugasColour.Hijau)]
    [InlineData(2, TugasKind.Berjalan, TugasColour.Kuning)]
    [InlineData(0, TugasKind.Berjalan, TugasColour.Kuning)]
    [InlineData(-3, TugasKind.Terlambat, TugasColour.Merah)]
    public void Running_IsColouredByHkLeft(int dueIn, TugasKind kind, TugasColour colour)
    {
        var state = TugasStatus.Evaluate(Record(StepStatus.Berjalan, dueIn), Timed, Today, Hk);
        Assert.Equal((kind, colour, (int?)dueIn), (state.Kind, state.Colour, state.HkLeft));
    }

    [Fact]
    public void Paused_IsDitundaWithReasonAndSince_NotGreen()
    {
        var record = Record(StepStatus.Ditunda);
        record.PausedOn = Today.AddDays(-2);
        record.PauseReason = "Narasumber berhalangan";

        var state = TugasStatus.Evaluate(record, Timed, Today, Hk);

        Assert.Equal((TugasKind.Ditunda, TugasColour.Abu, "Narasumber berhalangan", (DateOnly?)Today.AddDays(-2), (int?)2),
            (state.Kind, state.Colour, state.Reason, state.Since, state.HkSince));
    }

    [Fact]
    public void Returned_IsDikembalikanWithReason_AtLeastKuning_MerahWhenLate()
    {
        var record = Record(StepStatus.Berjalan, 5);
        record.TimesReturned = 1;
        record.Note = "Lengkapi daftar hadir";
        Assert.Equal((TugasKind.Dikembalikan, TugasColour.Kuning, "Lengkapi daftar hadir"),
            (TugasStatus.Evaluate(record, Timed, Today, Hk) is var s ? (s.Kind, s.Colour, s.Reason) : default));

        record.DueOn = Today.AddDays(-1);
        Assert.Equal(TugasColour.Merah, TugasStatus.Evaluate(record, Timed, Today, Hk).Colour);
    }

    [Fact]
    public void WaitingForKelengkapan_HasNoRunningClock()
    {
        var record = new StepRecord { StepId = Timed.Id, Status = StepStatus.MenungguKelengkapan };
        var state = TugasStatus.Evaluate(record, Timed, Today, Hk);
        Assert.Equal((TugasKind.MenungguKelengkapan, TugasColour.Abu), (state.Kind, state.Colour));
    }

    [Fact]
    public void UntimedStepWithoutPlan_AsksForAPlan()
    {
        var record = new StepRecord { StepId = Untimed.Id, Status = StepStatus.Berjalan };
        Assert.Equal((TugasKind.BelumDirencanakan, TugasColour.Kuning), TugasStatus.Evaluate(record, Untimed, Today, Hk) is var s ? (s.Kind, s.Colour) : default);
    }

    [Fact]
    public void WaitingForLeader_SinceTheSendDate_ColouredByTheLeadersBatasWaktu()
    {
        var record = Record(StepStatus.MenungguDisposisi, 5);
        record.SubmittedOn = Today.AddDays(-4);
        var sent = new DateTimeOffset(2026, 3, 6, 2, 0, 0, TimeSpan.Zero);

        var onTime = TugasStatus.Evaluate(record, Timed, Today, Hk,
            new DisposisiProgress(DisposisiProgressKind.Menunggu, "Budi Kepala", sent, Today.AddDays(3), null), Today.AddDays(-4));
        Assert.Equal((TugasKind.MenungguDisposisi, TugasColour.Hijau, "Budi Kepala", (int?)4), (onTime.Kind, onTime.Colour, onTime.Who, onTime.HkSince));

        var late = TugasStatus.Evaluate(record, Timed, Today, Hk,
            new DisposisiProgress(DisposisiProgressKind.Menunggu, "Budi Kepala", sent, Today.AddDays(-1), null), Today.AddDays(-4));
        Assert.Equal(TugasColour.Merah, late.Colour);

        var unseen = TugasStatus.Evaluate(record, Timed, Today, Hk,
            new DisposisiProgress(DisposisiProgressKind.Menunggu, "Budi Kepala", sent, Today.AddDays(3), null, Reachable: false), Today.AddDays(-4));
        Assert.Equal(TugasColour.Kuning, unseen.Colour);

        var unknown = TugasStatus.Evaluate(record, Timed, Today, Hk);
        Assert.Equal((TugasKind.MenungguDisposisi, TugasColour.Kuning, (int?)4), (unknown.Kind, unknown.Colour, unknown.HkSince)); // 4 HK waiting
    }

    [Fact]
    public void WaitingForLeader_WhenNothingWentOut_IsMerahWithTheReason_NeverGreenForever()
    {
        var record = Record(StepStatus.MenungguDisposisi, 30);
        record.SubmittedOn = Today;
        var state = TugasStatus.Evaluate(record, Timed, Today, Hk,
            new DisposisiProgress(DisposisiProgressKind.BelumTerkirim, null, null, null, "Tidak ada Kepala UPT di roster unit ini"));
        Assert.Equal((TugasKind.DisposisiBelumTerkirim, TugasColour.Merah, "Tidak ada Kepala UPT di roster unit ini"), (state.Kind, state.Colour, state.Reason));
    }
}
