using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BpomBot.Host.Tests.Ingress;

/// <summary>
/// A fake Bot Connector on 127.0.0.1 that records every message activity the bot sends. With <see cref="HoldFirstMessage"/>
/// it keeps the first one's request open until <see cref="Release"/>: the sending turn is then committed but not finished.
/// </summary>
internal sealed class HoldingConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int held;

    private HoldingConnector(WebApplication app) => this.app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    public bool HoldFirstMessage { get; init; }

    /// <summary>(conversation id, activity) of every message the bot sent, in arrival order.</summary>
    public ConcurrentQueue<(string Conversation, JsonObject Activity)> Messages { get; } = new();

    public static async Task<HoldingConnector> StartAsync(bool holdFirstMessage = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new HoldingConnector(app) { HoldFirstMessage = holdFirstMessage };
        app.MapPost("/v3/conversations/{conversation}/activities/{**rest}", async (string conversation, HttpContext http) =>
        {
            var activity = (JsonObject?)await JsonNode.ParseAsync(http.Request.Body);
            if (activity?["type"]?.GetValue<string>() == "message")
            {
                connector.Messages.Enqueue((conversation, activity));
                if (connector.HoldFirstMessage && Interlocked.Exchange(ref connector.held, 1) == 0)
                {
                    await connector.released.Task;
                }
            }

            return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        connector.ServiceUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return connector;
    }

    public int MessagesTo(string conversation) => Messages.Count(m => m.Conversation == conversation);

    public void Release() => released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.DisposeAsync();
    }
}
