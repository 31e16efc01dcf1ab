using System.Globalization;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Disposisi;

/// <summary>An in-memory <see cref="IDisposisiRepository"/> for tests and local runs: JSON snapshots, versions honoured.</summary>
public sealed class InMemoryDisposisiRepository : IDisposisiRepository
{
    private readonly Dictionary<string, string> _rows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    public Task<Disposisi?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(id, out var json) ? DisposisiJson.Deserialize(json) : null);
        }
    }

    public Task<string> CreateAsync(Disposisi disposisi, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_rows.ContainsKey(disposisi.Id)) throw new ConcurrencyConflictException($"disposisi {disposisi.Id} sudah ada");
            return Task.FromResult(Store(disposisi));
        }
    }

    public Task<string> UpdateAsync(Disposisi disposisi, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_rows.TryGetValue(disposisi.Id, out var json) || DisposisiJson.Deserialize(json)!.Version != expectedVersion)
                throw new ConcurrencyConflictException($"disposisi {disposisi.Id} sudah diubah");
            return Task.FromResult(Store(disposisi));
        }
    }

    public Task<IReadOnlyList<Disposisi>> ListPendingForAsync(string addresseeId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<Disposisi> result = [.. _rows.Values.Select(j => DisposisiJson.Deserialize(j)!)
                .Where(d => !d.IsDecided && string.Equals(d.ToId, addresseeId, StringComparison.OrdinalIgnoreCase))
                .OrderBy(d => d.SentAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
            return Task.FromResult(result);
        }
    }

    private string Store(Disposisi disposisi)
    {
        var version = (++_sequence).ToString(CultureInfo.InvariantCulture);
        disposisi.Version = version;
        _rows[disposisi.Id] = DisposisiJson.Serialize(disposisi);
        return version;
    }
}
