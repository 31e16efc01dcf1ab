using System.Collections.Concurrent;
using System.Security.Cryptography;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Storage.Blobs;

/// <summary>Process-local evidence store for tests and in-memory runs.</summary>
public sealed class InMemoryEvidenceStore : IEvidenceStore
{
    private readonly ConcurrentDictionary<string, (EvidenceFile File, byte[] Bytes)> _files = new(StringComparer.Ordinal);

    public async Task<EvidenceFile> UploadAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var file = new EvidenceFile(name, contentType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        return _files.TryAdd(name, (file, bytes)) ? file : throw new ConcurrencyConflictException($"Evidence file '{name}' already exists.");
    }

    public Task<(EvidenceFile File, Stream Content)?> OpenReadAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<(EvidenceFile, Stream)?>(_files.TryGetValue(name, out var entry) ? (entry.File, new MemoryStream(entry.Bytes, writable: false)) : null);
}
