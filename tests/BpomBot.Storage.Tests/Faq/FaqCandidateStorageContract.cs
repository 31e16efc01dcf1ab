using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Candidates;
using BpomBot.Storage.Faq;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Faq;

/// <summary>Candidate variants and declined questions on the table adapter (Azurite).</summary>
public abstract class FaqCandidateStorageContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 11, 2, 30, 0, TimeSpan.Zero);

    protected abstract TableServiceClient Service { get; }

    public Task InitializeAsync() =>
        StorageTableInitializer.CreateTablesAsync(Service, [TableFaqCandidateRepository.CandidatesTable, TableFaqCandidateRepository.DeclinedTable]);

    public Task DisposeAsync() => Task.CompletedTask;

    private static FaqCandidateVariant NewCandidate(string question) => new(
        FaqCandidateDesk.IdOf("spp-irt", question + Guid.NewGuid().ToString("N")), "spp-irt", question, FaqLanguage.Id,
        FaqCandidateSource.Dipilih, FaqCandidateStatus.Baru, T0);

    [Fact]
    public async Task Save_CreateTwice_SecondIsAConflict_UpdateNeedsTheVersion()
    {
        var repo = new TableFaqCandidateRepository(Service);
        var candidate = NewCandidate("usaha keripik rumahan perlu pirt");

        var created = await repo.SaveAsync(candidate);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SaveAsync(candidate));
        var accepted = await repo.SaveAsync(created with { Status = FaqCandidateStatus.Diterima, ReviewedBy = "Petugas A", ReviewedAt = T0 });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SaveAsync(created with { Status = FaqCandidateStatus.Ditolak }));

        var stored = (await repo.GetAsync(candidate.Id))!;
        Assert.Equal(FaqCandidateStatus.Diterima, stored.Status);
        Assert.Equal(accepted.Version, stored.Version);
        Assert.Contains(await repo.ListByStatusAsync(FaqCandidateStatus.Diterima), c => c.Id == candidate.Id);
        Assert.DoesNotContain(await repo.ListByStatusAsync(FaqCandidateStatus.Baru), c => c.Id == candidate.Id);
    }

    [Fact]
    public async Task Declined_ListedSinceAGivenTime()
    {
        var repo = new TableFaqCandidateRepository(Service);
        var marker = Guid.NewGuid().ToString("N");
        await repo.AddDeclinedAsync(new FaqDeclinedQuestion($"lama {marker}", T0.AddDays(-10), null));
        await repo.AddDeclinedAsync(new FaqDeclinedQuestion($"baru {marker}", T0, "spp-irt"));

        var rows = (await repo.ListDeclinedAsync(T0.AddDays(-7))).Where(r => r.Question.EndsWith(marker, StringComparison.Ordinal)).ToList();

        var row = Assert.Single(rows);
        Assert.Equal(($"baru {marker}", "spp-irt"), (row.Question, row.OfferedTopic));
    }

    [Fact]
    public async Task Desk_AcceptTwiceAcrossInstances_OneDecisionAndTheIndexUsesIt()
    {
        var repo = new TableFaqCandidateRepository(Service);
        var kb = FaqKnowledgeBase.Create([new FaqEntry("spp-irt", "t", new FaqText("SPP-IRT", "SPP-IRT"), ["cara urus pirt", "izin pangan rumahan"], ["how to get pirt"], ["pirt"],
            new FaqText("Diurus lewat OSS.", "Via OSS."), [], new DateOnly(2026, 1, 1), "t.yaml")]);
        var shipped = new FaqRetriever(kb);
        var audit = new CountingAudit();
        // Unique per run in letters only: a long run of digits would be scrubbed as personal data (a phone number or NIK).
        var question = $"dapur kecil jualan keripik {string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))))}";
        var first = new FaqCandidateDesk(repo, new FaqVariantIndex(shipped, repo, TimeProvider.System), audit, TimeProvider.System);
        Assert.Equal(FaqProposalOutcome.Stored, await first.ProposeAsync("spp-irt", question, FaqLanguage.Id, FaqCandidateSource.Dipilih));
        var id = FaqCandidateDesk.IdOf("spp-irt", FaqPersonalData.Normalise(question));

        var secondIndex = new FaqVariantIndex(shipped, repo, TimeProvider.System);
        var second = new FaqCandidateDesk(repo, secondIndex, audit, TimeProvider.System);
        Assert.Equal(FaqReviewOutcome.Done, (await first.AcceptAsync(id, "Petugas A")).Outcome);
        Assert.Equal(FaqReviewOutcome.AlreadyDecided, (await second.AcceptAsync(id, "Petugas B")).Outcome);

        Assert.Equal(1, audit.Count);
        var current = await secondIndex.CurrentAsync();
        Assert.Single(current.KnowledgeBase.Find("spp-irt")!.QuestionsId, q => q == question);
    }

    private sealed class CountingAudit : IAuditLog
    {
        public int Count { get; private set; }

        public Task AppendAsync(Domain.Audit.AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            Count++;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Domain.Audit.AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Domain.Audit.AuditEvent>>([]);

        public Task<IReadOnlyList<Domain.Audit.AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Domain.Audit.AuditEvent>>([]);
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteFaqCandidateStorageTests(AzuriteFixture azurite) : FaqCandidateStorageContract
{
    protected override TableServiceClient Service { get; } = TableStorage.Create(azurite.ConnectionString);
}
