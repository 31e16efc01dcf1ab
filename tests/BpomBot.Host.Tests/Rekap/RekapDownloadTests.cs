using System.Net;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Teams.Rekap;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Host.Tests.Rekap;

/// <summary>The workbook download (a signed link) while storage is down: "coba lagi sebentar", and no workbook bytes at all.</summary>
[Trait("Category", "Azurite")]
public sealed class RekapDownloadTests
{
    [Fact]
    public async Task A_workbook_request_while_storage_is_down_says_try_again_and_sends_no_file()
    {
        var storage = AzuriteFixture.Unreachable();
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical", $"--Storage:ConnectionString={storage.ConnectionString}"]);
        await using var _ = app;
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var link = app.Services.GetRequiredService<RekapLinks>().Create(RekapLink.Workbook, "aad-kepala", 2026, null, null);

        using var response = await http.GetAsync(new Uri(link, UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("coba lagi sebentar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
