using System.Collections.Concurrent;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Outbox;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.InMemory;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Disposisi;

/// <summary>
/// The first card of a disposisi is posted by whoever holds its claim (docs/outbox.md, "Cards once"), against Azurite:
/// two relays at once (two instances) post one card; a relay run after a restart inside the claim's lease posts none;
/// a claimant that stopped before posting is replaced after the lease by exactly one run; only a claimant killed with its
/// card in flight leaves a second card, recorded as a taken-over claim.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class DisposisiCardClaimTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Unit = "bbpom-bandung";
    private readonly TableServiceClient _service = TableStorage.Create(azurite.ConnectionString);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly InMemoryKegiatanRepository _kegiatan = new();
    private readonly InMemoryRosterRepository _roster = new();
    private readonly InMemoryConversationReferenceRepository _references = new();
    private readonly KegiatanEngine _engine = new(SopCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
    private readonly PostLog _posts = new();
    private string _officer = null!;
    private string _leader = null!;

    public async Task InitializeAsync()
    {
        await StorageTableInitializer.CreateTablesAsync(_service, DisposisiTables.All);
        _officer = (await _roster.SavePersonAsync(new PersonRecord("officer-" + Guid.NewGuid(), null, "Sari", "sari@pom.go.id", Unit, [RosterRoles.Pelaksana]))).AadObjectId;
        _leader = "kepala-" + Guid.NewGuid();
        await _roster.SavePersonAsync(new PersonRecord(_leader, null, "Budi", "budi@pom.go.id", Unit, [RosterRoles.KepalaUpt]));
        await _references.SaveAsync(new ConversationReferenceRecord("a:" + _leader, _leader, "tenant", "https://smba.example/", "{}", _time.GetUtcNow()));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoRelaysAtOnce_OnNewDisposisi_PostOneCard()
    {
        var request = await WaitingStepAsync();
        var held = new HeldDelivery(_posts);
        var first = Task.Run(() => Instance(held).DispatchAsync(request, noLeaderTold: false));
        await PostingAsync(held, first); // the first instance is posting the card right now

        var second = await Instance(new HeldDelivery(_posts, hold: false)).DispatchAsync(request, noLeaderTold: false);
        held.Release();
        var firstResult = await first;

        Assert.Equal((DispatchStatus.Done, DispatchStatus.Retry), (firstResult.Status, second.Status));
        Assert.Equal(1, _posts.Count);
        var stored = await StoredAsync(request);
        Assert.NotNull(stored.Card);
        Assert.Equal(1, stored.CardClaim!.Attempt);

        _time.Advance(DisposisiService.CardLease * 2);
        Assert.Equal(DispatchStatus.Done, (await Instance().DispatchAsync(request, noLeaderTold: false)).Status);
        Assert.Equal(1, _posts.Count);
    }

    [Fact]
    public async Task ClaimantKilledBeforeItsPost_TwoRelaysAfterTheLease_PostOneCard()
    {
        var request = await WaitingStepAsync();
        await Assert.ThrowsAsync<KilledException>(() => Instance(new KilledDelivery(_posts, afterPost: false)).DispatchAsync(request, noLeaderTold: false));
        _time.Advance(DisposisiService.CardLease);

        var held = new HeldDelivery(_posts);
        var first = Task.Run(() => Instance(held).DispatchAsync(request, noLeaderTold: false));
        await PostingAsync(held, first);
        var second = await Instance(new HeldDelivery(_posts, hold: false)).DispatchAsync(request, noLeaderTold: false);
        held.Release();

        Assert.Equal((DispatchStatus.Done, DispatchStatus.Retry), ((await first).Status, second.Status));
        Assert.Equal(1, _posts.Count);
        var stored = await StoredAsync(request);
        Assert.NotNull(stored.Card);
        Assert.Equal(2, stored.CardClaim!.Attempt); // taken over once
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RelayRunAfterARestart_InsideTheLease_PostsNothing(bool killedAfterPost)
    {
        var request = await WaitingStepAsync();
        await Assert.ThrowsAsync<KilledException>(() => Instance(new KilledDelivery(_posts, killedAfterPost)).DispatchAsync(request, noLeaderTold: false));
        var postedBefore = _posts.Count;

        // The restarted instance: the start-up sweep, the redelivered turn's relay, the next sweeps, all inside the lease.
        foreach (var after in new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30) })
        {
            _time.Advance(after);
            Assert.Equal(DispatchStatus.Retry, (await Instance().DispatchAsync(request, noLeaderTold: false)).Status);
        }

        Assert.Equal(postedBefore, _posts.Count);
        Assert.Null((await StoredAsync(request)).Card);
    }

    [Fact]
    public async Task ClaimantKilledWithItsCardInFlight_IsTheOnlySecondCard_AndIsRecordedAsTakenOver()
    {
        var request = await WaitingStepAsync();
        await Assert.ThrowsAsync<KilledException>(() => Instance(new KilledDelivery(_posts, afterPost: true)).DispatchAsync(request, noLeaderTold: false));
        _time.Advance(DisposisiService.CardLease);

        Assert.Equal(DispatchStatus.Done, (await Instance().DispatchAsync(request, noLeaderTold: false)).Status);
        Assert.Equal(DispatchStatus.Done, (await Instance().DispatchAsync(request, noLeaderTold: false)).Status);

        Assert.Equal(2, _posts.Count); // the residual: the Teams API cannot tell whether the killed post arrived
        Assert.Equal(2, (await StoredAsync(request)).CardClaim!.Attempt);
    }

    [Fact]
    public async Task ClaimantTooSlowToPostInsideItsLease_LeavesItToExpire_ThenOneCard()
    {
        var request = await WaitingStepAsync();
        var slow = Instance(delivery: null, audit: new SlowAudit(_time, DisposisiService.ClaimFreshFor + TimeSpan.FromSeconds(1)));

        Assert.Equal(DispatchStatus.Retry, (await slow.DispatchAsync(request, noLeaderTold: false)).Status);
        Assert.Equal(0, _posts.Count);

        _time.Advance(DisposisiService.CardLease);
        Assert.Equal(DispatchStatus.Done, (await Instance().DispatchAsync(request, noLeaderTold: false)).Status);
        Assert.Equal(1, _posts.Count);
    }

    [Fact]
    public async Task RowStoredBeforeClaims_CountsItsLeaseFromItsCreation()
    {
        var request = await WaitingStepAsync();
        await Assert.ThrowsAsync<KilledException>(() => Instance(new KilledDelivery(_posts, afterPost: false)).DispatchAsync(request, noLeaderTold: false));
        var repo = new TableDisposisiRepository(_service, _time);
        var legacy = await StoredAsync(request);
        legacy.CardClaim = null;
        await repo.UpdateAsync(legacy, legacy.Version!);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(DispatchStatus.Retry, (await Instance().DispatchAsync(request, noLeaderTold: false)).Status);
        _time.Advance(DisposisiService.CardLease);
        Assert.Equal(DispatchStatus.Done, (await Instance().DispatchAsync(request, noLeaderTold: false)).Status);

        Assert.Equal(1, _posts.Count);
        Assert.Equal(1, (await StoredAsync(request)).CardClaim!.Attempt);
    }

    /// <summary>Waits until the held instance is inside its post; fails if its run ended without posting.</summary>
    private static async Task PostingAsync(HeldDelivery held, Task<DispatchResult> run)
    {
        await Task.WhenAny(held.Entered.Task, run).WaitAsync(TimeSpan.FromSeconds(30));
        var status = run.IsCompleted ? (await run).Status.ToString() : "still running";
        Assert.True(held.Entered.Task.IsCompleted, $"the first instance did not post: {status}");
    }

    /// <summary>One bot instance: its own service objects over the shared Azurite tables.</summary>
    private DisposisiService Instance(IDisposisiDelivery? delivery = null, IAuditLog? audit = null)
    {
        var units = UnitCatalog.LoadEmbedded();
        var calendar = new WorkingDayCalendar(HolidaySet.LoadEmbedded());
        return new DisposisiService(new TableDisposisiRepository(_service, _time), _kegiatan, _engine, new LeaderDirectory(units, _roster),
            new TableDelegationRepository(_service), calendar, new OfficeClock(_time, units), _time, audit ?? new InMemoryAuditLog(),
            delivery ?? new HeldDelivery(_posts, hold: false), [], _references, _roster);
    }

    private async Task<DisposisiRequest> WaitingStepAsync()
    {
        var actor = new Actor(_officer);
        var on = new DateOnly(2026, 3, 2);
        var now = _time.GetUtcNow();
        var k = _engine.Start(new StartKegiatan("k-" + Guid.NewGuid().ToString("N")[..8], "POM-04.01/CFM.01/SOP.01", "A", WorkflowKind.PerKegiatan, "FGD",
            "pemerintah-daerah", "fgd", Unit, _officer, 2026), actor, now).Kegiatan!;
        while (_engine.CurrentStepDefinition(k) is { } step && k.CurrentStep!.Status != StepStatus.MenungguDisposisi)
        {
            foreach (var item in _engine.MissingKelengkapan(k)) k = _engine.RecordKelengkapan(k, item.Id, item.Alternatives[0], "ref", on, actor, now).Kegiatan!;
            if (step.IsNotApplicableWaktu && k.CurrentStep!.PlannedOn is null) k = _engine.SetPlannedDate(k, on, actor, now).Kegiatan!;
            k = (step.Disposisi is not null ? _engine.SubmitToLeader(k, "laporan", on, actor, now) : _engine.CompleteStep(k, "out", on, actor, now)).Kegiatan!;
        }

        await _kegiatan.CreateAsync(k);
        return new DisposisiRequest(k.Id, k.CurrentStepId!, _officer, Unit, DisposisiKinds.ReportToLeader, k.CurrentStep!.DueOn, "Laporan");
    }

    private async Task<Domain.Disposisi.Disposisi> StoredAsync(DisposisiRequest request) =>
        (await new TableDisposisiRepository(_service, _time).GetAsync(DisposisiIds.For(request.KegiatanId, request.StepId, 0)))!;

    /// <summary>Cards that reached the (fake) channel.</summary>
    private sealed class PostLog
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public CardLocation Post() => new("a:leader", "m" + Interlocked.Increment(ref _count), "https://smba.example/");
    }

    /// <summary>Posts the addressee's card; with <c>hold</c>, waits inside the post until released.</summary>
    private sealed class HeldDelivery(PostLog posts, bool hold = true) : QuietDelivery
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public override async Task<CardDelivery> SendCardAsync(DisposisiView view, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            if (hold) await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return new CardDelivery(posts.Post(), [], []);
        }
    }

    /// <summary>The instance dies in the post: before the card left, or after it reached the channel (in flight).</summary>
    private sealed class KilledDelivery(PostLog posts, bool afterPost) : QuietDelivery
    {
        public override Task<CardDelivery> SendCardAsync(DisposisiView view, CancellationToken cancellationToken = default)
        {
            if (afterPost) posts.Post();
            throw new KilledException();
        }
    }

    private abstract class QuietDelivery : IDisposisiDelivery
    {
        public abstract Task<CardDelivery> SendCardAsync(DisposisiView view, CancellationToken cancellationToken = default);

        public Task UpdateCardsAsync(DisposisiView view, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task TellOfficerAsync(DisposisiView view, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task TellAsync(string personId, Phrase text, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>An audit log on a machine so loaded that each append takes <paramref name="delay"/>.</summary>
    private sealed class SlowAudit(FakeTimeProvider time, TimeSpan delay) : IAuditLog
    {
        private readonly ConcurrentQueue<Domain.Audit.AuditEvent> _events = new();

        public Task AppendAsync(Domain.Audit.AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            time.Advance(delay);
            _events.Enqueue(auditEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Domain.Audit.AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Domain.Audit.AuditEvent>>([]);

        public Task<IReadOnlyList<Domain.Audit.AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Domain.Audit.AuditEvent>>([]);
    }

    private sealed class KilledException : Exception;
}
