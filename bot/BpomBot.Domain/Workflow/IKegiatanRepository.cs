namespace BpomBot.Domain.Workflow;

/// <summary>
/// Stores kegiatan with optimistic concurrency. Every write returns the new opaque version; a write against a stale
/// version (or a create of an existing id) throws <see cref="Abstractions.ConcurrencyConflictException"/>.
/// A successful write also sets <see cref="Kegiatan.Version"/> on the instance passed in.
/// </summary>
public interface IKegiatanRepository
{
    Task<Kegiatan?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new kegiatan; returns its version. Throws ConcurrencyConflictException when the id exists.</summary>
    Task<string> CreateAsync(Kegiatan kegiatan, CancellationToken cancellationToken = default);

    /// <summary>Replaces a kegiatan when its stored version equals <paramref name="expectedVersion"/>; returns the new version.</summary>
    Task<string> UpdateAsync(Kegiatan kegiatan, string expectedVersion, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Kegiatan>> ListByOfficerAsync(string officerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Kegiatan>> ListByUnitYearAsync(string unitId, int year, CancellationToken cancellationToken = default);
}
