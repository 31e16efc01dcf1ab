using System.Globalization;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Roster;

/// <summary>An in-memory <see cref="IDelegationRepository"/> for tests and local runs; honours versions like the table adapter.</summary>
public sealed class InMemoryDelegationRepository : IDelegationRepository
{
    private readonly Dictionary<string, Delegation> _rows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    public Task<IReadOnlyList<Delegation>> ListByLeaderAsync(string leaderId, CancellationToken cancellationToken = default) =>
        List(d => d.LeaderId == leaderId, cancellationToken);

    public Task<IReadOnlyList<Delegation>> ListByDelegateAsync(string delegateId, CancellationToken cancellationToken = default) =>
        List(d => d.DelegateId == delegateId, cancellationToken);

    public Task<Delegation> SaveAsync(Delegation delegation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var exists = _rows.TryGetValue(delegation.Id, out var stored);
            if (delegation.Version is null ? exists : !exists || stored!.Version != delegation.Version)
                throw new ConcurrencyConflictException($"delegasi {delegation.Id} sudah diubah");
            var saved = delegation with { Version = (++_sequence).ToString(CultureInfo.InvariantCulture) };
            _rows[saved.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    private Task<IReadOnlyList<Delegation>> List(Func<Delegation, bool> predicate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<Delegation> result = [.. _rows.Values.Where(predicate).OrderBy(d => d.From).ThenBy(d => d.Id, StringComparer.Ordinal)];
            return Task.FromResult(result);
        }
    }
}
