using BpomBot.Domain.Faq.Candidates;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BpomBot.Storage.Faq;

/// <summary>
/// FaqCandidates: PK = "kandidat", RK = candidate id, index column Status (the table stays small: one row per distinct
/// question and topic). FaqDeclined (append-only): PK = UTC day yyyyMMdd, RK = newest first.
/// </summary>
public sealed class TableFaqCandidateRepository(ITableServiceClient service) : IFaqCandidateRepository
{
    public const string CandidatesTable = "FaqCandidates";
    public const string DeclinedTable = "FaqDeclined";
    private const string Partition = "kandidat";

    private readonly JsonDocumentTable<FaqCandidateVariant> _candidates = new(service.GetTableClient(CandidatesTable));
    private readonly JsonDocumentTable<FaqDeclinedQuestion> _declined = new(service.GetTableClient(DeclinedTable));

    public async Task<FaqCandidateVariant?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await _candidates.GetAsync(Partition, TableKeys.Escape(id), cancellationToken) is { } doc ? doc.Value with { Version = doc.Version } : null;

    public async Task<FaqCandidateVariant> SaveAsync(FaqCandidateVariant candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var version = await _candidates.SaveAsync(
            Partition, TableKeys.Escape(candidate.Id), candidate with { Version = null }, candidate.Version,
            new Dictionary<string, object?> { ["Status"] = candidate.Status.ToString(), ["TopicId"] = candidate.TopicId }, cancellationToken);
        return candidate with { Version = version };
    }

    public async Task<IReadOnlyList<FaqCandidateVariant>> ListByStatusAsync(FaqCandidateStatus status, CancellationToken cancellationToken = default) =>
        [.. (await _candidates.QueryAsync(TableFilter.Property("Status").Eq(status.ToString()), cancellationToken: cancellationToken))
            .Select(d => d.Value with { Version = d.Version })
            .OrderBy(c => c.CreatedAt)];

    public Task AddDeclinedAsync(FaqDeclinedQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _declined.SaveAsync(TableKeys.Day(DateOnly.FromDateTime(question.At.UtcDateTime)), TableKeys.NewestFirst(question.At), question, null, null, cancellationToken);
    }

    public async Task<IReadOnlyList<FaqDeclinedQuestion>> ListDeclinedAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        [.. (await _declined.QueryAsync(TableFilter.Property("PartitionKey").Ge(TableKeys.Day(DateOnly.FromDateTime(since.UtcDateTime))), cancellationToken: cancellationToken))
            .Select(d => d.Value)
            .Where(d => d.At >= since)
            .OrderByDescending(d => d.At)];
}

/// <summary>Registration of the FAQ learning storage (tables created at start).</summary>
public static class FaqCandidateStorage
{
    public static IServiceCollection AddBpomFaqCandidateStorage(this IServiceCollection services)
    {
        services.AddSingleton(new StorageTableName(TableFaqCandidateRepository.CandidatesTable));
        services.AddSingleton(new StorageTableName(TableFaqCandidateRepository.DeclinedTable));
        // Storage:InMemory has no table client: the in-memory fake stands in, whatever order the Add… calls run in.
        services.TryAddSingleton<IFaqCandidateRepository>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.InMemory
            ? new InMemoryFaqCandidateRepository()
            : new TableFaqCandidateRepository(sp.GetRequiredService<ITableServiceClient>()));
        return services;
    }
}
