using Azure.Storage;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;

namespace BpomBot.Storage.Tests.Resilience;

public sealed class StorageResilienceTests
{
    private static TableServiceClient Client(ScriptedHttpServer server, int networkTimeoutMs = 10_000)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(networkTimeoutMs);
        return new TableServiceClient(server.Endpoint, new StorageSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])), options);
    }

    [Fact]
    public async Task GetEntity_ServiceKeepsAnswering503_RetriesThenThrowsStorageUnavailable()
    {
        await using var server = new ScriptedHttpServer(503);

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => Client(server).GetTableClient("Units").GetEntityAsync("p", "r"));

        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("503", ex.Message);
    }

    [Fact]
    public async Task GetEntity_503ThenNoAnswer_TimesOutAndThrowsStorageUnavailable()
    {
        await using var server = new ScriptedHttpServer(503, 0);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Client(server, networkTimeoutMs: 1000).GetTableClient("Units").GetEntityAsync("p", "r"));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GetEntity_503Then429ThenOk_SucceedsAndCountsEveryRoundTrip()
    {
        await using var server = new ScriptedHttpServer(503, 429, 200);
        using var scope = StorageRoundTrips.BeginScope();

        var entity = await Client(server).GetTableClient("Units").GetEntityAsync("p", "r");

        Assert.Equal(1, entity?["N"]);
        Assert.Equal(3, scope.Count);
        Assert.All(server.Requests, r => Assert.Contains("Authorization: SharedKeyLite devstoreaccount1:", r));
        Assert.All(server.Requests, r => Assert.Contains("x-ms-version: 2019-02-02", r));
    }

    [Fact]
    public async Task Repository_StorageDown_SurfacesStorageUnavailable()
    {
        await using var server = new ScriptedHttpServer(500);
        var repo = new TableDialogStateRepository(Client(server));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => repo.SaveAsync(new DialogStateDocument("c", "{}", DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public async Task GetEntity_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = new ScriptedHttpServer(0);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(server).GetTableClient("Units").GetEntityAsync("p", "r", cancellationToken: cts.Token));
    }
}
