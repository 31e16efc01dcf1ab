using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BpomBot.Host.Tests.Operations;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_Running_Returns200ReportingStorageOnly()
    {
        var (app, http) = await OperationsHost.StartAsync();
        await using var _ = app;

        var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)body["status"]);
        var checks = body["checks"]!.AsObject();
        Assert.Equal("Healthy", (string?)checks["storage"]!["status"]);
        Assert.False(checks.ContainsKey("configuration")); // readiness only
    }

    [Fact]
    public async Task Readyz_StorageReachableAndSettingsValid_Returns200WithBothChecks()
    {
        var (app, http) = await OperationsHost.StartAsync();
        await using var _ = app;

        var response = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!;
        Assert.Equal("Healthy", (string?)checks["storage"]!["status"]);
        Assert.Equal("Healthy", (string?)checks["configuration"]!["status"]);
    }

    [Fact]
    public async Task Readyz_SettingBecomesInvalidAfterStart_Returns503NamingTheSetting()
    {
        var (app, http) = await OperationsHost.StartAsync();
        await using var _ = app;

        // A settings change after start (like an edited appsettings.json being reloaded) with a bad value.
        // The options monitor re-validates inside the change callback, so the change itself reports the failure
        // (with a file, the reload thread would see it); the instance keeps running and must now report not ready.
        var reload = Record.Exception(() =>
            ((IConfigurationBuilder)app.Configuration).AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:MaxBodyBytes"] = "10" }));
        Assert.Contains("Bot:MaxBodyBytes", reload?.InnerException?.Message);
        var response = await http.GetAsync("/readyz");
        var live = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var configuration = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!["configuration"]!;
        Assert.Equal("Unhealthy", (string?)configuration["status"]);
        Assert.Contains("Bot:MaxBodyBytes", (string?)configuration["description"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task ReadinessChecks_StorageUnreachable_StorageUnhealthy()
    {
        // Port 1 on loopback refuses connections. The host is built but not started (start would fail creating tables).
        var unreachable = "--Storage:ConnectionString=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "TableEndpoint=http://127.0.0.1:1/devstoreaccount1;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        WebApplication app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical", unreachable]);
        await using var _ = app;

        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["storage"].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries["configuration"].Status);
    }
}
