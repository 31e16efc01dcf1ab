using System.Net;
using System.Text;
using Azure.Storage.Queues;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Teams.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Host.Tests.Ingress;

/// <summary>
/// Issue 18 item 3, the queue-first alternative (Ingress:Mode=Queue, docs/ingress.md), on Azurite with the real host:
/// a queued activity is run once and deleted, a worker that stalls after the commit and before the delete leads to one
/// handling after the visibility timeout, and messages received too often (or not activities) go to the poison queue.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class QueueIngressTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task QueuedMessage_IsAcknowledgedWith202_RunOnce_AndDeleted_EvenWhenTheChannelSendsItTwice()
    {
        var queue = NewQueueName();
        await using var connector = await HoldingConnector.StartAsync();
        var (app, http) = await StartBotAsync(queue);
        await using var _ = app;
        using var __ = http;
        var conversation = "a:queue-once-" + queue;
        var body = Message(connector.ServiceUrl, conversation, "act-" + queue, "mulai");

        using (var first = await PostAsync(http, body))
        using (var again = await PostAsync(http, body))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        var runner = app.Services.GetRequiredService<TurnRunner>();
        await WaitUntilAsync(async () => runner.Completed >= 2 && await CountAsync(Queue(queue)) == 0);
        Assert.Equal(1, connector.MessagesTo(conversation));
        Assert.Contains("Advokasi", connector.Messages.Single(m => m.Conversation == conversation).Activity.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        await app.StopAsync();
    }

    [Fact]
    public async Task WorkerStalledAfterCommitBeforeDelete_MessageComesBackAfterVisibilityTimeout_AndIsHandledOnce()
    {
        var queue = NewQueueName();
        await using var connector = await HoldingConnector.StartAsync(holdFirstMessage: true);
        // Two instances, one turn at a time each: whichever receives the message first commits its turn and then hangs in
        // the reply (held by the connector), so it never deletes the message; the other receives it after the timeout.
        var (a, httpA) = await StartBotAsync(queue, "--Ingress:Concurrency=1");
        var (b, httpB) = await StartBotAsync(queue, "--Ingress:Concurrency=1");
        await using var _ = a;
        await using var __ = b;
        using var ___ = httpA;
        using var ____ = httpB;
        var conversation = "a:queue-stall-" + queue;

        using (var response = await PostAsync(httpA, Message(connector.ServiceUrl, conversation, "act-" + queue, "mulai")))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await WaitUntilAsync(() => Task.FromResult(connector.MessagesTo(conversation) == 1)); // committed, reply held, not deleted
        var completedBefore = a.Services.GetRequiredService<TurnRunner>().Completed + b.Services.GetRequiredService<TurnRunner>().Completed;
        await WaitUntilAsync(async () => await CountAsync(Queue(queue)) == 0); // the other instance took it after the timeout
        Assert.Equal(completedBefore + 1, a.Services.GetRequiredService<TurnRunner>().Completed + b.Services.GetRequiredService<TurnRunner>().Completed);
        Assert.Equal(1, connector.MessagesTo(conversation));

        connector.Release(); // the stalled turn finishes; its delete finds the message gone and says so
        await WaitUntilAsync(() => Task.FromResult(a.Services.GetRequiredService<TurnRunner>().Completed + b.Services.GetRequiredService<TurnRunner>().Completed == completedBefore + 2));
        await a.StopAsync();
        await b.StopAsync();
        Assert.Equal(1, connector.MessagesTo(conversation));
        Assert.Equal(0, await CountAsync(Queue(queue + "-poison")));
    }

    [Fact]
    public async Task MessageReceivedMoreThanMaxDequeueCount_AndANonActivity_GoToThePoisonQueue_NotRun()
    {
        var queue = NewQueueName();
        await using var connector = await HoldingConnector.StartAsync();
        var conversation = "a:queue-poison-" + queue;
        var body = Message(connector.ServiceUrl, conversation, "act-" + queue, "mulai");
        var activities = Queue(queue);
        await activities.CreateAsync();
        await activities.SendMessageAsync(BinaryData.FromString(body));
        await activities.SendMessageAsync(BinaryData.FromString("{ not an activity"));
        // A worker that died: it received the activity once (hidden for 1 s) and never deleted it.
        var received = (await activities.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value;
        Assert.Equal(2, received.Length);

        var (app, http) = await StartBotAsync(queue, "--Ingress:MaxDequeueCount=1");
        await using var _ = app;
        using var __ = http;
        var poison = Queue(queue + "-poison");
        await WaitUntilAsync(async () => await CountAsync(activities) == 0 && await poison.ExistsAsync() && await CountAsync(poison) == 2);

        var poisoned = (await poison.ReceiveMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.Contains(body, poisoned);
        Assert.Contains("{ not an activity", poisoned);
        await app.StopAsync();
        Assert.Equal(0, connector.MessagesTo(conversation));
    }

    [Fact]
    public async Task Invoke_InQueueMode_IsAnsweredInTheRequest_NotQueued()
    {
        var queue = NewQueueName();
        await using var connector = await HoldingConnector.StartAsync();
        var (app, http) = await StartBotAsync(queue);
        await using var _ = app;
        using var __ = http;
        var invoke = $$$"""
            {"type":"invoke","name":"adaptiveCard/action","id":"inv-{{{queue}}}","channelId":"msteams","serviceUrl":"{{{connector.ServiceUrl}}}",
             "from":{"id":"29:officer","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},"recipient":{"id":"28:bot"},
             "conversation":{"id":"a:queue-invoke-{{{queue}}}","conversationType":"personal"},
             "value":{"action":{"type":"Action.Execute","verb":"no-such-verb","data":{ } } } }
            """;

        using var response = await PostAsync(http, invoke);

        Assert.NotEqual(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        Assert.True(!await Queue(queue).ExistsAsync() || await CountAsync(Queue(queue)) == 0);
        await app.StopAsync();
    }

    private async Task<(WebApplication App, HttpClient Http)> StartBotAsync(string queue, params string[] extra)
    {
        var app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--Storage:ConnectionString={azurite.ConnectionString}",
            "--Ingress:Mode=Queue", $"--Ingress:QueueName={queue}", "--Ingress:VisibilityTimeout=00:00:02",
            "--Bot:Connector:AttemptTimeout=00:02:00", "--Bot:Connector:TotalBudget=00:03:00", .. extra,
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private QueueClient Queue(string name) => new(azurite.ConnectionString, name);

    private static string NewQueueName() => "t" + Guid.NewGuid().ToString("N")[..20];

    private static string Message(Uri serviceUrl, string conversation, string activityId, string text) => $$$"""
        {"type":"message","id":"{{{activityId}}}","text":"{{{text}}}","channelId":"msteams","serviceUrl":"{{{serviceUrl}}}",
         "from":{"id":"29:officer","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},
         "recipient":{"id":"28:bot"},"conversation":{"id":"{{{conversation}}}","conversationType":"personal"}}
        """;

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body) =>
        http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<int> CountAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
