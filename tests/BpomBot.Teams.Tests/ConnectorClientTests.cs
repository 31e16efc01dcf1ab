using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Tests;

/// <summary>The connector client against a local fake connector on Kestrel.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "19:abc@thread.v2;messageid=42";
    private const string EscapedConversationId = "19%3Aabc%40thread.v2%3Bmessageid%3D42";
    private FakeConnector connector = null!;
    private ServiceProvider services = null!;
    private readonly RecordingTimeProvider time = new();

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    /// <summary>The client as the bot registers it (resilience pipeline, trust + token handler), on the recording clock.</summary>
    private IConnectorClient Client(string? appId = null, string? token = "tok")
    {
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(Options.Create(new BotOptions { AppId = appId }))
            .AddSingleton<ServiceUrlTrust>()
            .AddSingleton<IConnectorTokenProvider>(new FixedToken(token))
            .Configure<ConnectorOptions>(o =>
            {
                o.MaxRetries = 2;
                o.BaseDelay = TimeSpan.FromSeconds(1);
                o.MaxDelay = TimeSpan.FromSeconds(10);
                o.AttemptTimeout = RecordingTimeProvider.Never;
                o.TotalBudget = RecordingTimeProvider.Never;
            })
            .AddBpomConnectorClient()
            .BuildServiceProvider();
        return services.GetRequiredService<IConnectorClient>();
    }

    private string Url => connector.ServiceUrl.ToString();

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task ReplyToActivityAsync_PostsToEscapedActivityPath()
    {
        var result = await Client().ReplyToActivityAsync(Url, ConversationId, "1:2", Message("halo"));

        var request = Assert.Single(connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities/1%3A2", request.RawTarget);
        Assert.Equal("halo", (string?)request.Body!["text"]);
        Assert.Equal("1:2", (string?)request.Body["replyToId"]);
        Assert.Equal("Bearer tok", request.Authorization);
        Assert.Equal("act-1", result.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_PostsToActivities()
    {
        await Client().SendToConversationAsync(Url.TrimEnd('/'), ConversationId, Message("x"));

        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities", Assert.Single(connector.Requests).RawTarget);
    }

    [Fact]
    public async Task UpdateActivityAsync_PutsToActivity()
    {
        await Client().UpdateActivityAsync(Url, ConversationId, "77", Message("baru"));

        var request = Assert.Single(connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities/77", request.RawTarget);
    }

    [Fact]
    public async Task DeleteActivityAsync_DeletesActivity()
    {
        await Client().DeleteActivityAsync(Url, ConversationId, "77");

        var request = Assert.Single(connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities/77", request.RawTarget);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task DeleteActivityAsync_Playground501_ThrowsWithStatus()
    {
        connector.Then(501);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client().DeleteActivityAsync(Url, ConversationId, "77"));

        Assert.Equal(501, ex.StatusCode);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task CreateConversationAsync_PostsParameters()
    {
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "t1",
            ChannelData = new TeamsChannelData { Tenant = new TeamsEntity { Id = "t1" } },
        };

        var result = await Client().CreateConversationAsync(Url, parameters);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("/_connector/v3/conversations", request.RawTarget);
        Assert.Equal("29:user", (string?)request.Body!["members"]![0]!["id"]);
        Assert.Equal("t1", (string?)request.Body["channelData"]!["tenant"]!["id"]);
        Assert.False((bool)request.Body["isGroup"]!);
        Assert.Equal("act-1", result.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_NoTokenLocally_SendsNoAuthorization()
    {
        await Client(token: null).SendToConversationAsync(Url, "a:1", Message("x"));

        Assert.Null(Assert.Single(connector.Requests).Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfter_WaitsRequestedTimeThenSucceeds()
    {
        connector.Then(429, "7");

        var result = await Client().SendToConversationAsync(Url, "a:1", Message("x"));

        Assert.Equal(2, connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], time.Delays);
        Assert.Equal("act-2", result.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_RepeatedServerErrors_BacksOffExponentiallyThenThrows()
    {
        connector.Then(503);
        connector.Then(502);
        connector.Then(503);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(Url, "a:1", Message("x")));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(3, connector.Requests.Count);

        // Exponential with jitter (randomised around 1 s, 2 s), each wait within the cap.
        Assert.Equal(2, time.Delays.Count);
        Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterAboveMax_IsCapped()
    {
        connector.Then(429, "3600");

        await Client().SendToConversationAsync(Url, "a:1", Message("x"));

        Assert.Equal([TimeSpan.FromSeconds(10)], time.Delays);
    }

    [Theory]
    [InlineData("POST", 1)] // the channel may have posted it: sending again could show the message twice
    [InlineData("PUT", 3)] // an update is idempotent: retried like any network failure
    public async Task ConnectionLostAfterTheRequestWentOut_RetriesOnlyIdempotentCalls(string method, int expectedRequests)
    {
        // A server that reads each request and drops the connection without answering.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var received = 0;
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                var buffer = new byte[8192];
                var text = "";
                while (!text.Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await socket.ReceiveAsync(buffer, System.Net.Sockets.SocketFlags.None, stop.Token);
                    if (n == 0) break;
                    text += System.Text.Encoding.ASCII.GetString(buffer, 0, n);
                }

                Interlocked.Increment(ref received);
                socket.Close();
            }
        });
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/";
        var client = Client();

        Func<Task> call = method == "POST"
            ? () => client.SendToConversationAsync(url, "a:1", Message("x"))
            : () => client.UpdateActivityAsync(url, "a:1", "m1", Message("x"));
        await Assert.ThrowsAnyAsync<Exception>(call);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
        Assert.Equal(expectedRequests, Volatile.Read(ref received));
    }

    [Fact]
    public async Task SendToConversationAsync_403_DoesNotRetry()
    {
        connector.Then(403);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(Url, "a:1", Message("x")));

        Assert.Equal(403, ex.StatusCode);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_UntrustedServiceUrlInAuthMode_RefusedWithoutCall()
    {
        var client = Client(appId: TestIdentity.AppId);

        await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Url, "a:1", Message("x")));
        await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("https://evil.example.com/", "a:1", Message("x")));

        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_NonHttpServiceUrl_Refused()
    {
        await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync("file:///etc/passwd", "a:1", Message("x")));
    }

    [Fact]
    public async Task SendToConversationAsync_CancelledToken_ThrowsWithoutCall()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().SendToConversationAsync(Url, "a:1", Message("x"), cts.Token));

        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_CancelledDuringBackoff_Throws()
    {
        connector.Then(429, "5");
        time.Hold = true;
        using var cts = new CancellationTokenSource();
        time.OnDelay = cts.Cancel;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().SendToConversationAsync(Url, "a:1", Message("x"), cts.Token));

        Assert.Single(connector.Requests);
    }

    private sealed class FixedToken(string? token) : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult(token);
    }

    /// <summary>Records the delays requested through Task.Delay and completes them at once (or never, when held).</summary>
    private sealed class RecordingTimeProvider : TimeProvider
    {
        public List<TimeSpan> Delays { get; } = [];

        public bool Hold { get; set; }

        public Action? OnDelay { get; set; }

        /// <summary>Timeouts set to this never fire and are not recorded (they are not waits).</summary>
        public static readonly TimeSpan Never = TimeSpan.FromDays(1);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime >= Never || dueTime == Timeout.InfiniteTimeSpan)
            {
                return System.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Delays.Add(dueTime);
            }

            var timer = System.CreateTimer(callback, state, Hold ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            OnDelay?.Invoke();
            return timer;
        }
    }
}
