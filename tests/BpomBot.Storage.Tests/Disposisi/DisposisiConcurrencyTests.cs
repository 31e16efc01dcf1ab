using System.Collections.Concurrent;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Disposisi;

/// <summary>
/// Two devices (or a double click) send Setujui at the same moment against Azurite: exactly one decision is recorded,
/// the step completes once, and the other click is answered "sudah diputuskan".
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class DisposisiConcurrencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly TableServiceClient _service = TableStorage.Create(azurite.ConnectionString);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(_service, DisposisiTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("Setujui", "Setujui")]
    [InlineData("Setujui", "Kembalikan")]
    public async Task DecideAsync_TwoSimultaneousClicks_OneDecision_OtherSeesSudahDiputuskan(string first, string second)
    {
        var units = UnitCatalog.LoadEmbedded();
        var calendar = new WorkingDayCalendar(HolidaySet.LoadEmbedded());
        var engine = new KegiatanEngine(SopCatalog.LoadEmbedded(), calendar);
        var time = new FixedTime(Now);
        var roster = new InMemoryRosterRepository();
        var officer = await roster.SavePersonAsync(new PersonRecord("officer-" + Guid.NewGuid(), null, "Sari", "sari@pom.go.id", "bbpom-bandung", [RosterRoles.Pelaksana]));
        var leaderId = "kepala-" + Guid.NewGuid();
        await roster.SavePersonAsync(new PersonRecord(leaderId, null, "Budi", "budi@pom.go.id", "bbpom-bandung", [RosterRoles.KepalaUpt]));
        var kegiatan = new InMemoryKegiatanRepository();
        var repo = new TableDisposisiRepository(_service);
        var audit = new QueueAudit();
        var service = new DisposisiService(repo, kegiatan, engine, new LeaderDirectory(units, roster), new TableDelegationRepository(_service),
            calendar, new OfficeClock(time, units), time, audit, new NoDelivery(), []);

        // A kegiatan of sub-process D walked to D.8 (report to PPTM) would need more roster; A.4 at a UPT suffices.
        var k = await WalkToA4Async(engine, officer.AadObjectId);
        await kegiatan.CreateAsync(k);
        var (d, message) = await service.SendAsync(new DisposisiRequest(k.Id, "A.4", officer.AadObjectId, "bbpom-bandung", DisposisiKinds.ReportToLeader, k.CurrentStep!.DueOn, "Laporan"));
        Assert.True(d is not null, message.Indonesian);

        using var start = new ManualResetEventSlim();
        var clicks = new[] { first, second }.Select(verb => Task.Run(async () =>
        {
            start.Wait();
            return await service.DecideAsync(new DecisionCommand(d.Id, leaderId, Enum.Parse<DecisionVerb>(verb), DisposisiInput.None, "alasan"));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(clicks);

        Assert.Single(outcomes, o => o.Status == DecisionStatus.Decided);
        var loser = Assert.Single(outcomes, o => o.Status != DecisionStatus.Decided);
        Assert.Equal(DecisionStatus.AlreadyDecided, loser.Status);
        Assert.Contains("sudah diputuskan", loser.Message.Indonesian);
        var stored = (await repo.GetAsync(d.Id))!;
        Assert.True(stored.IsDecided);
        Assert.Single(audit.Events, e => e.Action is "disposisi.approved" or "disposisi.returned");
        var step = (await kegiatan.GetAsync(k.Id))!.FindStep("A.4")!;
        Assert.Equal(stored.State == DisposisiState.Disetujui ? StepStatus.Selesai : StepStatus.Berjalan, step.Status);
        Assert.Single(audit.Events, e => e.Action is "step.approved" or "step.returned");
    }

    private static Task<BpomBot.Domain.Workflow.Kegiatan> WalkToA4Async(KegiatanEngine engine, string officerId)
    {
        var actor = new Actor(officerId);
        var on = new DateOnly(2026, 3, 2);
        var k = engine.Start(new StartKegiatan("k-" + Guid.NewGuid().ToString("N")[..8], "POM-04.01/CFM.01/SOP.01", "A", WorkflowKind.PerKegiatan, "FGD", "pemerintah-daerah", "fgd", "bbpom-bandung", officerId, 2026), actor, Now).Kegiatan!;
        while (engine.CurrentStepDefinition(k) is { } step && k.CurrentStep!.Status != StepStatus.MenungguDisposisi)
        {
            foreach (var item in engine.MissingKelengkapan(k)) k = engine.RecordKelengkapan(k, item.Id, item.Alternatives[0], "ref", on, actor, Now).Kegiatan!;
            if (step.IsNotApplicableWaktu && k.CurrentStep!.PlannedOn is null) k = engine.SetPlannedDate(k, on, actor, Now).Kegiatan!;
            k = (step.Disposisi is not null ? engine.SubmitToLeader(k, "laporan", on, actor, Now) : engine.CompleteStep(k, "out", on, actor, Now)).Kegiatan!;
        }

        return Task.FromResult(k);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class NoDelivery : IDisposisiDelivery
    {
        public Task<CardDelivery> SendCardAsync(DisposisiView view, CancellationToken cancellationToken = default) => Task.FromResult(CardDelivery.None);

        public Task UpdateCardsAsync(DisposisiView view, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task TellOfficerAsync(DisposisiView view, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task TellAsync(string personId, Phrase text, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class QueueAudit : IAuditLog
    {
        public ConcurrentQueue<AuditEvent> Events { get; } = new();

        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            Events.Enqueue(auditEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([]);

        public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([]);
    }
}
