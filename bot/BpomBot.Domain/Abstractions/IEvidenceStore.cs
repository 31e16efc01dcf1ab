namespace BpomBot.Domain.Abstractions;

/// <summary>A stored Kelengkapan evidence file.</summary>
public sealed record EvidenceFile(string Name, string ContentType, long Length, string Sha256Hex);

/// <summary>Binary evidence files (scans, minutes) referenced from step records.</summary>
public interface IEvidenceStore
{
    /// <summary>Stores the content under <paramref name="name"/> (fails if the name is taken) and returns its SHA-256.</summary>
    Task<EvidenceFile> UploadAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for reading; null when it does not exist.</summary>
    Task<(EvidenceFile File, Stream Content)?> OpenReadAsync(string name, CancellationToken cancellationToken = default);
}
