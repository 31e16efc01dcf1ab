using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BpomBot.Host.Tests.Operations;

/// <summary>
/// A Kestrel endpoint on 127.0.0.1 that records every POST. OTLP/HTTP paths (/v1/…) get an empty protobuf 200;
/// anything else is treated as the Bot Connector and gets a resource id.
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackReceiver(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Requests { get; } = new();

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            receiver!.Requests.Enqueue((http.Request.Path.Value ?? string.Empty, body.ToArray()));
            return http.Request.Path.StartsWithSegments("/v1")
                ? Results.Bytes([], "application/x-protobuf")
                : Results.Json(new { id = "reply-1" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new LoopbackReceiver(app, new Uri(address + "/"));
        return receiver;
    }

    public IEnumerable<byte[]> BodiesTo(string path) => Requests.Where(r => r.Path == path).Select(r => r.Body);

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
