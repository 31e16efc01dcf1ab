using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BpomBot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Ports on 127.0.0.1 and waiting for a started child to answer there; shared by the end-to-end tests and the fault
/// drills (linked into both projects).
/// </summary>
public static class Loopback
{
    /// <summary>How long a child may take to listen or answer (first start on a loaded 2-core machine).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Waits until <paramref name="port"/> accepts connections; fails with the child's output when it exits or times out.</summary>
    public static async Task WaitForTcpAsync(ChildProcess owner, int port, string what = "the service")
    {
        ArgumentNullException.ThrowIfNull(owner);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !owner.HasExited)
            {
                await Task.Delay(200);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"{what} is not listening on 127.0.0.1:{port} ({ex.SocketErrorCode}).\n{owner.Output()}", ex);
            }
        }
    }

    /// <summary>Waits until <paramref name="url"/> answers with a success code; fails with the last answer and the child's output.</summary>
    public static async Task WaitForHttpAsync(ChildProcess owner, Uri url, string what = "the service")
    {
        ArgumentNullException.ThrowIfNull(owner);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline && !owner.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }

            await Task.Delay(250);
        }

        var state = owner.HasExited ? "exited" : $"gave no success within {StartTimeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"{what} at {url} {state} (last: {last}).\n{owner.Output()}");
    }
}
