using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BpomBot.Domain.Abstractions;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Blobs;

/// <summary>Evidence files in one blob container; SHA-256 and content type are kept on the blob.</summary>
public sealed class BlobEvidenceStore(BlobContainerClient container, ILogger<BlobEvidenceStore> logger) : IEvidenceStore
{
    private const string Sha256Metadata = "sha256";

    public Task EnsureContainerAsync(CancellationToken cancellationToken = default) =>
        Wrap(() => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public async Task<EvidenceFile> UploadAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);

        // Hash first so the digest travels with the upload (one request); buffer streams that cannot seek.
        var buffered = content.CanSeek ? null : new MemoryStream();
        if (buffered is not null)
        {
            await content.CopyToAsync(buffered, cancellationToken);
            buffered.Position = 0;
        }

        var source = buffered ?? content;
        var start = source.Position;
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(source, cancellationToken));
        source.Position = start;
        var length = source.Length - start;
        try
        {
            await Wrap(() => container.GetBlobClient(name).UploadAsync(source, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { [Sha256Metadata] = sha },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"Evidence file '{name}' already exists.");
        }
        finally
        {
            if (buffered is not null)
            {
                await buffered.DisposeAsync();
            }
        }

        Log.EvidenceStored(logger, name, length, sha);
        return new EvidenceFile(name, contentType, length, sha);
    }

    public async Task<(EvidenceFile File, Stream Content)?> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        try
        {
            var result = await Wrap(() => container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken));
            var details = result.Value.Details;
            var file = new EvidenceFile(name, details.ContentType, details.ContentLength, details.Metadata.TryGetValue(Sha256Metadata, out var sha) ? sha : string.Empty);
            return (file, result.Value.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 1024 || name.EndsWith('/') || name.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"Evidence file name '{name}' must be 1-1024 characters without empty, '.' or '..' segments.", nameof(name));
        }
    }

    private static async Task<T> Wrap<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or 408 or 429 or >= 500)
        {
            throw new StorageUnavailableException("Blob storage is unavailable after retries.", ex);
        }
        catch (AggregateException ex)
        {
            throw new StorageUnavailableException("Blob storage is unreachable after retries.", ex);
        }
    }
}
