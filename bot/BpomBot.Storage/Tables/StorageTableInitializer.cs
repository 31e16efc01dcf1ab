using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Blobs;
using BpomBot.Storage.Tables.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Tables;

/// <summary>A table the app needs; register one per table (<c>services.AddSingleton(new StorageTableName("Kegiatan"))</c>).</summary>
public sealed record StorageTableName(string Name);

/// <summary>Creates every registered table at start, before the host serves traffic.</summary>
public sealed class StorageTableInitializer(
    ITableServiceClient service,
    IEnumerable<StorageTableName> tables,
    IEvidenceStore evidence,
    ILogger<StorageTableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var names = tables.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        await CreateTablesAsync(service, names, cancellationToken);
        if (evidence is BlobEvidenceStore blobs)
        {
            await blobs.EnsureContainerAsync(cancellationToken);
        }

        Log.TablesReady(logger, names.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task CreateTablesAsync(ITableServiceClient service, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        foreach (var name in names)
        {
            await service.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
