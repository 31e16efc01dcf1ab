using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Teams.Tests.Support;

/// <summary>The channel layer on real Kestrel, talking to a <see cref="FakeConnector"/>.</summary>
public sealed class BotServer : IAsyncDisposable
{
    /// <summary>Requests with this header appear to come from a non-loopback address.</summary>
    public const string RemoteHeader = "X-Test-Remote-Ip";

    private readonly WebApplication app;
    private int accepted;

    private BotServer(WebApplication app, Uri root, FakeConnector connector)
    {
        this.app = app;
        Root = root;
        Connector = connector;
        Http = new HttpClient { BaseAddress = root };
    }

    public Uri Root { get; }

    public FakeConnector Connector { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<BotServer> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var connector = await FakeConnector.StartAsync();
        var builder = KestrelApp.CreateBuilder(settings);
        builder.Services.AddBpomTeamsBot(builder.Configuration);
        builder.Services.AddSingleton<BpomBot.Domain.Abstractions.ITurnLedger, BpomBot.Domain.Abstractions.InMemoryTurnLedger>();
        builder.Services.AddSingleton<IConnectorTokenProvider>(new FixedToken(settings?.ContainsKey("Bot:AppId") == true ? "bot-token" : null));
        services?.Invoke(builder.Services);
        builder.Services.AddSingleton<IStartupFilter, RemoteIpFilter>();
        var app = builder.Build();
        app.MapBotEndpoint();
        var root = await app.StartOnLoopbackAsync();
        return new BotServer(app, root, connector);
    }

    /// <summary>Posts a captured Playground activity, pointing its serviceUrl at the fake connector.</summary>
    public Task<HttpResponseMessage> PostCaptureAsync(string name, Action<JsonObject>? edit = null, string? bearer = null)
    {
        var body = Captures.Body(name);
        body["serviceUrl"] = Connector.ServiceUrl.ToString();
        edit?.Invoke(body);
        return PostAsync(body.ToJsonString(), bearer);
    }

    /// <summary>Posts an activity; for an accepted non-invoke activity also waits until its queued turn has finished.</summary>
    public async Task<HttpResponseMessage> PostAsync(string json, string? bearer = null, string? remoteIp = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        if (remoteIp is not null)
        {
            request.Headers.Add(RemoteHeader, remoteIp);
        }

        var response = await Http.SendAsync(request);
        var isInvoke = json.Contains("\"type\":\"invoke\"", StringComparison.Ordinal);
        if (response.StatusCode == HttpStatusCode.OK && !isInvoke)
        {
            await TurnsCompletedAsync(Interlocked.Increment(ref accepted));
        }

        return response;
    }

    /// <summary>Waits until the queue has finished <paramref name="count"/> non-invoke turns in total.</summary>
    public async Task TurnsCompletedAsync(int count)
    {
        var queue = app.Services.GetRequiredService<TurnRunner>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (queue.Completed < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.DisposeAsync();
        await Connector.DisposeAsync();
    }

    private sealed class FixedToken(string? token) : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult(token);
    }

    private sealed class RemoteIpFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate nextDelegate) =>
            {
                if (http.Request.Headers.TryGetValue(RemoteHeader, out var ip))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                }

                return nextDelegate(http);
            });
            next(app);
        };
    }
}
