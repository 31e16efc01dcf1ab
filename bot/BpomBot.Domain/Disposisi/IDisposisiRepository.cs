namespace BpomBot.Domain.Disposisi;

/// <summary>
/// Stores disposisi with optimistic concurrency. A write against a stale version (or a create of an existing id) throws
/// <see cref="Abstractions.ConcurrencyConflictException"/>; a successful write sets <see cref="Disposisi.Version"/>.
/// </summary>
public interface IDisposisiRepository
{
    Task<Disposisi?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<string> CreateAsync(Disposisi disposisi, CancellationToken cancellationToken = default);

    Task<string> UpdateAsync(Disposisi disposisi, string expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Undecided disposisi addressed to a leader, oldest first.</summary>
    Task<IReadOnlyList<Disposisi>> ListPendingForAsync(string addresseeId, CancellationToken cancellationToken = default);
}
