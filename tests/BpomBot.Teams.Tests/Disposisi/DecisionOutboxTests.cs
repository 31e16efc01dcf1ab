using BpomBot.Domain.Abstractions;
using BpomBot.Domain.AnnualCycle;
using BpomBot.Domain.Application;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Outbox;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>
/// A leader's decision that leaves the kegiatan waiting for a leader again requests that disposisi (the outbox rule):
/// the PPTM approving the Unit Kerja Pusat's A.8 opens A.9 (masukan dan arahan, a leader-decides step), whose disposisi
/// goes to the PPTM or Kepala BPOM the data names, never to a Kepala UPT, for the officer of the recap.
/// </summary>
public sealed class DecisionOutboxTests
{
    private static readonly PersonRecord Pmpu = new("00000000-0000-0000-0000-0000000000f1", "29:pmpu", "Patti Pusat", "patti@pom.go.id", "dit-pmpu-po", [RosterRoles.Pelaksana]);
    private static readonly PersonRecord Direktur = new("00000000-0000-0000-0000-0000000000f2", "29:dir", "Dina Direktur", "dina@pom.go.id", "dit-pmpu-po", [RosterRoles.Direktur]);
    private static readonly PersonRecord Deputi = new("00000000-0000-0000-0000-0000000000f3", "29:deputi", "Lynne Deputi", "lynne@pom.go.id", "deputi-po", [RosterRoles.Pptm]);
    private static readonly PersonRecord KepalaBadan = new("00000000-0000-0000-0000-0000000000f4", "29:kbpom", "Kepala Badan", "kbpom@pom.go.id", "kepala-bpom", [RosterRoles.KepalaBpom]);

    private readonly OutboxWorld _o = new();

    private DisposisiWorld W => _o.W;

    private async Task<(Kegiatan Rekap, Domain.Disposisi.Disposisi A8)> RekapAtA8Async(bool withLeaders = true)
    {
        foreach (var p in withLeaders ? new[] { Pmpu, Direktur, Deputi, KepalaBadan } : [Pmpu])
        {
            await W.Roster.SavePersonAsync(p);
            W.References.Add(p);
        }

        var units = UnitCatalog.LoadEmbedded();
        var cycle = new AnnualCycleService(W.Engine, W.Kegiatan, W.Audit, units, new OfficeClock(W.Time, units), W.Time, SopCatalog.LoadEmbedded(), W.Calendar,
            new AnnualCycleOptions(), new ExecutorDirectory(units, W.Roster));
        var opened = await cycle.OpenPartAsync(Pmpu.AadObjectId, Pmpu.UnitId, "A");
        Assert.True(opened.Succeeded, opened.Error);
        var rekap = opened.Kegiatan!;
        Assert.Equal("A.8", rekap.CurrentStepId);
        var on = DateOnly.FromDateTime(Start.UtcDateTime);
        var actor = new Actor(Pmpu.AadObjectId);
        foreach (var item in W.Engine.MissingKelengkapan(rekap))
            rekap = await SaveAsync(rekap, W.Engine.RecordKelengkapan(rekap, item.Id, item.Alternatives[0], "rekap-upt", on, actor, Start));
        Assert.True((await _o.Workflow.CompleteAsync(new KegiatanTarget(rekap.Id, Pmpu.AadObjectId), "https://files.example/rekap-a8.pdf")).Succeeded);
        var a8 = (await W.Disposisi.GetAsync(DisposisiIds.For(rekap.Id, "A.8", 0)))!;
        Assert.Equal(Deputi.AadObjectId, a8.ToId);
        return ((await W.Kegiatan.GetAsync(rekap.Id))!, a8);
    }

    private async Task<Kegiatan> SaveAsync(Kegiatan before, KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        await W.Kegiatan.UpdateAsync(result.Kegiatan!, before.Version!);
        return (await W.Kegiatan.GetAsync(before.Id))!;
    }

    [Fact]
    public async Task PptmApprovesA8_A9DisposisiGoesToThePptm_ForTheRecapsOfficer_WithItsCard()
    {
        var (rekap, a8) = await RekapAtA8Async();
        var cardsBefore = _o.CardsTo(Deputi);

        var outcome = await _o.Service.DecideAsync(new DecisionCommand(a8.Id, Deputi.AadObjectId, DecisionVerb.Setujui, DisposisiInput.None));

        Assert.Equal(DecisionStatus.Decided, outcome.Status);
        var stored = (await W.Kegiatan.GetAsync(rekap.Id))!;
        Assert.Equal(("A.9", StepStatus.MenungguDisposisi), (stored.CurrentStepId, stored.CurrentStep!.Status));
        Assert.Null(stored.Outbox); // the effect was stored with the step and done by the relay within the click
        var a9 = await W.Disposisi.GetAsync(DisposisiIds.For(rekap.Id, "A.9", 0));
        Assert.NotNull(a9);
        Assert.Equal(Deputi.AadObjectId, a9.ToId); // the PPTM named by the data, not a Kepala UPT, not the Direktur
        Assert.NotEqual(Kepala.AadObjectId, a9.ToId);
        Assert.Equal(Pmpu.AadObjectId, a9.OfficerId); // the recap's officer, not the leader who approved A.8
        Assert.Equal(DisposisiKinds.LeaderDecides, a9.Kind);
        Assert.NotNull(a9.Card);
        Assert.Equal(cardsBefore + 1, _o.CardsTo(Deputi));
        Assert.Equal(0, _o.CardsTo(Kepala));
        Assert.Contains(W.Audit.Events, e => e.Subject == $"disposisi/{a9.Id}" && e.Action == "disposisi.sent");
        var change = stored.History.Skip(rekap.History.Count).ToList();
        Assert.NotEmpty(change);
        Assert.All(change, e => Assert.Contains(e, W.Audit.Events)); // the approval's audit copies, through the effect
    }

    [Fact]
    public async Task A8ApprovedTwice_OneA9Disposisi_OneCard()
    {
        var (rekap, a8) = await RekapAtA8Async();
        var cardsBefore = _o.CardsTo(Deputi);

        await _o.Service.DecideAsync(new DecisionCommand(a8.Id, Deputi.AadObjectId, DecisionVerb.Setujui, DisposisiInput.None));
        var again = await _o.Service.DecideAsync(new DecisionCommand(a8.Id, Deputi.AadObjectId, DecisionVerb.Setujui, DisposisiInput.None));
        W.Time.Advance(TimeSpan.FromMinutes(1));
        await _o.Relay.RunAsync(rekap.Id, OutboxRelay.TurnHeadStart);

        Assert.Equal(DecisionStatus.AlreadyDecided, again.Status);
        Assert.Equal(cardsBefore + 1, _o.CardsTo(Deputi));
        Assert.Single(await W.Disposisi.ListPendingForAsync(Deputi.AadObjectId), d => d.StepId == "A.9");
    }

    [Fact]
    public async Task A8Approved_WhileTheConnectorIsDown_A9StaysPending_TheRelaySendsItLater()
    {
        var (rekap, a8) = await RekapAtA8Async();
        var cardsBefore = _o.CardsTo(Deputi);
        _o.Connector.Failure = () => new HttpRequestException("connection refused");

        await _o.Service.DecideAsync(new DecisionCommand(a8.Id, Deputi.AadObjectId, DecisionVerb.Setujui, DisposisiInput.None));

        var stored = (await W.Kegiatan.GetAsync(rekap.Id))!;
        Assert.Equal(("A.9", StepStatus.MenungguDisposisi), (stored.CurrentStepId, stored.CurrentStep!.Status));
        Assert.Equal("A.9", Assert.Single(stored.Outbox!).StepId);

        _o.Connector.Failure = null;
        W.Time.Advance(TimeSpan.FromMinutes(1));
        var run = await _o.Relay.RunAsync(rekap.Id, OutboxRelay.TurnHeadStart);

        Assert.Equal((1, 0), (run.Done, run.Pending));
        Assert.Equal(cardsBefore + 1, _o.CardsTo(Deputi));
        Assert.Equal(Deputi.AadObjectId, (await W.Disposisi.GetAsync(DisposisiIds.For(rekap.Id, "A.9", 0)))!.ToId);
    }

    [Fact]
    public async Task KembalikanA8_LeavesNothingPending()
    {
        var (rekap, a8) = await RekapAtA8Async();

        await _o.Service.DecideAsync(new DecisionCommand(a8.Id, Deputi.AadObjectId, DecisionVerb.Kembalikan, DisposisiInput.None, "Lengkapi rekap Balai Medan"));

        var stored = (await W.Kegiatan.GetAsync(rekap.Id))!;
        Assert.Equal("A.8", stored.CurrentStepId);
        Assert.NotEqual(StepStatus.MenungguDisposisi, stored.CurrentStep!.Status);
        Assert.Null(stored.Outbox);
        Assert.Null(await W.Disposisi.GetAsync(DisposisiIds.For(rekap.Id, "A.9", 0)));
    }
}
