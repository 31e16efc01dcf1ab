using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Tickets;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Faq;

/// <summary>The ticket desk and the feedback report on the real table adapters (Azurite).</summary>
public abstract class FaqTicketStorageContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 11, 2, 30, 0, TimeSpan.Zero);

    protected abstract TableServiceClient Service { get; }

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(Service, StorageTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<(FaqTicketDesk Desk, TableFaqTicketRepository Repo, FaqTicketRecord Ticket)> NewTicketAsync()
    {
        var repo = new TableFaqTicketRepository(Service);
        var ticket = await repo.SaveAsync(new FaqTicketRecord(
            FaqTicketLifecycle.NewTicketId(new DateOnly(2026, 5, 11), Guid.NewGuid()), "asker", "Apakah madu hutan perlu izin edar?",
            FaqTicketStatus.Baru, T0, T0, new DateOnly(2026, 5, 20), AskerName: "Alex", AskerConversation: "{\"serviceUrl\":\"https://x/\"}"));
        return (new FaqTicketDesk(repo, new FixedTime(T0.AddHours(1))), repo, ticket);
    }

    [Fact]
    public async Task TakeAsync_TwoOfficersConcurrently_ExactlyOneWinsAndTheOtherSeesWho()
    {
        for (var round = 0; round < 5; round++)
        {
            var (desk, repo, ticket) = await NewTicketAsync();
            var a = new FaqTicketActor("officer-a", "Petugas A");
            var b = new FaqTicketActor("officer-b", "Petugas B");

            var outcomes = await Task.WhenAll(
                Task.Run(() => desk.TakeAsync(ticket.TicketId, a)),
                Task.Run(() => desk.TakeAsync(ticket.TicketId, b)));

            var winner = Assert.Single(outcomes, o => o.Succeeded);
            var loser = Assert.Single(outcomes, o => !o.Succeeded);
            Assert.True(winner.Changed);
            Assert.Equal(FaqTicketRefusal.AlreadyTaken, loser.Refusal);
            Assert.Equal(winner.Ticket!.AssigneeName, loser.Ticket!.AssigneeName);
            var stored = (await repo.GetAsync(ticket.TicketId))!;
            Assert.Equal(FaqTicketStatus.Diambil, stored.Status);
            Assert.Equal(winner.Ticket.AssigneeAadObjectId, stored.AssigneeAadObjectId);
        }
    }

    [Fact]
    public async Task Lifecycle_BaruDiambilDijawabDitutup_StoresEveryTimestampAndExtendedFields()
    {
        var (desk, repo, ticket) = await NewTicketAsync();
        var officer = new FaqTicketActor("officer-a", "Petugas A");

        Assert.True((await desk.TakeAsync(ticket.TicketId, officer)).Changed);
        Assert.True((await desk.AnswerAsync(ticket.TicketId, officer, " Madu hutan kemasan perlu izin edar. ")).Changed);
        var closed = await desk.CloseAsync(ticket.TicketId, officer);

        var stored = (await repo.GetAsync(ticket.TicketId))!;
        Assert.Equal(closed.Ticket, stored);
        Assert.Equal(FaqTicketStatus.Ditutup, stored.Status);
        Assert.Equal("Madu hutan kemasan perlu izin edar.", stored.Answer);
        Assert.Equal(T0.AddHours(1), stored.TakenAt);
        Assert.Equal(T0.AddHours(1), stored.AnsweredAt);
        Assert.Equal(T0.AddHours(1), stored.ClosedAt);
        Assert.Equal("Alex", stored.AskerName);
        Assert.Equal("{\"serviceUrl\":\"https://x/\"}", stored.AskerConversation);
        Assert.Contains(await repo.ListByStatusAsync(FaqTicketStatus.Ditutup), t => t.TicketId == ticket.TicketId);
        Assert.Equal(FaqTicketRefusal.AlreadyClosed, (await desk.CloseAsync(ticket.TicketId, officer)).Refusal);
        Assert.Equal(FaqTicketRefusal.AlreadyClosed, (await desk.AnswerAsync(ticket.TicketId, officer, "lagi")).Refusal);
    }

    [Fact]
    public async Task Desk_UnknownTicket_IsNotFound()
    {
        var desk = new FaqTicketDesk(new TableFaqTicketRepository(Service), TimeProvider.System);

        var outcome = await desk.TakeAsync("HB-000000-NOPE" + Guid.NewGuid().ToString("N")[..4], new FaqTicketActor("x", "X"));

        Assert.Equal(FaqTicketRefusal.NotFound, outcome.Refusal);
        Assert.Null(outcome.Ticket);
    }

    [Fact]
    public async Task FeedbackReport_RanksByUnhelpfulCountThenShare_WithNewestReasons()
    {
        var repo = new TableFaqFeedbackRepository(Service);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        FaqEntry Topic(string id) => new(
            $"{id}-{suffix}", "test", new FaqText(id, id), ["q1", "q2"], ["q"], [], new FaqText("a", "a"), [], new DateOnly(2026, 1, 1), "t.yaml");
        var (many, few, half, none) = (Topic("many"), Topic("few"), Topic("half"), Topic("none"));
        for (var i = 0; i < 3; i++)
        {
            await repo.AddAsync(new FaqFeedbackRecord(many.Id, false, $"alasan {i}", T0.AddMinutes(i)));
        }

        for (var i = 0; i < 3; i++)
        {
            await repo.AddAsync(new FaqFeedbackRecord(many.Id, true, null, T0.AddMinutes(10 + i)));
        }

        await repo.AddAsync(new FaqFeedbackRecord(half.Id, false, null, T0));
        await repo.AddAsync(new FaqFeedbackRecord(half.Id, true, null, T0.AddMinutes(1)));
        await repo.AddAsync(new FaqFeedbackRecord(few.Id, false, "kurang lengkap", T0));
        await repo.AddAsync(new FaqFeedbackRecord(none.Id, true, null, T0));

        var rows = await FaqFeedbackReport.BuildAsync(repo, [none, half, few, many]);

        Assert.Equal([many.Id, few.Id, half.Id], rows.Select(r => r.TopicId));
        Assert.Equal((6, 3), (rows[0].Count, rows[0].Unhelpful));
        Assert.Equal(0.5, rows[0].UnhelpfulShare);
        Assert.Equal(["alasan 2", "alasan 1", "alasan 0"], rows[0].RecentReasons);
        Assert.Equal(1.0, rows[1].UnhelpfulShare);
        Assert.Single(await FaqFeedbackReport.BuildAsync(repo, [none, half, few, many], top: 1));
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteFaqTicketStorageTests(AzuriteFixture azurite) : FaqTicketStorageContract
{
    protected override TableServiceClient Service { get; } = TableStorage.Create(azurite.ConnectionString);
}


public sealed class FaqTicketLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 11, 3, 0, 0, TimeSpan.Zero);
    private static readonly FaqTicketActor A = new("a", "Petugas A");
    private static readonly FaqTicketActor B = new("b", "Petugas B");

    private static FaqTicketRecord Baru() => new("HB-1", "asker", "q", FaqTicketStatus.Baru, Now, Now, null);

    [Fact]
    public void Take_SameOfficerTwice_IsIdempotent_OtherOfficerIsRefused()
    {
        var taken = FaqTicketLifecycle.Take(Baru(), A, Now).Ticket!;

        Assert.False(FaqTicketLifecycle.Take(taken, A, Now).Changed);
        Assert.True(FaqTicketLifecycle.Take(taken, A, Now).Succeeded);
        Assert.Equal(FaqTicketRefusal.AlreadyTaken, FaqTicketLifecycle.Take(taken, B, Now).Refusal);
    }

    [Fact]
    public void Answer_WhileBaru_TakesImplicitly_EmptyIsRefused()
    {
        Assert.Equal(FaqTicketRefusal.EmptyAnswer, FaqTicketLifecycle.Answer(Baru(), A, " ", Now).Refusal);

        var answered = FaqTicketLifecycle.Answer(Baru(), A, "jawab", Now).Ticket!;

        Assert.Equal((FaqTicketStatus.Dijawab, "a", Now), (answered.Status, answered.AssigneeAadObjectId, answered.TakenAt!.Value));
        Assert.Equal(FaqTicketRefusal.AlreadyAnswered, FaqTicketLifecycle.Take(answered, B, Now).Refusal);
    }

    [Theory]
    [InlineData("Bagaimana cara cek izin edar?", HaloBpomRequestKind.Information)]
    [InlineData("Saya mau pengaduan, kosmetik bikin gatal", HaloBpomRequestKind.Complaint)]
    [InlineData("Ingin melaporkan jamu mengandung BKO", HaloBpomRequestKind.Complaint)]
    public void KindOf_ComplaintWords_Get14HkKind(string question, HaloBpomRequestKind expected) =>
        Assert.Equal(expected, FaqTicketLifecycle.KindOf(question));

    [Fact]
    public void NewTicketId_IsShortDatedAndUpperCase() =>
        Assert.Matches("^HB-260511-[0-9A-F]{6}$", FaqTicketLifecycle.NewTicketId(new DateOnly(2026, 5, 11), Guid.NewGuid()));
}
