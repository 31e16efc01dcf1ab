using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tests.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Storage.Tests.Hosting;

internal static class TestHost
{
    public static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBpomTableStorage(builder.Configuration);
        return builder.Build();
    }
}

public sealed class StorageOptionsValidationTests
{
    [Theory]
    [InlineData(null, null, null, "exactly one")]
    [InlineData("UseDevelopmentStorage=true", "https://x.table.core.windows.net", "https://x.blob.core.windows.net", "exactly one")]
    [InlineData("AccountName=x", null, null, "ConnectionString is invalid")]
    [InlineData(null, "https://x.table.core.windows.net", null, "BlobEndpoint is required")]
    public async Task Start_InvalidStorageOptions_FailsNamingTheSetting(string? connectionString, string? table, string? blob, string expected)
    {
        using var host = TestHost.Build(new()
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TableEndpoint"] = table,
            ["Storage:BlobEndpoint"] = blob,
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Options_EndpointsWithManagedIdentity_PassValidation()
    {
        using var host = TestHost.Build(new()
        {
            ["Storage:TableEndpoint"] = "https://bpom.table.core.windows.net",
            ["Storage:BlobEndpoint"] = "https://bpom.blob.core.windows.net",
            ["Storage:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(new Uri("https://bpom.table.core.windows.net"), options.TableEndpoint);
        Assert.NotNull(host.Services.GetRequiredService<IRosterRepository>());
    }

    [Fact]
    public async Task HealthCheck_StorageUnreachable_ReportsUnhealthy()
    {
        using var host = TestHost.Build(new() { ["Storage:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1" });

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["storage"].Status);
    }

    [Fact]
    public async Task InMemory_StartsAndServesRepositories()
    {
        using var host = TestHost.Build(new() { ["Storage:InMemory"] = "true" });
        await host.StartAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<IDialogStateRepository>().SaveAsync(new DialogStateDocument("c", "{}", DateTimeOffset.UnixEpoch));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.NotNull(saved.Version);
        Assert.Equal(HealthStatus.Healthy, report.Entries["storage"].Status);
        await host.StopAsync();
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Start_WithAzuriteConnectionString_CreatesTablesAndContainer_HealthyAndUsable()
    {
        using var host = TestHost.Build(new() { ["Storage:ConnectionString"] = azurite.ConnectionString });
        await host.StartAsync();

        var roster = host.Services.GetRequiredService<IRosterRepository>();
        var unit = await roster.SaveUnitAsync(new UnitRecord("reg-" + Guid.NewGuid().ToString("N"), "Balai Besar POM", "BBPOM", null, "Asia/Jakarta"));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var evidence = host.Services.GetRequiredService<IEvidenceStore>();
        var name = $"kegiatan/{Guid.NewGuid():N}/undangan.pdf";
        var bytes = System.Text.Encoding.UTF8.GetBytes("%PDF-1.7 undangan FGD");

        var stored = await evidence.UploadAsync(name, new MemoryStream(bytes), "application/pdf");
        var read = await evidence.OpenReadAsync(name);
        using var copy = new MemoryStream();
        await read!.Value.Content.CopyToAsync(copy);

        Assert.Equal(unit, await roster.GetUnitAsync(unit.Id));
        Assert.Equal(HealthStatus.Healthy, report.Entries["storage"].Status);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), stored.Sha256Hex);
        Assert.Equal(stored, read.Value.File);
        Assert.Equal(bytes, copy.ToArray());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => evidence.UploadAsync(name, new MemoryStream(bytes), "application/pdf"));
        Assert.Null(await evidence.OpenReadAsync("kegiatan/none.pdf"));
        await host.StopAsync();
    }
}
