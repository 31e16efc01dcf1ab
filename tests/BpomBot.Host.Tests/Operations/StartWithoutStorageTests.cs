using System.Net;
using BpomBot.Storage.Tests.Azurite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Host.Tests.Operations;

/// <summary>Issue 18 item 6: storage down at start never stops the bot; it becomes ready when storage comes back.</summary>
[Trait("Category", "Azurite")]
public sealed class StartWithoutStorageTests
{
    [Fact]
    public async Task Start_StorageDown_ServesHealthzNotReady_ThenCreatesTablesAndTurnsReadyWhenStorageStarts()
    {
        var azurite = AzuriteFixture.OnFreePorts(); // ports chosen, nothing listening yet
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical", $"--Storage:ConnectionString={azurite.ConnectionString}"]);
        await using var _ = app;
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        try
        {
            using (var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
            using (var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }

            await azurite.InitializeAsync();

            // Bounded wait for the background initializer's next attempt (its backoff is capped at 30 s).
            var deadline = DateTime.UtcNow.AddSeconds(120);
            HttpStatusCode status;
            do
            {
                await Task.Delay(500);
                using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                status = ready.StatusCode;
            }
            while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

            Assert.Equal(HttpStatusCode.OK, status);
            var tables = new List<string>();
            await foreach (var table in BpomBot.Storage.Tables.Client.TableStorage.Create(azurite.ConnectionString).QueryAsync())
            {
                tables.Add(table.Name);
            }

            Assert.Contains("Kegiatan", tables);
            Assert.Contains("KegiatanIndex", tables);
            Assert.Contains("DialogState", tables);
        }
        finally
        {
            await app.StopAsync();
            await azurite.DisposeAsync();
        }
    }
}
