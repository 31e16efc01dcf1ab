using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Outbox;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Connector;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>
/// A step that reaches menunggu disposisi always ends up with its disposisi and card: the effect is stored with the
/// step, the turn's own relay run sends it, and whatever that run could not do is done by a later run, once.
/// </summary>
public sealed class OutboxRelayTests
{
    private readonly OutboxWorld _o = new();

    [Fact]
    public async Task Submit_SendsDisposisiAndCard_AndLeavesNoPendingEffect()
    {
        var k = await _o.ReadyToSubmitAsync();

        var outcome = await _o.SubmitAsync(k);

        Assert.True(outcome.Succeeded && outcome.SentToLeader, outcome.Error);
        var stored = (await _o.W.Kegiatan.GetAsync(k.Id))!;
        Assert.Null(stored.Outbox);
        Assert.Equal(stored.Version, outcome.Kegiatan!.Version); // the officer's next answer applies to the row as it is now
        var d = (await _o.W.Disposisi.GetAsync(DisposisiIds.For(k.Id, "A.4", 0)))!;
        Assert.NotNull(d.Card);
        Assert.Equal(1, _o.CardsTo(Kepala));
        var submitted = stored.History.Skip(k.History.Count).ToList();
        Assert.NotEmpty(submitted);
        Assert.All(submitted, e => Assert.Contains(e, _o.W.Audit.Events)); // the step's audit copies
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Submit_ConnectorDown_IsSaved_TheRelayLaterSendsTheCardOnce(bool networkError)
    {
        var k = await _o.ReadyToSubmitAsync();
        _o.Connector.Failure = networkError ? () => new HttpRequestException("connection refused") : () => new ConnectorException("503", 503);

        var outcome = await _o.SubmitAsync(k);

        Assert.True(outcome.Succeeded, outcome.Error); // never "not saved": the step is stored
        Assert.Equal(StepStatus.MenungguDisposisi, (await _o.W.Kegiatan.GetAsync(k.Id))!.CurrentStep!.Status);
        Assert.Single((await _o.W.Kegiatan.GetAsync(k.Id))!.Outbox!);
        Assert.Equal(0, _o.CardsTo(Kepala));

        _o.Connector.Failure = null;
        var early = await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart); // the background leaves young effects to the turn
        Assert.Equal((0, 1), (early.Done, early.Pending));

        _o.W.Time.Advance(TimeSpan.FromSeconds(30));
        var held = await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart); // whether the failed post reached Teams is unknown: its claim holds
        Assert.Equal((0, 1), (held.Done, held.Pending));
        Assert.Equal(0, _o.CardsTo(Kepala));

        _o.W.Time.Advance(Domain.Disposisi.DisposisiService.CardLease);
        var run = await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart);
        var again = await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart);

        Assert.Equal((1, 0), (run.Done, run.Pending));
        Assert.Equal((0, 0), (again.Done, again.Pending));
        Assert.Null((await _o.W.Kegiatan.GetAsync(k.Id))!.Outbox);
        Assert.Equal(1, _o.CardsTo(Kepala));
        Assert.NotNull((await _o.W.Disposisi.GetAsync(DisposisiIds.For(k.Id, "A.4", 0)))!.Card);
    }

    [Fact]
    public async Task CrashAfterTheStepWasStored_TwoRelayRunsMakeOneDisposisiAndOneCard()
    {
        var k = await _o.ReadyToSubmitAsync();
        var crashing = new Domain.Application.OfficerWorkflow(_o.W.Engine, _o.W.Kegiatan, _o.W.Audit, [new CrashingRequester()],
            new Domain.Organization.OfficeClock(_o.W.Time, Domain.Organization.UnitCatalog.LoadEmbedded()), _o.W.Time,
            Domain.Sop.SopCatalog.LoadEmbedded(), _o.W.Calendar);

        Assert.True((await _o.SubmitAsync(k, crashing)).Succeeded);
        Assert.Null(await _o.W.Disposisi.GetAsync(DisposisiIds.For(k.Id, "A.4", 0)));

        _o.W.Time.Advance(TimeSpan.FromMinutes(1));
        var runs = await Task.WhenAll(_o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart), _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart));
        await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart);

        Assert.Equal(1, runs.Sum(r => r.Done));
        Assert.Single(await _o.W.Disposisi.ListPendingForAsync(Kepala.AadObjectId));
        Assert.Equal(1, _o.CardsTo(Kepala));
        Assert.Null((await _o.W.Kegiatan.GetAsync(k.Id))!.Outbox);
        // The step's audit events reached the shared log through the relay (the crashed turn never copied them).
        var submitted = (await _o.W.Kegiatan.GetAsync(k.Id))!.History.Skip(k.History.Count).ToList();
        Assert.NotEmpty(submitted);
        Assert.All(submitted, e => Assert.Contains(e, _o.W.Audit.Events)); // (the Audit table keys an event by its hash: a second copy is the same row)
    }

    [Fact]
    public async Task NoLeaderOnRoster_OfficerAndAdminAreToldOnce_DisposisiGoesOutWhenTheRosterHasALeader()
    {
        var kepala = (await _o.W.Roster.GetPersonAsync(Kepala.AadObjectId))!;
        await _o.W.Roster.SavePersonAsync(kepala with { Roles = [RosterRoles.Pelaksana] });
        var k = await _o.ReadyToSubmitAsync();

        Assert.True((await _o.SubmitAsync(k)).Succeeded);
        _o.W.Time.Advance(TimeSpan.FromMinutes(1));
        await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart);
        await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart);

        var officer = Assert.Single(_o.NoticesTo(Officer));
        Assert.Contains("belum dapat dikirim", officer); // in the officer's language (Indonesian here)
        Assert.DoesNotContain("cannot be sent yet", officer);
        Assert.Contains("Sari Petugas", Assert.Single(_o.NoticesTo(Admin)));
        Assert.True(Assert.Single((await _o.W.Kegiatan.GetAsync(k.Id))!.Outbox!).NoLeaderTold);
        Assert.Equal(0, _o.CardsTo(Kepala));

        await _o.W.Roster.SavePersonAsync((await _o.W.Roster.GetPersonAsync(Kepala.AadObjectId))! with { Roles = kepala.Roles }); // the roster import brings the leader back
        var run = await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart);

        Assert.Equal(1, run.Done);
        Assert.Equal(1, _o.CardsTo(Kepala));
        Assert.Null((await _o.W.Kegiatan.GetAsync(k.Id))!.Outbox);
        Assert.Single(_o.NoticesTo(Officer));
    }

    [Fact]
    public async Task EffectOfAStepDecidedMeanwhile_IsDroppedWithoutSending()
    {
        var k = await _o.ReadyToSubmitAsync();
        _o.Connector.Failure = () => new HttpRequestException("down");
        Assert.True((await _o.SubmitAsync(k)).Succeeded);
        var stored = (await _o.W.Kegiatan.GetAsync(k.Id))!;
        var cancelled = _o.W.Engine.Cancel(stored, "tidak jadi", new Actor(Officer.AadObjectId), _o.W.Time.GetUtcNow()).Kegiatan!;
        await _o.W.Kegiatan.UpdateAsync(cancelled, stored.Version!);
        _o.Connector.Failure = null;
        _o.W.Time.Advance(TimeSpan.FromMinutes(1));

        var run = await _o.Relay.RunAsync(k.Id, OutboxRelay.TurnHeadStart);

        Assert.Equal((1, 0), (run.Done, run.Pending));
        Assert.Equal(0, _o.CardsTo(Kepala));
    }

    private sealed class CrashingRequester : IDisposisiRequester
    {
        public Task RequestAsync(DisposisiRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the instance died here");
    }
}

/// <summary>A start repeated with the same answers (retyped after a crash, or on two instances) finds the first kegiatan.</summary>
public sealed class RepeatedStartTests
{
    private readonly OutboxWorld _o = new();

    private Task<Domain.Application.WorkflowOutcome> StartAsync(string title = "FGD Pemda Kota Bandung") =>
        _o.Workflow.StartAsync(Officer.AadObjectId, Officer.UnitId, "A", title, "pemerintah-daerah", "fgd");

    [Fact]
    public async Task SameAnswersAgain_ReturnsTheFirstKegiatan()
    {
        var first = await StartAsync();
        var again = await StartAsync();
        var both = await Task.WhenAll(StartAsync(), StartAsync());

        Assert.True(first.Succeeded && again.Succeeded, first.Error ?? again.Error);
        Assert.Equal(first.Kegiatan!.Id, again.Kegiatan!.Id);
        Assert.All(both, o => Assert.Equal(first.Kegiatan.Id, o.Kegiatan!.Id));
        Assert.Single(await _o.W.Kegiatan.ListByOfficerAsync(Officer.AadObjectId));
    }

    [Fact]
    public async Task OtherAnswers_OrLaterThanTheWindow_OrAfterProgress_StartANewKegiatan()
    {
        var first = (await StartAsync()).Kegiatan!;
        var other = (await StartAsync("FGD Pemda Kabupaten Bandung")).Kegiatan!;
        _o.W.Time.Advance(Domain.Application.OfficerWorkflow.StartRepeatWindow + TimeSpan.FromMinutes(1));
        var later = (await StartAsync()).Kegiatan!;

        Assert.Equal(3, new[] { first.Id, other.Id, later.Id }.Distinct().Count());
        Assert.Equal([1, 2, 3], (await _o.W.Kegiatan.ListByOfficerAsync(Officer.AadObjectId)).Select(k => k.Number ?? 0).Order());
    }
}
