using System.Globalization;
using System.Net;
using BpomBot.EndToEnd.Tests.Infrastructure;

using static BpomBot.EndToEnd.Tests.Infrastructure.Loopback;

namespace BpomBot.EndToEnd.Tests.Conversation;

/// <summary>
/// Azurite (on disk), the bot and the Agents Playground like <see cref="EndToEndEnvironment"/>, plus what the SOP walk
/// needs: the storage connection string (to play the leader's disposisi decision), a restartable bot process, and a
/// loopback file server for attachments sent with contentUrl. <see cref="ActAsAsync"/> signs another user of the demo
/// roster into the Playground (restarted on the same port, as ./run.sh does), so a test can act as several people.
/// </summary>
public sealed class ConversationEnvironment : IAsyncLifetime
{
    public const string ConversationId = "e2e-sop-walk";
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly List<ChildProcess> _children = [];
    private ChildProcess? _bot;
    private ChildProcess? _playground;
    private int _botPort;
    private int _playgroundPort;
    private int _playgroundStarts;
    private HttpListener? _files;

    public string RepositoryRoot { get; } = EndToEndEnvironment.FindRepositoryRoot();

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("bpombot-e2e-sop-").FullName;

    public string StorageConnectionString { get; private set; } = null!;

    public Uri FileServer { get; private set; } = null!;

    /// <summary>Files the loopback file server answers, by path (e.g. "/rekomendasi.pdf").</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public PlaygroundClient Playground { get; private set; } = null!;

    public Uri PlaygroundBase { get; private set; } = null!;

    public Uri BotEndpoint => new($"http://127.0.0.1:{_botPort}/api/messages");

    /// <summary>The events recording of the Playground now running (each start as a user writes its own).</summary>
    public string RecordingFile { get; private set; } = null!;

    /// <summary>The personal chat of the Playground's current user: <see cref="ConversationId"/> until <see cref="ActAsAsync"/>.</summary>
    public string Conversation { get; private set; } = ConversationId;

    /// <summary>The demo roster user signed into the Playground, or null for the Playground's default user (user-id-0).</summary>
    public DemoUser? CurrentUser { get; private set; }

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

    /// <summary>Runs <paramref name="test"/> in an environment of its own, started and stopped around it.</summary>
    public static async Task RunAsync(Func<ConversationEnvironment, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var env = new ConversationEnvironment();
        await env.InitializeAsync();
        try
        {
            await test(env);
        }
        finally
        {
            await env.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        Playground?.Dispose();
        _files?.Close();
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

    /// <summary>How long a test waits for the bot's reply to one message or click.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The Playground user says <paramref name="text"/>; waits for a bot reply containing <paramref name="expected"/>.</summary>
    public Task SayAsync(string text, string expected) => ExpectAsync(() => Playground.SendMessageAsync(Conversation, text), expected);

    /// <summary>Imports a roster CSV (e.g. <see cref="DemoRoster.Csv"/>) into the bot's storage, as `bpombot roster import` does.</summary>
    public async Task ImportRosterAsync(string csv)
    {
        var service = BpomBot.Storage.Tables.Client.TableStorage.Create(StorageConnectionString);
        var importer = new BpomBot.Domain.Roster.RosterImporter(new BpomBot.Storage.Tables.Repositories.TableRosterRepository(service),
            BpomBot.Domain.Organization.UnitCatalog.LoadEmbedded(), new BpomBot.Storage.Tables.Repositories.TableAuditLog(service), TimeProvider.System);
        var result = await importer.ImportAsync(csv, "e2e");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    /// <summary>
    /// Signs <paramref name="user"/> into the Playground: the Playground stops and starts again on the same port with
    /// that user current and their own personal chat (the README's BPOMBOT_PLAYGROUND_USER=&lt;name&gt; ./run.sh).
    /// Storage and the bot keep running, so what the others did is still there.
    /// </summary>
    public async Task ActAsAsync(DemoUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Playground.Dispose();
        await _playground!.DisposeAsync();
        _children.Remove(_playground);
        var directory = Path.Combine(WorkDirectory, "playground");
        await File.WriteAllTextAsync(Path.Combine(directory, ".m365agentsplayground.yml"), DemoRoster.PlaygroundConfig(DemoRoster.Users(RepositoryRoot), user));
        CurrentUser = user;
        Conversation = user.PersonalChatId;
        await StartPlaygroundAsync(user.TeamsId);
    }

    /// <summary>Runs <paramref name="act"/> and waits for a new bot activity containing <paramref name="expected"/>.</summary>
    public async Task ExpectAsync(Func<Task> act, string expected)
    {
        var before = Playground.BotActivities().Count;
        await act();
        await Playground.WaitForBotActivityAsync(
            before, a => a.Activity.ToJsonString().Contains(JsonEscaped(expected), StringComparison.Ordinal), ReplyTimeout, $"a reply containing \"{expected}\"");
    }

    /// <summary>The one stored kegiatan of <paramref name="unitId"/> this year with <paramref name="title"/>.</summary>
    public async Task<BpomBot.Domain.Workflow.Kegiatan> StoredKegiatanAsync(string unitId, string title)
    {
        var repository = new BpomBot.Storage.Kegiatan.TableKegiatanRepository(BpomBot.Storage.Tables.Client.TableStorage.Create(StorageConnectionString));
        // The bot files a kegiatan under its unit's local year (WIB/WITA/WIT, all ahead of UTC), which on
        // 31 December evening (UTC) is already the next year.
        var year = DateTime.UtcNow.Year;
        var all = await repository.ListByUnitYearAsync(unitId, year);
        all = [.. all, .. await repository.ListByUnitYearAsync(unitId, year + 1)];
        return Assert.Single(all, k => k.Title == title);
    }

    private static string JsonEscaped(string text) => System.Text.Json.Nodes.JsonValue.Create(text)!.ToJsonString()[1..^1];

    public string Diagnostics() => string.Join("\n", _children.Select(c => c.Output()));

    public async Task StepAsync(string step, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not EndToEndException)
        {
            throw new EndToEndException($"{step} failed: {ex.Message}\n\n{Diagnostics()}", ex);
        }
    }

    /// <summary>Stops the bot process and starts a new one on the same port: nothing survives but storage.</summary>
    public async Task RestartBotAsync()
    {
        await _bot!.DisposeAsync();
        _children.Remove(_bot);
        await StartBotAsync();
    }

    private async Task StartAsync()
    {
        var nodeOptions = $"--require {Path.Combine(RepositoryRoot, "scripts", "loopback-only.cjs")}";
        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        var azuriteJs = Path.Combine(RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        var azurite = Track(ChildProcess.Start(
            "azurite",
            "node",
            [azuriteJs, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", Directory.CreateDirectory(Path.Combine(WorkDirectory, "azurite")).FullName,
             "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort), "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort), "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort)],
            WorkDirectory,
            new Dictionary<string, string?> { ["NODE_OPTIONS"] = nodeOptions }));
        await WaitForTcpAsync(azurite, tablePort);
        await WaitForTcpAsync(azurite, blobPort);
        StorageConnectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;");

        _botPort = FreePort();
        await StartBotAsync();

        var filePort = FreePort();
        FileServer = new Uri($"http://127.0.0.1:{filePort}/");
        _files = new HttpListener();
        _files.Prefixes.Add(FileServer.ToString());
        _files.Start();
        _ = ServeFilesAsync(_files);

        Directory.CreateDirectory(Path.Combine(WorkDirectory, "playground"));
        _playgroundPort = FreePort();
        await StartPlaygroundAsync(PlaygroundClient.DefaultUserId);
    }

    private async Task StartPlaygroundAsync(string userId)
    {
        var playgroundJs = Path.Combine(RepositoryRoot, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        RecordingFile = Path.Combine(WorkDirectory, "playground", $"events_recording_{++_playgroundStarts}_{userId}.log");
        _playground = Track(ChildProcess.Start(
            "playground",
            "node",
            [playgroundJs, "--app-endpoint", $"http://127.0.0.1:{_botPort}/api/messages", "--channel-id", "msteams", "--port", Port(_playgroundPort),
             "--conversation-id", Conversation, "--enable-events-recording", "--disable-telemetry"],
            Path.Combine(WorkDirectory, "playground"),
            new Dictionary<string, string?>
            {
                ["NODE_OPTIONS"] = $"--require {Path.Combine(RepositoryRoot, "scripts", "loopback-only.cjs")}",
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_RECORDING_FILE"] = RecordingFile,
            }));
        var listening = await _playground.WaitForLineAsync(l => l.StartsWith("Listening on ", StringComparison.Ordinal), StartTimeout, "\"Listening on <port>\"");
        var playgroundPort = int.Parse(listening["Listening on ".Length..].Trim(), CultureInfo.InvariantCulture);
        if (playgroundPort != _playgroundPort)
        {
            // The bot keeps each user's conversation reference with this service URL; another port would lose them.
            throw new InvalidOperationException($"The Playground took port {playgroundPort} instead of {_playgroundPort}.\n{_playground.Output()}");
        }

        PlaygroundBase = new Uri($"http://127.0.0.1:{playgroundPort}/");
        await WaitForHttpAsync(_playground, new Uri(PlaygroundBase, "_debug/ping"));
        Playground = new PlaygroundClient(PlaygroundBase, RecordingFile, userId);
    }

    private async Task StartBotAsync()
    {
        var botUrl = $"http://127.0.0.1:{_botPort}";
        _bot = Track(ChildProcess.Start(
            "bot",
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "bpombot.dll"), "--urls", botUrl],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["Storage__ConnectionString"] = StorageConnectionString,
            }));
        await WaitForHttpAsync(_bot, new Uri($"{botUrl}/healthz"));
    }

    private async Task ServeFilesAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (Files.TryGetValue(context.Request.Url!.AbsolutePath, out var bytes))
            {
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    private ChildProcess Track(ChildProcess child)
    {
        _children.Add(child);
        return child;
    }

}
