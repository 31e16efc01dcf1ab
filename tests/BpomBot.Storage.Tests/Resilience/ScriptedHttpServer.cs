using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace BpomBot.Storage.Tests.Resilience;

/// <summary>
/// A loopback HTTP/1.1 server that answers request n with script[n] (the last entry repeats): a status code,
/// or 0 to never answer (the client times out). Records each request's head.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int[] _script;
    private readonly Task _loop;
    private readonly List<string> _requests = [];

    private readonly X509Certificate2? _certificate;

    public ScriptedHttpServer(params int[] script)
        : this(null, script)
    {
    }

    /// <summary>With a certificate the server speaks HTTPS.</summary>
    public ScriptedHttpServer(X509Certificate2? certificate, params int[] script)
    {
        _certificate = certificate;
        _script = script;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Endpoint => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/devstoreaccount1");

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        Stream stream = client.GetStream();
        if (_certificate is not null)
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(_certificate);
            stream = tls;
        }

        while (!_stop.IsCancellationRequested)
        {
            var head = await ReadHeadAsync(stream);
            if (head is null)
            {
                return;
            }

            int status;
            lock (_requests)
            {
                _requests.Add(head);
                status = _script[Math.Min(_requests.Count - 1, _script.Length - 1)];
            }

            if (status == 0)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            var body = status == 200 ? "{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"N\":1}" : string.Empty;
            var response = $"HTTP/1.1 {status} Scripted\r\nContent-Type: application/json\r\nETag: W/\"1\"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(response));
        }
    }

    private static async Task<string?> ReadHeadAsync(Stream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(one);
            }
            catch (IOException)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^1] == '\n' && buffer[^2] == '\r' && buffer[^3] == '\n' && buffer[^4] == '\r')
            {
                var head = Encoding.UTF8.GetString([.. buffer]);
                var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } header
                    ? int.Parse(header["Content-Length:".Length..].Trim())
                    : 0;
                var body = new byte[length];
                await stream.ReadExactlyAsync(body);
                return head;
            }
        }
    }
}
