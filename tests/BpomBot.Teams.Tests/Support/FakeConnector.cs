using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BpomBot.Teams.Tests.Support;

/// <summary>A local Bot Connector: records every request and answers from a script (default 201 {"id":"..."}).</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> script = new();

    private FakeConnector(WebApplication app, Uri serviceUrl)
    {
        this.app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public sealed record Recorded(string Method, string RawTarget, string? Authorization, JsonNode? Body);

    public static async Task<FakeConnector> StartAsync()
    {
        var app = KestrelApp.CreateBuilder().Build();
        FakeConnector? self = null;
        app.Run(async http =>
        {
            var raw = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var text = await new StreamReader(http.Request.Body).ReadToEndAsync();
            self!.Requests.Enqueue(new Recorded(http.Request.Method, raw, http.Request.Headers.Authorization.FirstOrDefault(),
                text.Length > 0 ? JsonNode.Parse(text) : null));
            if (self.script.TryDequeue(out var next))
            {
                http.Response.StatusCode = next.Status;
                if (next.RetryAfter is not null)
                {
                    http.Response.Headers.RetryAfter = next.RetryAfter;
                }

                return;
            }

            http.Response.StatusCode = 201;
            await http.Response.WriteAsJsonAsync(new { id = $"act-{self.Requests.Count}" });
        });
        var root = await app.StartOnLoopbackAsync();
        self = new FakeConnector(app, new Uri(root, "_connector/"));
        return self;
    }

    /// <summary>The next request is answered with this status (and Retry-After, if given).</summary>
    public void Then(int status, string? retryAfter = null) => script.Enqueue((status, retryAfter));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
