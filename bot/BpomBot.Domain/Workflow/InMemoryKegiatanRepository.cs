using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Workflow;

/// <summary>
/// An in-memory <see cref="IKegiatanRepository"/> for tests and local runs. It stores JSON snapshots, so callers never
/// share instances with the store, and it honours versions exactly as the Table adapter must.
/// </summary>
public sealed class InMemoryKegiatanRepository : IKegiatanRepository
{
    private readonly ConcurrentDictionary<string, string> _rows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    public Task<Kegiatan?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_rows.TryGetValue(id, out var json) ? KegiatanJson.Deserialize(json) : null);
    }

    public Task<string> CreateAsync(Kegiatan kegiatan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_rows.ContainsKey(kegiatan.Id))
            {
                throw new ConcurrencyConflictException($"kegiatan {kegiatan.Id} sudah ada");
            }

            return Task.FromResult(Store(kegiatan));
        }
    }

    public Task<string> UpdateAsync(Kegiatan kegiatan, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_rows.TryGetValue(kegiatan.Id, out var json))
            {
                throw new ConcurrencyConflictException($"kegiatan {kegiatan.Id} tidak ada");
            }

            var stored = KegiatanJson.Deserialize(json)!;
            if (stored.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException($"kegiatan {kegiatan.Id} sudah diubah (versi {stored.Version}, diharapkan {expectedVersion})");
            }

            return Task.FromResult(Store(kegiatan));
        }
    }

    public Task<IReadOnlyList<Kegiatan>> ListByOfficerAsync(string officerId, CancellationToken cancellationToken = default) =>
        List(k => k.OfficerId == officerId, cancellationToken);

    public Task<IReadOnlyList<Kegiatan>> ListByUnitYearAsync(string unitId, int year, CancellationToken cancellationToken = default) =>
        List(k => k.UnitId == unitId && k.Year == year, cancellationToken);

    private Task<IReadOnlyList<Kegiatan>> List(Func<Kegiatan, bool> predicate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Kegiatan> result = [.. _rows.Values.Select(j => KegiatanJson.Deserialize(j)!).Where(predicate).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];
        return Task.FromResult(result);
    }

    private string Store(Kegiatan kegiatan)
    {
        var version = (++_sequence).ToString(CultureInfo.InvariantCulture);
        kegiatan.Version = version;
        _rows[kegiatan.Id] = KegiatanJson.Serialize(kegiatan);
        return version;
    }
}

/// <summary>The JSON form of a kegiatan (what a storage adapter may put in a single column).</summary>
public static class KegiatanJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    public static string Serialize(Kegiatan kegiatan) => JsonSerializer.Serialize(kegiatan, Options);

    public static Kegiatan? Deserialize(string json) => JsonSerializer.Deserialize<Kegiatan>(json, Options);
}
