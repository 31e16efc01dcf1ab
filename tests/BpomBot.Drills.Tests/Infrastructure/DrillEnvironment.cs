using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using BpomBot.EndToEnd.Tests.Infrastructure;

using static BpomBot.EndToEnd.Tests.Infrastructure.Loopback;

namespace BpomBot.Drills.Tests.Infrastructure;

/// <summary>
/// Azurite on disk, a recording fake connector and any number of bot processes (the built <c>bpombot.dll</c>, local
/// mode, Development hooks) on free loopback ports, sharing the storage. Bots can be killed (SIGKILL) and restarted.
/// </summary>
public sealed class DrillEnvironment : IAsyncLifetime
{
    public const string ContactCentre = "19:drill-contact-centre@thread.tacv2";
    public const string Tenant = "72f988bf-0000-4000-8000-00000000d111";
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly List<ChildProcess> _children = [];
    private static long _activitySeq;

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("bpombot-drill-").FullName;

    public string StorageConnectionString { get; private set; } = null!;

    public RecordingConnector Connector { get; private set; } = null!;

    public TableServiceClient Tables { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A unique prefix per run, so ids never collide with an earlier drill in the same storage.</summary>
    public string RunId { get; } = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        try
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
            await WaitForTcpAsync(azurite, queuePort);
            StorageConnectionString = string.Create(CultureInfo.InvariantCulture,
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;");
            Tables = new TableServiceClient(StorageConnectionString);
            Connector = new RecordingConnector(FreePort());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            await _children[i].DisposeAsync();
        }

        _children.Clear();
        if (Connector is not null)
        {
            await Connector.DisposeAsync();
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Starts one bot process on a free port (or on <paramref name="port"/>, to restart an instance).</summary>
    public async Task<BotInstance> StartBotAsync(string name, int? port = null)
    {
        var botPort = port ?? FreePort();
        var url = $"http://127.0.0.1:{botPort}";
        var process = Track(ChildProcess.Start(
            name,
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "bpombot.dll"), "--urls", url],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["Storage__ConnectionString"] = StorageConnectionString,
                ["Logging__LogLevel__Default"] = "Warning",
                // Reminders are swept by the drills through the test hook only.
                ["Reminders__SweepInterval"] = "01:00:00",
                // "tanya petugas" tickets are posted to this channel at the recording connector.
                ["Faq__ContactCentreConversationId"] = ContactCentre,
                ["Faq__ContactCentreServiceUrl"] = Connector.ServiceUrl,
            }));
        var bot = new BotInstance(name, botPort, process);
        await WaitForHttpAsync(process, new Uri($"{url}/healthz"));
        return bot;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public async Task KillAsync(BotInstance bot)
    {
        // The bot is one process: kill it at once. Killing "the entire process tree" first walks every process on the
        // machine, which on a loaded one let the bot run on for 60–300 ms after the drill meant to kill it.
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(bot.Process.Id);
            process.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }

        await bot.Process.DisposeAsync();
        _children.Remove(bot.Process);
    }

    /// <summary>A user message in a personal conversation whose replies go to the recording connector.</summary>
    public JsonObject Message(string conversationId, string user, string text, string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewActivityId(),
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "id-ID",
        ["channelId"] = "msteams",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = Connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:" + user, ["name"] = "Petugas " + user, ["aadObjectId"] = UserObjectId(user) },
        ["recipient"] = new JsonObject { ["id"] = "28:drill-bot", ["name"] = "BpomBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    /// <summary>An Action.Execute card click (invoke) by <paramref name="user"/>.</summary>
    public JsonObject Click(string conversationId, string user, string verb, JsonObject data, string? id = null)
    {
        var click = Message(conversationId, user, string.Empty, id);
        click["type"] = "invoke";
        click["name"] = "adaptiveCard/action";
        click.Remove("text");
        click["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return click;
    }

    public string NewActivityId() => $"{RunId}-{Interlocked.Increment(ref _activitySeq)}";

    /// <summary>A stable Entra object id for a drill user name.</summary>
    public static string UserObjectId(string user) =>
        "00000000-0000-4000-8000-" + ((uint)StableHash(user)).ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>Posts an activity; the HTTP status (0 when the connection broke, e.g. the bot was killed).</summary>
    public async Task<(int Status, string Body)> PostAsync(BotInstance bot, JsonObject activity)
    {
        try
        {
            using var response = await Http.PostAsJsonAsync(bot.Endpoint, activity);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return (0, string.Empty);
        }
        catch (TaskCanceledException)
        {
            return (0, string.Empty);
        }
    }

    /// <summary>Sends a message and waits for the bot's reply to it; the reply's JSON (throws when none came).</summary>
    public async Task<string> SayAsync(BotInstance bot, string conversationId, string user, string text)
    {
        var activity = Message(conversationId, user, text);
        var id = activity["id"]!.GetValue<string>();
        var (status, _) = await PostAsync(bot, activity);
        if (status is < 200 or > 299)
        {
            throw new InvalidOperationException($"\"{text}\": HTTP {status}.\n{bot.Process.Output()}");
        }

        if (!await Connector.WaitForAsync(calls => calls.Any(c => c.IsMessage && c.ReplyToId == id), TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"\"{text}\": no reply within 30 s.\n{bot.Process.Output()}");
        }

        return string.Join("\n", Connector.Calls.Where(c => c.IsMessage && c.ReplyToId == id).Select(c => c.Text));
    }

    /// <summary>Rows of a table matching an OData filter (0 when the table does not exist yet).</summary>
    public async Task<int> CountRowsAsync(string table, string? filter = null)
    {
        var count = 0;
        try
        {
            await foreach (var _ in Tables.GetTableClient(table).QueryAsync<TableEntity>(filter, select: ["PartitionKey"]))
            {
                count++;
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }

        return count;
    }

    public async Task<List<TableEntity>> RowsAsync(string table, string? filter = null)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Tables.GetTableClient(table).QueryAsync<TableEntity>(filter))
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return rows;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private ChildProcess Track(ChildProcess child)
    {
        _children.Add(child);
        return child;
    }

    public static string FindRepositoryRootOrBase()
    {
        try
        {
            return FindRepositoryRoot();
        }
        catch (InvalidOperationException)
        {
            return AppContext.BaseDirectory;
        }
    }

    private static string FindRepositoryRoot()
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

/// <summary>One running bot process.</summary>
public sealed record BotInstance(string Name, int Port, ChildProcess Process)
{
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/api/messages");

    public Uri Base => new($"http://127.0.0.1:{Port}/");
}

[CollectionDefinition(Name)]
public sealed class DrillCollection : ICollectionFixture<DrillEnvironment>
{
    public const string Name = "drills";
}
