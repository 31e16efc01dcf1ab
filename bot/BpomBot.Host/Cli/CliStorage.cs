using BpomBot.Storage;

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
}
