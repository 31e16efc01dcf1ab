using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Repositories;

/// <summary>Repository behaviour, run against Azurite. Ids are unique per test (Azurite is shared).</summary>
public abstract class RepositoryContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 11, 2, 30, 0, TimeSpan.Zero);

    protected abstract TableServiceClient Service { get; }

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(Service, StorageTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewId(string prefix) => prefix + "/" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ConversationReference_SaveThenGet_FoundByUser()
    {
        var repo = new TableConversationReferenceRepository(Service);
        var user = Guid.NewGuid().ToString();
        var record = new ConversationReferenceRecord("a:1" + NewId("conv") + "?#", user, "tenant", "https://smba.example/", "{\"x\":1}", T0, Language: "en", Locale: "en-US");

        var saved = await repo.SaveAsync(record);

        Assert.NotNull(saved.Version);
        Assert.Equal(saved, await repo.GetByUserAsync(user));
        Assert.Null(await repo.GetByUserAsync(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task ConversationReference_NewConversationReported_ReplacesTheOldOne()
    {
        var repo = new TableConversationReferenceRepository(Service);
        var user = Guid.NewGuid().ToString();
        var first = await repo.SaveAsync(new ConversationReferenceRecord(NewId("conv"), user, "tenant", "https://smba.example/emea/", "{}", T0));

        var second = await repo.SaveAsync(new ConversationReferenceRecord(NewId("conv"), user, "tenant", "https://smba.example/apac/", "{\"v\":2}", T0.AddDays(1)));

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second, await repo.GetByUserAsync(user));
    }

    [Fact]
    public async Task DialogState_TwoConcurrentSavesFromSameVersion_ExactlyOneWins()
    {
        var repo = new TurnDialogStateRepository(new TurnUnit(), new TableTurnLedger(Service), TimeProvider.System);
        var id = NewId("conv");
        var saved = await repo.SaveAsync(new DialogStateDocument(id, "{\"step\":1}", T0));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            try
            {
                await repo.SaveAsync(saved with { Json = $"{{\"step\":{i + 2}}}" });
                return i;
            }
            catch (ConcurrencyConflictException)
            {
                return -1;
            }
        }));

        var winner = Assert.Single(outcomes, o => o >= 0);
        Assert.Equal($"{{\"step\":{winner + 2}}}", (await repo.GetAsync(id))?.Json);
    }

    [Fact]
    public async Task DialogState_DeleteWithStaleVersion_Conflicts_WithCurrentVersion_Deletes()
    {
        var repo = new TurnDialogStateRepository(new TurnUnit(), new TableTurnLedger(Service), TimeProvider.System);
        var id = NewId("conv");
        var first = await repo.SaveAsync(new DialogStateDocument(id, "{}", T0));
        var second = await repo.SaveAsync(first with { Json = "{\"a\":1}" });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.DeleteAsync(id, first.Version));
        await repo.DeleteAsync(id, second.Version);

        Assert.Null(await repo.GetAsync(id));
    }

    [Fact]
    public async Task JsonDocumentTable_DocumentOver64KiB_IsChunkedAndRoundTrips()
    {
        var repo = new TurnDialogStateRepository(new TurnUnit(), new TableTurnLedger(Service), TimeProvider.System);
        var id = NewId("conv");
        var big = "{\"text\":\"" + string.Concat(Enumerable.Range(0, 15_000).Select(i => "ab'" + (i % 10))) + "\"}";

        var saved = await repo.SaveAsync(new DialogStateDocument(id, big, T0));
        var read = await repo.GetAsync(id);

        Assert.True(big.Length > 40_000);
        Assert.Equal(big, read?.Json);
        Assert.Equal(saved.Version, read?.Version);
    }

    [Fact]
    public async Task JsonDocumentTable_DocumentOver1MiB_FailsBeforeWritingWithEntitySizeMessage()
    {
        var table = new JsonDocumentTable<string>(Service.GetTableClient(StorageTables.DialogState));
        var id = NewId("doc");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SaveAsync(TableKeys.Escape(id), string.Empty, new string('x', 600_000), null));

        Assert.Contains("bytes per entity", ex.Message);
        Assert.Null(await table.GetAsync(TableKeys.Escape(id), string.Empty));
    }

    [Fact]
    public async Task Audit_ListBySubjectAndDay_NewestFirst()
    {
        var log = new TableAuditLog(Service);
        var subject = NewId("kegiatan");
        var day = new DateOnly(2000 + Random.Shared.Next(0, 900), 1, 1).AddDays(Random.Shared.Next(0, 300));
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        var events = new[]
        {
            new AuditEvent(subject, "u1", null, "step.started", at, null, "berjalan"),
            new AuditEvent(subject, "u1", "u9", "step.completed", at.AddHours(5), "berjalan", "selesai", "ref/1"),
            new AuditEvent(subject, "u2", null, "step.reopened", at.AddHours(2), "selesai", "berjalan"),
            new AuditEvent(NewId("other"), "u3", null, "x", at.AddDays(1), null, "y"),
        };
        foreach (var e in events)
        {
            await log.AppendAsync(e);
        }

        var bySubject = await log.ListBySubjectAsync(subject, 10);
        var byDay = await log.ListByDayAsync(day, 10);

        Assert.Equal(["step.completed", "step.reopened", "step.started"], bySubject.Select(e => e.Action));
        Assert.Equal(events[1], bySubject[0]);
        Assert.Equal(["step.completed", "step.reopened", "step.started"], byDay.Select(e => e.Action));
        Assert.Equal(2, (await log.ListBySubjectAsync(subject, 2)).Count);
    }

    [Fact]
    public async Task Roster_SaveAndMovePerson_ListsByUnitAndFindsByAadId()
    {
        var repo = new TableRosterRepository(Service);
        var unitA = await repo.SaveUnitAsync(new UnitRecord(NewId("upt"), "Balai POM A", "Balai", null, "Asia/Makassar"));
        var unitB = await repo.SaveUnitAsync(new UnitRecord(NewId("upt"), "Loka POM B", "Loka", unitA.Id, "Asia/Makassar"));
        var aad = Guid.NewGuid().ToString();
        var person = await repo.SavePersonAsync(new PersonRecord(aad, "29:teams", "Siti", "siti@pom.go.id", unitA.Id, ["officer", "admin"]));

        var found = await repo.GetPersonAsync(aad);
        var inA = await repo.ListPeopleByUnitAsync(unitA.Id);
        var moved = await repo.SavePersonAsync(person with { UnitId = unitB.Id });

        Assert.Equal(person.Name, found?.Name);
        Assert.Equal(["officer", "admin"], found?.Roles);
        Assert.Equal(aad, Assert.Single(inA).AadObjectId);
        Assert.Empty(await repo.ListPeopleByUnitAsync(unitA.Id));
        Assert.Equal(aad, Assert.Single(await repo.ListPeopleByUnitAsync(unitB.Id)).AadObjectId);
        Assert.Equal(unitB.Id, (await repo.GetPersonAsync(aad))?.UnitId);
        Assert.NotEqual(person.Version, moved.Version);
        Assert.Equal(unitB with { Version = unitB.Version }, await repo.GetUnitAsync(unitB.Id));
        Assert.Contains(await repo.ListUnitsAsync(), u => u.Id == unitA.Id);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SavePersonAsync(person with { Name = "stale" }));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SaveUnitAsync(unitA with { Version = null }));
    }

    [Fact]
    public async Task FaqTickets_SaveUpdateAndListByStatus()
    {
        var repo = new TableFaqTicketRepository(Service);
        var ticket = await repo.SaveAsync(new FaqTicketRecord(NewId("t"), "asker", "Bagaimana cara daftar?", FaqTicketStatus.Baru, T0, T0, new DateOnly(2026, 5, 13)));
        var other = await repo.SaveAsync(new FaqTicketRecord(NewId("t"), "asker", "Q2", FaqTicketStatus.Baru, T0.AddMinutes(1), T0, null));

        var taken = await repo.SaveAsync(ticket with { Status = FaqTicketStatus.Diambil, AssigneeAadObjectId = "officer", UpdatedAt = T0.AddHours(1) });

        Assert.Equal(taken, await repo.GetAsync(ticket.TicketId));
        var baru = await repo.ListByStatusAsync(FaqTicketStatus.Baru);
        Assert.Contains(baru, t => t.TicketId == other.TicketId);
        Assert.DoesNotContain(baru, t => t.TicketId == ticket.TicketId);
        Assert.Contains(await repo.ListByStatusAsync(FaqTicketStatus.Diambil), t => t == taken);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SaveAsync(ticket with { Status = FaqTicketStatus.Ditutup }));
    }

    [Fact]
    public async Task FaqFeedback_ListByTopic_NewestFirstUpToMax()
    {
        var repo = new TableFaqFeedbackRepository(Service);
        var topic = NewId("topic");
        await repo.AddAsync(new FaqFeedbackRecord(topic, true, null, T0));
        await repo.AddAsync(new FaqFeedbackRecord(topic, false, "kurang jelas", T0.AddMinutes(5)));
        await repo.AddAsync(new FaqFeedbackRecord(topic, true, null, T0.AddMinutes(2)));

        var list = await repo.ListByTopicAsync(topic, 2);

        Assert.Equal([T0.AddMinutes(5), T0.AddMinutes(2)], list.Select(f => f.At));
        Assert.Equal("kurang jelas", list[0].Reason);
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteRepositoryTests(AzuriteFixture azurite) : RepositoryContract
{
    protected override TableServiceClient Service { get; } = TableStorage.Create(azurite.ConnectionString);
}

