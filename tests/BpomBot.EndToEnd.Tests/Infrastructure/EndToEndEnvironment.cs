using System.Globalization;

using static BpomBot.EndToEnd.Tests.Infrastructure.Loopback;

namespace BpomBot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Azurite, the bot (built `bpombot.dll`, a child process) and the real Microsoft 365 Agents Playground
/// (channel msteams, events recording on), each on its own free loopback port, in a private work folder.
/// Node processes run with scripts/loopback-only.cjs so they cannot reach anything but loopback.
/// </summary>
public sealed class EndToEndEnvironment : IAsyncLifetime
{
    public const string ConversationId = "e2e-personal-chat";
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly List<ChildProcess> _children = [];

    public EndToEndEnvironment()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Directory.CreateTempSubdirectory("bpombot-e2e-").FullName;
    }

    public string RepositoryRoot { get; }

    public string WorkDirectory { get; }

    public Uri BotEndpoint { get; private set; } = null!;

    /// <summary>Base address of the Playground (web UI and its HTTP API), e.g. http://127.0.0.1:41234/.</summary>
    public Uri PlaygroundBase { get; private set; } = null!;

    public string RecordingFile => Path.Combine(WorkDirectory, "playground", "events_recording.log");

    public PlaygroundClient Playground { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        Playground?.Dispose();
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            await _children[i].DisposeAsync();
        }

        _children.Clear();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the folder is under the temp directory.
        }
    }

    /// <summary>Every child's recent output, for failure messages.</summary>
    public string Diagnostics()
    {
        var parts = _children.Select(c => c.Output()).ToList();
        if (File.Exists(RecordingFile))
        {
            var recording = File.ReadAllText(RecordingFile);
            parts.Add($"----- Playground events recording (last 6000 chars) -----\n{recording[Math.Max(0, recording.Length - 6000)..]}");
        }

        return string.Join("\n", parts);
    }

    /// <summary>Runs a step and, when it fails, rethrows with the bot's, Azurite's and the Playground's output attached.</summary>
    public async Task<T> StepAsync<T>(string step, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not EndToEndException)
        {
            throw new EndToEndException($"{step} failed: {ex.Message}\n\n{Diagnostics()}", ex);
        }
    }

    public Task StepAsync(string step, Func<Task> action) => StepAsync(step, async () =>
    {
        await action();
        return true;
    });

    private async Task StartAsync()
    {
        var node = "node";
        var nodeOptions = $"--require {Path.Combine(RepositoryRoot, "scripts", "loopback-only.cjs")}";

        // Azurite.
        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        var azuriteJs = RequireFile(Path.Combine(RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js"), "run `npm ci` in the repository root");
        var azurite = Track(ChildProcess.Start(
            "azurite",
            node,
            [azuriteJs, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", Directory.CreateDirectory(Path.Combine(WorkDirectory, "azurite")).FullName,
             "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort), "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort), "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort)],
            WorkDirectory,
            new Dictionary<string, string?> { ["NODE_OPTIONS"] = nodeOptions, ["LOOPBACK_ONLY_VERBOSE"] = "1" }));
        await WaitForTcpAsync(azurite, blobPort, "Azurite Blob");
        await WaitForTcpAsync(azurite, tablePort, "Azurite Table");
        var storage = string.Create(CultureInfo.InvariantCulture, $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;");

        // The bot: the same bpombot.dll `./run.sh` starts, copied next to this test assembly by the project reference.
        var botPort = FreePort();
        var botDll = RequireFile(Path.Combine(AppContext.BaseDirectory, "bpombot.dll"), "build the solution first");
        var botUrl = $"http://127.0.0.1:{botPort}";
        var bot = Track(ChildProcess.Start(
            "bot",
            "dotnet",
            [botDll, "--urls", botUrl],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["Storage__ConnectionString"] = storage,
            }));
        BotEndpoint = new Uri($"{botUrl}/api/messages");
        await WaitForHttpAsync(bot, new Uri($"{botUrl}/healthz"), "the bot's /healthz");

        // The Agents Playground, pointed at the bot with channel msteams.
        var playgroundJs = RequireFile(Path.Combine(RepositoryRoot, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"), "run `npm ci` in the repository root");
        var playgroundDirectory = Directory.CreateDirectory(Path.Combine(WorkDirectory, "playground")).FullName;
        var playground = Track(ChildProcess.Start(
            "playground",
            node,
            [playgroundJs, "--app-endpoint", BotEndpoint.ToString(), "--channel-id", "msteams", "--port", Port(FreePort()),
             "--conversation-id", ConversationId, "--enable-events-recording", "--disable-telemetry"],
            playgroundDirectory,
            new Dictionary<string, string?>
            {
                ["NODE_OPTIONS"] = nodeOptions,
                ["LOOPBACK_ONLY_VERBOSE"] = "1", // refused destinations show up in failure output
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_RECORDING_FILE"] = RecordingFile,
            }));
        var listening = await playground.WaitForLineAsync(l => l.StartsWith("Listening on ", StringComparison.Ordinal), StartTimeout, "\"Listening on <port>\"");
        var playgroundPort = int.Parse(listening["Listening on ".Length..].Trim(), CultureInfo.InvariantCulture);
        PlaygroundBase = new Uri($"http://127.0.0.1:{playgroundPort}/");
        await WaitForHttpAsync(playground, new Uri(PlaygroundBase, "_debug/ping"), "the Playground's /_debug/ping");
        Playground = new PlaygroundClient(PlaygroundBase, RecordingFile);
    }

    private ChildProcess Track(ChildProcess child)
    {
        _children.Add(child);
        return child;
    }

    private static string RequireFile(string path, string hint) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"Missing {path}: {hint}.");

    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BpomBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BpomBot.sln not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A failed end-to-end step, with every process's output in the message.</summary>
public sealed class EndToEndException(string message, Exception inner) : Exception(message, inner);
