using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using BpomBot.Storage.Tables.Repositories;

namespace BpomBot.Storage.Tests.Resilience;

/// <summary>The SDK's pipeline as the bot configures it, against a scripted server: bounded retries, then StorageUnavailableException.</summary>
public sealed class StorageResilienceTests
{
    private static TableServiceClient Client(ScriptedHttpServer server, int networkTimeoutMs = 10_000)
    {
        var options = TableStorage.CreateOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(networkTimeoutMs);
        return new TableServiceClient(server.Endpoint, new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])), options);
    }

    private static JsonDocumentTable<Dictionary<string, int>> Table(TableServiceClient service) => new(service.GetTableClient("Units"));

    [Fact]
    public async Task GetEntity_ServiceKeepsAnswering503_RetriesThenThrowsStorageUnavailable()
    {
        await using var server = new ScriptedHttpServer(503);

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => Table(Client(server)).GetAsync("p", "r"));

        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("503", ex.Message);
    }

    [Fact]
    public async Task GetEntity_503ThenNoAnswer_TimesOutAndThrowsStorageUnavailable()
    {
        await using var server = new ScriptedHttpServer(503, 0);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Table(Client(server, networkTimeoutMs: 1000)).GetAsync("p", "r"));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GetEntity_503Then429ThenOk_SucceedsAndCountsEveryRoundTrip()
    {
        await using var server = new ScriptedHttpServer(503, 429, 200);
        using var scope = StorageRoundTrips.BeginScope();

        var response = await Client(server).GetTableClient("Units").GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal(1, response.Value.GetInt32("N"));
        Assert.Equal(3, scope.Count);
        Assert.All(server.Requests, r => Assert.Contains("Authorization: SharedKey", r));
    }

    [Fact]
    public async Task Repository_StorageDown_SurfacesStorageUnavailable()
    {
        await using var server = new ScriptedHttpServer(500);
        var ledger = new TableTurnLedger(Client(server));
        var commit = new TurnCommit("c", null, new Dictionary<string, DialogStateEntry>(), HandledRing.Empty.With("act-1"), "act-1", null, DateTimeOffset.UnixEpoch, "commit-1");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => ledger.CommitAsync(commit));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Repository_NothingListens_SurfacesStorageUnavailable()
    {
        var options = TableStorage.CreateOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var service = new TableServiceClient(new Uri("http://127.0.0.1:9/devstoreaccount1"), new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])), options);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => new TableTurnLedger(service).ReadAsync("c"));
    }

    [Fact]
    public async Task GetEntity_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = new ScriptedHttpServer(0);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Table(Client(server)).GetAsync("p", "r", cts.Token));
    }

    [Fact]
    public async Task Save_PropertyOverTheServiceLimit_RefusedNamingTheFieldBeforeSending()
    {
        await using var server = new ScriptedHttpServer(204);
        var table = Table(Client(server));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SaveAsync("p", "r", new() { ["a"] = 1 }, null, new Dictionary<string, object?> { ["Note"] = new string('x', 40_000) }));

        Assert.Contains("'Note'", ex.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Save_ForbiddenKeyCharacter_RefusedNamingTheKey()
    {
        await using var server = new ScriptedHttpServer(204);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Table(Client(server)).SaveAsync("a/b", "r", new() { ["a"] = 1 }, null));

        Assert.Contains("PartitionKey", ex.Message);
        Assert.Empty(server.Requests);
    }
}
