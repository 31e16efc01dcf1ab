using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Tests.Proactive;

/// <summary>Sender + delivery against a local fake Bot Connector on Kestrel (127.0.0.1).</summary>
public sealed class ProactiveConnectorTests : IAsyncLifetime
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private ServiceProvider? services;
    private readonly InMemoryReminderStore store = new();
    private readonly MemoryReferences references = new();
    private readonly MemoryRoster roster = new();
    private FakeConnector connector = null!;

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    private NotificationDelivery Delivery(ProactiveOptions options)
    {
        options.DefaultServiceUrl = connector.ServiceUrl.ToString();
        var bot = Options.Create(new BotOptions { TenantId = Tenant });
        // The bot's connector client with its own retries off: these tests are about delivery's retries.
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(bot)
            .AddSingleton<ServiceUrlTrust>()
            .AddSingleton<IConnectorTokenProvider>(new Token())
            .Configure<ConnectorOptions>(o => o.MaxRetries = 0)
            .AddBpomConnectorClient()
            .BuildServiceProvider();
        var sender = new ConnectorProactiveSender(
            services.GetRequiredService<IConnectorClient>(), services.GetRequiredService<ServiceUrlTrust>(), references, roster,
            TimeProvider.System, bot, Options.Create(options));
        return new NotificationDelivery(
            sender, store, new SendRateLimiter(TimeProvider.System, options), new RetryPolicy(options, new Random(3)), TimeProvider.System,
            Options.Create(options), NullLogger<NotificationDelivery>.Instance);
    }

    private async Task<Notification> QueuedAsync(string recipient, string id = "single|1") =>
        (await store.TryAddNotificationAsync(new Notification(
            id, recipient, "upt-jkt", new DateOnly(2026, 3, 26), new DateTimeOffset(2026, 3, 26, 1, 0, 0, TimeSpan.Zero), false,
            [new NotificationItem("kegiatan/K1/A.3", "A.3 Pelaksanaan advokasi", ReminderKind.Overdue, 2, new DateOnly(2026, 3, 24), false, "Segera", null)],
            NotificationStatus.Queued, 0, null, DateTimeOffset.UtcNow)))!;

    private async Task KnownConversationAsync(string person, string conversationId) =>
        await references.SaveAsync(new ConversationReferenceRecord(conversationId, person, Tenant, connector.ServiceUrl.ToString(), "{}", DateTimeOffset.UtcNow));

    [Fact]
    public async Task DeliverAsync_PersonNeverChatted_CreatesConversationWithTenantAndTeamsIdThenSendsCard()
    {
        await roster.SavePersonAsync(new PersonRecord("aad-1", "29:teams-1", "Sari", "sari@pom.go.id", "upt-jkt", ["pelaksana"]));

        var final = await Delivery(new ProactiveOptions()).DeliverAsync(await QueuedAsync("aad-1"));

        Assert.Equal(NotificationStatus.Sent, final.Status);
        var requests = connector.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("/_connector/v3/conversations", requests[0].RawTarget);
        Assert.Equal("29:teams-1", requests[0].Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Tenant, requests[0].Body!["tenantId"]!.GetValue<string>());
        Assert.Equal(Tenant, requests[0].Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("Bearer test-token", requests[1].Authorization);
        var card = requests[1].Body!["attachments"]![0]!["content"]!;
        Assert.Contains("A.3 Pelaksanaan advokasi", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(ReminderCard.AcknowledgeVerb, card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("aad-1", (await references.GetByUserAsync("aad-1"))!.UserAadObjectId);
    }

    [Fact]
    public async Task DeliverAsync_429WithRetryAfter_RetriedAfterWaitThenSent()
    {
        await KnownConversationAsync("aad-2", "a:conv-2");
        connector.Then(429, "1");

        var final = await Delivery(new ProactiveOptions { BaseDelay = TimeSpan.FromMilliseconds(50) }).DeliverAsync(await QueuedAsync("aad-2"));

        Assert.Equal((NotificationStatus.Sent, 2), (final.Status, final.Attempts));
        Assert.Equal(2, connector.Requests.Count);
        Assert.All(connector.Requests, r => Assert.Equal("/_connector/v3/conversations/a%3Aconv-2/activities", r.RawTarget));
    }

    [Fact]
    public async Task DeliverAsync_GatewayErrorsUntilLimit_DeadLetteredWithReason()
    {
        await KnownConversationAsync("aad-3", "a:conv-3");
        connector.Then(502);
        connector.Then(504);
        connector.Then(412);

        var final = await Delivery(new ProactiveOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(20) }).DeliverAsync(await QueuedAsync("aad-3"));

        Assert.Equal((NotificationStatus.Failed, 3), (final.Status, final.Attempts));
        Assert.Equal("gagal setelah 3 percobaan: HTTP 412", final.LastError);
        Assert.Equal(NotificationStatus.Failed, (await store.GetNotificationAsync(final.DueAt, final.Id))!.Status);
    }

    [Fact]
    public async Task RunAsync_FanOutToManyConversations_AllSentNoneLost()
    {
        const int count = 120;
        var delivery = Delivery(new ProactiveOptions { AppMessagesPerSecond = 50, Concurrency = 8 });
        for (var i = 0; i < count; i++)
        {
            await KnownConversationAsync($"aad-f{i}", $"a:f{i}");
            await delivery.EnqueueAsync(await QueuedAsync($"aad-f{i}", $"single|f{i}"));
        }

        connector.Then(429, "1");
        using var cts = new CancellationTokenSource();
        var loop = delivery.RunAsync(cts.Token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await store.ListNotificationsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Count(n => n.Status == NotificationStatus.Sent) < count
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
        var all = await store.ListNotificationsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal(count, all.Count(n => n.Status == NotificationStatus.Sent));
        Assert.Equal(count + 1, connector.Requests.Count);
        Assert.Equal(count, connector.Requests.Select(r => r.RawTarget).Distinct().Count());
    }

    private sealed class Token : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>("test-token");
    }
}
