using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BpomBot.Storage.Tests.Azurite;

/// <summary>
/// Starts the repository's pinned Azurite (node_modules/azurite, from `npm ci`) in memory on free loopback ports for
/// Table, Blob and Queue, waits until they answer, and stops it afterwards. Self-contained so other test projects can link it.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _workspace;

    public int TablePort { get; private set; }

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    /// <summary>An Azurite that will listen on ports chosen now (e.g. to start it after a client was configured for it).</summary>
    public static AzuriteFixture OnFreePorts() => new() { TablePort = FreePort(), BlobPort = FreePort(), QueuePort = FreePort() };

    /// <summary>Endpoints on loopback port 1, where nothing listens and no test's Azurite can start: storage that is down.</summary>
    public static AzuriteFixture Unreachable() => new() { TablePort = 1, BlobPort = 1, QueuePort = 1 };

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    /// <summary>A shared-key connection string with explicit endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};";

    public async Task InitializeAsync()
    {
        var root = FindRepoRoot();
        var main = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite not found at {main}. Run `npm ci --no-audit --no-fund` in {root}.");
        }

        TablePort = TablePort == 0 ? FreePort() : TablePort;
        BlobPort = BlobPort == 0 ? FreePort() : BlobPort;
        QueuePort = QueuePort == 0 ? FreePort() : QueuePort;
        var workspace = _workspace = Path.Combine(Path.GetTempPath(), "bpombot-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workspace);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            main, "--silent", "--inMemoryPersistence", "--loose", "--skipApiVersionCheck", "--disableProductStyleUrl",
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with {_process.ExitCode}: {Output()}");
            }

            if (await Answers(http, TablePort) && await Answers(http, BlobPort) && await Answers(http, QueuePort))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Azurite did not answer within 60 s: {Output()}");
            }

            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_workspace is not null && Directory.Exists(_workspace))
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }

    /// <summary>Walks up from the test binaries to the directory holding BpomBot.sln.</summary>
    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BpomBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BpomBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<bool> Answers(HttpClient http, int port)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}

/// <summary>One Azurite per test run, shared by every class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
