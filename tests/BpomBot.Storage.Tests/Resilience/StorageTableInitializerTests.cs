using BpomBot.Storage.Blobs;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using Microsoft.Extensions.Logging.Testing;

namespace BpomBot.Storage.Tests.Resilience;

public sealed class StorageTableInitializerTests
{
    private static TableServiceClient Client(Uri endpoint) =>
        new(endpoint, new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])), TableStorage.CreateOptions());

    [Fact]
    public async Task StartThenStop_CreatesEveryTable_ThenReportsTheProcessRoundTrips()
    {
        await using var server = new ScriptedHttpServer(204);
        var logger = new FakeLogger<StorageTableInitializer>();
        var readiness = new StorageReadiness();
        var initializer = new StorageTableInitializer(
            Client(server.Endpoint), [.. StorageTables.All.Select(n => new StorageTableName(n))], new InMemoryEvidenceStore(), logger, readiness);

        await initializer.StartAsync(CancellationToken.None);
        await initializer.StopAsync(CancellationToken.None);

        var creates = server.Requests.Where(r => r.StartsWith("POST /devstoreaccount1/Tables", StringComparison.Ordinal)).ToList();
        Assert.Equal(StorageTables.All.Count, creates.Count);
        Assert.True(readiness.TablesReady);
        var report = Assert.Single(logger.Collector.GetSnapshot().Select(r => r.Message), l => l.StartsWith("Storage round trips since start: ", StringComparison.Ordinal));
        // The counter is per process and other tests run alongside: at least this initializer's own requests.
        Assert.True(long.Parse(report["Storage round trips since start: ".Length..], System.Globalization.CultureInfo.InvariantCulture) >= creates.Count, report);
    }

    [Fact]
    public async Task Start_StorageUnreachable_ReturnsNotReadyWithoutThrowing()
    {
        var logger = new FakeLogger<StorageTableInitializer>();
        var readiness = new StorageReadiness();
        var initializer = new StorageTableInitializer(
            Client(new Uri("http://127.0.0.1:9/devstoreaccount1")), [new StorageTableName(StorageTables.Units)], new InMemoryEvidenceStore(), logger, readiness);

        await initializer.StartAsync(CancellationToken.None);
        await initializer.StopAsync(CancellationToken.None);

        Assert.False(readiness.TablesReady);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Message.StartsWith("Storage tables not created yet", StringComparison.Ordinal));
    }
}
