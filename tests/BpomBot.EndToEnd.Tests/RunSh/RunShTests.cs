using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BpomBot.EndToEnd.Tests.Infrastructure;

namespace BpomBot.EndToEnd.Tests.RunSh;

/// <summary>
/// `./run.sh` as a newcomer runs it: from a fresh clone (of the committed HEAD, or a copy of the sources when this is
/// not a git checkout; node_modules linked from this checkout since the tests run offline), first time, on free ports. It must build, start Azurite, the bot and the Playground
/// with the demo roster, answer over the Playground's HTTP API, and leave nothing running after Ctrl-C.
/// </summary>
public sealed class RunShTests : IAsyncLifetime
{
    /// <summary>Upper bound for the whole start-up, including the first Release build of a fresh clone.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);
    private readonly string _work = Directory.CreateTempSubdirectory("bpombot-runsh-").FullName;
    private ChildProcess? _run;

    private string Clone => Path.Combine(_work, "bpombot");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // under the temp directory
        }
        catch (UnauthorizedAccessException)
        {
            // under the temp directory
        }
    }

    [Fact]
    public async Task RunSh_FreshClone_StartsServesAMessageAndCtrlCStopsEverything()
    {
        var repository = EndToEndEnvironment.FindRepositoryRoot();
        if (Path.Exists(Path.Combine(repository, ".git")))
        {
            await RunAsync("git", ["clone", "--quiet", repository, Clone], _work);
        }
        else
        {
            CopySources(new DirectoryInfo(repository), Directory.CreateDirectory(Clone)); // a source tree without git
        }

        File.CreateSymbolicLink(Path.Combine(Clone, "node_modules"), new DirectoryInfo(Path.Combine(repository, "node_modules")).ResolveLinkTarget(returnFinalTarget: true)?.FullName
            ?? Path.Combine(repository, "node_modules"));

        // Five distinct ports: each listener stays open until all are chosen, so no port is handed out twice.
        var ports = FreePorts(5);
        var (botPort, playgroundPort) = (ports[0], ports[1]);
        var azurite = ports[2..];
        _run = ChildProcess.Start("run.sh", "bash", [Path.Combine(Clone, "run.sh")], Clone, new Dictionary<string, string?>
        {
            ["BPOMBOT_PORT"] = Port(botPort),
            ["PLAYGROUND_PORT"] = Port(playgroundPort),
            ["AZURITE_PORTS"] = string.Join(' ', azurite.Select(Port)),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        });

        await Step("run.sh reports that BpomBot is running", () =>
            _run.WaitForLineAsync(l => l.Contains("BpomBot is running.", StringComparison.Ordinal), StartTimeout, "\"BpomBot is running.\""));
        var output = _run.Output();
        Assert.Contains("waiting for Azurite", output);
        Assert.Contains("waiting for the bot", output);
        Assert.Contains("loading the demo roster", output);
        Assert.Contains("you are Alex Wilber", output);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Step("GET /healthz and /readyz", async () =>
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{botPort}/healthz"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{botPort}/readyz"))).StatusCode);
        });
        var playgroundBase = new Uri($"http://127.0.0.1:{playgroundPort}/");
        await Step("GET the Playground page", async () =>
            Assert.Contains("Agents Playground", await http.GetStringAsync(playgroundBase), StringComparison.Ordinal));

        await Step("\"halo\" through the Playground's API gets the help card", async () =>
        {
            using var playground = new PlaygroundClient(playgroundBase, Path.Combine(Clone, ".local", "logs", "playground-events.log"));
            const string Conversation = "personal-user-id-0";
            var before = playground.BotActivities().Count;
            await playground.SendMessageAsync(Conversation, "halo");
            var reply = await playground.WaitForBotActivityAsync(before, a => a.AdaptiveCards().Any(), ReplyTimeout, "a card after \"halo\"");
            Assert.Equal(201, reply.StatusCode);
            Assert.Equal(Conversation, reply.Activity["conversation"]?["id"]?.GetValue<string>());
            Assert.Contains(reply.AdaptiveCards().SelectMany(CardJson.Texts), t => t.Contains("BpomBot", StringComparison.Ordinal));
        });

        await Step("Ctrl-C stops run.sh", async () =>
        {
            await _run.SignalAsync("INT");
            var code = await _run.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(code is not null, "run.sh (or something it started that still holds its output) was running 60 s after Ctrl-C.");
            Assert.Contains("==> stopped", _run.Output());
        });

        await Step("Nothing is left running", async () =>
        {
            Assert.Empty(ProcessesMentioning(Clone));
            foreach (var port in new[] { botPort, playgroundPort }.Concat(azurite))
            {
                Assert.False(await AcceptsAsync(port), $"127.0.0.1:{port} still accepts connections after Ctrl-C.");
            }
        });
    }

    private async Task Step(string step, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{step} failed: {ex.Message}\n{_run?.Output()}\n{Logs()}", ex);
        }
    }

    private string Logs()
    {
        var logs = Path.Combine(Clone, ".local", "logs");
        return !Directory.Exists(logs) ? "(no .local/logs)" : string.Join('\n', Directory.GetFiles(logs, "*.log")
            .Where(f => !f.EndsWith("playground-events.log", StringComparison.Ordinal))
            .Select(f => $"----- {Path.GetFileName(f)} -----\n{Tail(File.ReadAllText(f), 3000)}"));
    }

    private static string Tail(string text, int max) => text.Length <= max ? text : text[^max..];

    /// <summary>Live (not zombie) processes whose command line mentions <paramref name="text"/>, as "pid: command".</summary>
    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                var state = File.ReadAllText(Path.Combine(dir, "stat")).Split(") ", 2) is [_, var rest] ? rest[..1] : "?";
                if (state != "Z" && command.Contains(text, StringComparison.Ordinal))
                {
                    found.Add($"{pid}: {command}");
                }
            }
            catch (IOException)
            {
                // ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // not ours
            }
        }

        return found;
    }

    /// <summary>What a clone would hold: everything but build output, installed packages and local state.</summary>
    private static void CopySources(DirectoryInfo from, DirectoryInfo to)
    {
        string[] skipped = ["bin", "obj", "node_modules", ".local", ".azurite", "TestResults", "BenchmarkDotNet.Artifacts", ".git"];
        foreach (var file in from.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(to.FullName, file.Name));
        }

        foreach (var dir in from.EnumerateDirectories().Where(d => !skipped.Contains(d.Name) && d.LinkTarget is null))
        {
            CopySources(dir, to.CreateSubdirectory(dir.Name));
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, string[] arguments, string directory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stdout}{await stderr}");
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }


    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
