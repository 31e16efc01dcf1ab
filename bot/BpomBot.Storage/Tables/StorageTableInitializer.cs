using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Blobs;
using BpomBot.Storage.Tables.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Tables;

/// <summary>A table the app needs; register one per table (<c>services.AddSingleton(new StorageTableName("Kegiatan"))</c>).</summary>
public sealed record StorageTableName(string Name);

/// <summary>Creates every registered table at start, before the host serves traffic; reports storage use at shutdown.</summary>
public sealed class StorageTableInitializer(
    ITableServiceClient service,
    IEnumerable<StorageTableName> tables,
    IEvidenceStore evidence,
    ILogger<StorageTableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var names = tables.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var container = evidence is BlobEvidenceStore blobs ? blobs.EnsureContainerAsync(cancellationToken) : Task.CompletedTask;
        await Task.WhenAll(CreateTablesAsync(service, names, cancellationToken), container);

        Log.TablesReady(logger, names.Count);
    }

    /// <summary>Says at shutdown how many storage round trips the process made (the benchmark divides it by its turns).</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Log.RoundTripsSinceStart(logger, StorageRoundTrips.Total);
        return Task.CompletedTask;
    }

    public static async Task CreateTablesAsync(ITableServiceClient service, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        // All at once: a dozen sequential round trips were most of the time from process start to the first answer.
        await Task.WhenAll(names.Select(name => service.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken)));
    }
}
