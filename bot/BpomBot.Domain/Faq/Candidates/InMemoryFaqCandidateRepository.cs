using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Faq.Candidates;

/// <summary>Candidate variants in memory with versioned, conditional writes like the table adapter (tests, local mode).</summary>
public sealed class InMemoryFaqCandidateRepository : IFaqCandidateRepository
{
    private readonly Dictionary<string, FaqCandidateVariant> candidates = new(StringComparer.Ordinal);
    private readonly List<FaqDeclinedQuestion> declined = [];
    private int version;

    public Task<FaqCandidateVariant?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (candidates)
        {
            return Task.FromResult(candidates.GetValueOrDefault(id));
        }
    }

    public Task<FaqCandidateVariant> SaveAsync(FaqCandidateVariant candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        lock (candidates)
        {
            if (candidates.GetValueOrDefault(candidate.Id)?.Version != candidate.Version)
            {
                throw new ConcurrencyConflictException($"FAQ candidate {candidate.Id} changed");
            }

            var saved = candidate with { Version = $"v{++version}" };
            candidates[candidate.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<IReadOnlyList<FaqCandidateVariant>> ListByStatusAsync(FaqCandidateStatus status, CancellationToken cancellationToken = default)
    {
        lock (candidates)
        {
            return Task.FromResult<IReadOnlyList<FaqCandidateVariant>>([.. candidates.Values.Where(c => c.Status == status).OrderBy(c => c.CreatedAt)]);
        }
    }

    public Task AddDeclinedAsync(FaqDeclinedQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        lock (declined)
        {
            declined.Add(question);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FaqDeclinedQuestion>> ListDeclinedAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (declined)
        {
            return Task.FromResult<IReadOnlyList<FaqDeclinedQuestion>>([.. declined.Where(d => d.At >= since).OrderByDescending(d => d.At)]);
        }
    }
}
