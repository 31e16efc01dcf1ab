using Azure.Storage;
using BpomBot.Storage.Blobs;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using Microsoft.Extensions.Logging.Testing;

namespace BpomBot.Storage.Tests.Resilience;

public sealed class StorageTableInitializerTests
{
    [Fact]
    public async Task StartThenStop_CreatesEveryTable_ThenReportsTheProcessRoundTrips()
    {
        await using var server = new ScriptedHttpServer(204);
        var service = new TableServiceClient(server.Endpoint, new StorageSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])));
        var logger = new FakeLogger<StorageTableInitializer>();
        var initializer = new StorageTableInitializer(
            service, [.. StorageTables.All.Select(n => new StorageTableName(n))], new InMemoryEvidenceStore(), logger);

        await initializer.StartAsync(CancellationToken.None);
        await initializer.StopAsync(CancellationToken.None);

        var bodies = server.Requests.Where(r => r.StartsWith("POST /devstoreaccount1/Tables", StringComparison.Ordinal)).ToList();
        Assert.Equal(StorageTables.All.Count, bodies.Count);
        var report = Assert.Single(logger.Collector.GetSnapshot().Select(r => r.Message), l => l.StartsWith("Storage round trips since start: ", StringComparison.Ordinal));
        // The counter is per process and other tests run alongside: at least this initializer's own requests.
        Assert.True(long.Parse(report["Storage round trips since start: ".Length..], System.Globalization.CultureInfo.InvariantCulture) >= bodies.Count, report);
    }
}
