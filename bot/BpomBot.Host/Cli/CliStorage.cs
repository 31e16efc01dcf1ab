using BpomBot.Domain.Abstractions;
using BpomBot.Storage;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Cli;

/// <summary>
/// Configuration for CLI commands that touch storage (`roster import`, `override`, …): appsettings.json, then
/// appsettings.{environment}.json (DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT), then environment variables. When none
/// of them names a storage, the local Azurite of ./run.sh is used (UseDevelopmentStorage=true: 127.0.0.1 ports
/// 10000–10002, which run.sh makes reachable on this machine) and the command says so on stderr.
/// </summary>
internal static class CliStorage
{
    public const string LocalDefault = "UseDevelopmentStorage=true";

    public static IConfiguration Configuration(TextWriter stderr, Action<IConfigurationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables();
        configure?.Invoke(builder);
        var configuration = builder.Build();
        var storage = configuration.GetSection("Storage");
        if (string.IsNullOrWhiteSpace(storage["ConnectionString"]) && string.IsNullOrWhiteSpace(storage["TableEndpoint"])
            && !string.Equals(storage["InMemory"], "true", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"bpombot: no storage configured (Storage__ConnectionString); using the local Azurite of ./run.sh ({LocalDefault}).");
            configuration = new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = LocalDefault })
                .Build();
        }

        return configuration;
    }

    /// <summary>The storage services of the bot (tables, repositories) for a CLI command.</summary>
    public static ServiceProvider Services(TextWriter stderr, Action<IConfigurationBuilder>? configure) =>
        new ServiceCollection().AddLogging().AddBpomTableStorage(Configuration(stderr, configure)).BuildServiceProvider();

    /// <summary>Whether <paramref name="ex"/> is a storage failure that <see cref="Report"/> explains.</summary>
    public static bool IsStorageFailure(Exception ex) =>
        ex is OptionsValidationException or Azure.RequestFailedException or StorageUnavailableException;

    /// <summary>
    /// Tells the user what went wrong with storage and returns the exit code: 2 for invalid settings, 0 when the table
    /// does not exist yet (<paramref name="whenTableMissing"/> is said; nothing was recorded so far), 1 otherwise.
    /// </summary>
    public static int Report(Exception ex, TextWriter output, TextWriter error, string whenTableMissing)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        switch (ex)
        {
            case OptionsValidationException invalid:
                error.WriteLine($"Konfigurasi storage tidak valid: {invalid.Message}");
                return 2;
            case Azure.RequestFailedException { Status: 404 }:
                output.WriteLine(whenTableMissing);
                return 0;
            case Azure.RequestFailedException refused:
                error.WriteLine($"Storage menolak permintaan ({refused.Status}): {refused.ErrorCode ?? refused.Message}");
                return 1;
            default:
                error.WriteLine($"Storage tidak dapat dihubungi: {ex.Message}");
                return 1;
        }
    }
}
