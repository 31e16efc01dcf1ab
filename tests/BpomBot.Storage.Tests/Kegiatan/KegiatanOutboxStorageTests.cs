using Azure.Core;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Outbox;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Storage.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Kegiatan;

/// <summary>
/// On Azurite: a write whose answer was lost and whose retry hits 409/412 from itself counts as stored; the outbox
/// marker is written before the row and removed by the relay's sweep once nothing is pending.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class KegiatanOutboxStorageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Sop = "POM-04.01/CFM.01/SOP.01";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly KegiatanEngine _engine = new(SopCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
    private readonly FakeTimeProvider _time = new(At);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(TableStorage.Create(azurite.ConnectionString), [.. StorageTables.All, .. DisposisiTables.All]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_AnswerLost_RetryGets409FromItself_CountsAsStored()
    {
        var (client, lost) = LostAnswerPolicy.Client(azurite.ConnectionString, LostAnswerPolicy.WriteTo(StorageTables.Kegiatan, RequestMethod.Post));
        var repo = new TableKegiatanRepository(client, _time);
        var k = Start();

        var version = await repo.CreateAsync(k);

        Assert.Equal(1, lost.Lost);
        Assert.Equal(version, (await repo.GetAsync(k.Id))!.Version);
    }

    [Fact]
    public async Task Update_AnswerLost_RetryGets412FromItself_CountsAsStored()
    {
        var healthy = new TableKegiatanRepository(TableStorage.Create(azurite.ConnectionString), _time);
        var k = Start();
        await healthy.CreateAsync(k);
        var (client, lost) = LostAnswerPolicy.Client(azurite.ConnectionString, LostAnswerPolicy.WriteTo(StorageTables.Kegiatan, RequestMethod.Put));
        var repo = new TableKegiatanRepository(client, _time);
        var loaded = (await repo.GetAsync(k.Id))!;
        var planned = _engine.Cancel(loaded, "uji", new Actor(loaded.OfficerId), At).Kegiatan!;

        var version = await repo.UpdateAsync(planned, loaded.Version!);

        Assert.Equal(1, lost.Lost);
        var stored = (await healthy.GetAsync(k.Id))!;
        Assert.Equal((version, KegiatanStatus.Dibatalkan), (stored.Version, stored.Status));
    }

    [Fact]
    public async Task Update_ChangedByAnotherWriter_IsStillAConflict()
    {
        var repo = new TableKegiatanRepository(TableStorage.Create(azurite.ConnectionString), _time);
        var k = Start();
        await repo.CreateAsync(k);
        var mine = (await repo.GetAsync(k.Id))!;
        var theirs = (await repo.GetAsync(k.Id))!;
        await repo.UpdateAsync(_engine.Cancel(theirs, "mereka", new Actor(k.OfficerId), At).Kegiatan!, theirs.Version!);

        var meant = _engine.Cancel(mine, "saya", new Actor(k.OfficerId), At).Kegiatan!;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.UpdateAsync(meant, mine.Version!));
        Assert.Equal(mine.Version, meant.Version); // the caller's copy is left as it was
    }

    [Fact]
    public async Task Disposisi_UpdateAnswerLost_CountsAsStored()
    {
        var healthy = new TableDisposisiRepository(TableStorage.Create(azurite.ConnectionString), _time);
        var d = new Domain.Disposisi.Disposisi
        {
            Id = "d-" + Guid.NewGuid().ToString("N"), KegiatanId = "k", StepId = "A.4", Kind = "report-to-leader", Summary = "uji", OfficerId = "o",
            UnitId = "u", FromId = "o", ToId = "leader-" + Guid.NewGuid().ToString("N"), SentAt = At, BatasWaktu = new DateOnly(2026, 3, 9),
        };
        await healthy.CreateAsync(d);
        var (client, lost) = LostAnswerPolicy.Client(azurite.ConnectionString, LostAnswerPolicy.WriteTo(DisposisiTables.Disposisi, RequestMethod.Put));
        var repo = new TableDisposisiRepository(client, _time);
        var loaded = (await repo.GetAsync(d.Id))!;
        loaded.ResentFor = ["act-1"];

        await repo.UpdateAsync(loaded, loaded.Version!);

        Assert.Equal(1, lost.Lost);
        Assert.Equal(["act-1"], (await healthy.GetAsync(d.Id))!.ResentFor!);
    }

    [Fact]
    public async Task Outbox_MarkerBeforeRow_SweepDoesTheEffect_ThenRemovesTheMarker()
    {
        var repo = new TableKegiatanRepository(TableStorage.Create(azurite.ConnectionString), _time);
        var k = Start();
        await repo.CreateAsync(k);
        var loaded = (await repo.GetAsync(k.Id))!;
        loaded.Outbox = [PendingEffect.Disposisi(loaded.CurrentStepId!, 0, loaded.OfficerId, At, 0, loaded.History.Count)];
        await repo.UpdateAsync(loaded, loaded.Version!);
        Assert.Contains(await repo.ListOutboxAsync(), m => m.KegiatanId == k.Id);

        var audit = new ListAudit();
        var relay = new OutboxRelay(repo, audit, [], _engine, _time);
        _time.Advance(TimeSpan.FromMinutes(1));
        await relay.SweepAsync();

        Assert.Null((await repo.GetAsync(k.Id))!.Outbox);
        Assert.DoesNotContain(await repo.ListOutboxAsync(), m => m.KegiatanId == k.Id);
        Assert.Equal(loaded.History, audit.Events); // the audit copies of the change
    }

    [Fact]
    public async Task Outbox_CrashAfterTheMarker_SweepRemovesTheMarkerOfARowWithoutEffects()
    {
        var healthy = new TableKegiatanRepository(TableStorage.Create(azurite.ConnectionString), _time);
        var k = Start();
        await healthy.CreateAsync(k);
        var crashing = new TableKegiatanRepository(CrashAfterPolicy.Client(azurite.ConnectionString, 1), _time);
        var loaded = (await crashing.GetAsync(k.Id))!;
        loaded.Outbox = [PendingEffect.Disposisi(loaded.CurrentStepId!, 0, loaded.OfficerId, At, 0, 0)];
        await Assert.ThrowsAnyAsync<Exception>(() => crashing.UpdateAsync(loaded, loaded.Version!));
        var marker = Assert.Single(await healthy.ListOutboxAsync(), m => m.KegiatanId == k.Id);

        await healthy.RemoveOutboxAsync(marker with { Version = "W/\"datetime'2000-01-01T00%3A00%3A00Z'\"" }); // stale: kept
        Assert.Contains(await healthy.ListOutboxAsync(), m => m.KegiatanId == k.Id);
        await new OutboxRelay(healthy, new ListAudit(), [], _engine, _time).SweepAsync();

        Assert.DoesNotContain(await healthy.ListOutboxAsync(), m => m.KegiatanId == k.Id);
        Assert.Null((await healthy.GetAsync(k.Id))!.Outbox);
    }

    private Domain.Workflow.Kegiatan Start()
    {
        var officer = "officer-" + Guid.NewGuid().ToString("N");
        var result = _engine.Start(new StartKegiatan("k-" + Guid.NewGuid().ToString("N"), Sop, "A", WorkflowKind.PerKegiatan, "FGD Pemda", "pemerintah-daerah", "fgd",
            "unit-" + Guid.NewGuid().ToString("N"), officer, 2026), new Actor(officer), At);
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }

    private sealed class ListAudit : IAuditLog
    {
        public List<AuditEvent> Events { get; } = [];

        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            Events.Add(auditEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([]);

        public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([]);
    }
}
