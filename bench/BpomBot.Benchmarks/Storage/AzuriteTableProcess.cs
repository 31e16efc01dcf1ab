using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BpomBot.Benchmarks.Storage;

/// <summary>Starts the repository's pinned azurite-table in memory on a free loopback port (needs `npm ci`).</summary>
internal sealed class AzuriteTableProcess : IDisposable
{
    private readonly Process _process;

    private AzuriteTableProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>CPU time the Azurite process has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static AzuriteTableProcess Start()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BpomBot.sln")))
        {
            root = root.Parent;
        }

        var main = Path.Combine(root?.FullName ?? throw new InvalidOperationException("BpomBot.sln not found"), "node_modules", "azurite", "dist", "src", "table", "main.js");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { main, "--silent", "--inMemoryPersistence", "--loose", "--skipApiVersionCheck", "--disableProductStyleUrl", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new AzuriteTableProcess(process, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(200);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("azurite-table did not start");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
