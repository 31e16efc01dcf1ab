using System.Text;
using BpomBot.Teams.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Host.Tests.Operations;

/// <summary>Starts the real host (in-memory storage, local mode) on a loopback port.</summary>
internal static class OperationsHost
{
    public static async Task<(WebApplication App, HttpClient Http)> StartAsync(params string[] extra)
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Storage:InMemory=true", .. extra]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>Posts a personal-chat message and waits until the turn queue has finished it.</summary>
    public static async Task SendMessageAsync(WebApplication app, HttpClient http, Uri serviceUrl, string activityId, string text)
    {
        var queue = app.Services.GetRequiredService<TurnRunner>();
        var before = queue.Completed;
        var message = $$$"""
            {"type":"message","id":"{{{activityId}}}","text":"{{{text}}}","channelId":"msteams","serviceUrl":"{{{serviceUrl}}}",
             "from":{"id":"29:officer","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},
             "recipient":{"id":"28:bot"},"conversation":{"id":"a:conv-1","conversationType":"personal"}}
            """;
        using var response = await http.PostAsync("/api/messages", new StringContent(message, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (queue.Completed == before)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
