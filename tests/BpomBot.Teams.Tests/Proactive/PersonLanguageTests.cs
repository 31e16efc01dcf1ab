using BpomBot.Domain.Reminders;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Disposisi;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Proactive;

/// <summary>
/// The language a person is written to proactively: learned from their messages (kept across unclear ones and process
/// restarts), the client's locale only until a message says more; reminders go out in it.
/// </summary>
public sealed class PersonLanguageTests : IAsyncLifetime
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 26, 1, 0, 0, TimeSpan.Zero));
    private readonly MemoryReferences references = new();
    private readonly InMemoryReminderStore store = new();
    private FakeConnector connector = null!;
    private ServiceProvider? services;

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        if (services is not null) await services.DisposeAsync();
    }

    private static Activity From(string aad, string? text = null, string? locale = null, string type = ActivityTypes.Message) => new()
    {
        Type = type,
        Text = text,
        Locale = locale,
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        From = new ChannelAccount { Id = "29:" + aad, AadObjectId = aad },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "a:" + aad, ConversationType = "personal", TenantId = "t-1" },
    };

    private static Task<bool> SayAsync(ConversationReferenceCapture capture, string aad, string text, string? locale = null)
    {
        var activity = From(aad, text, locale);
        return capture.TryHandleAsync(new RecordingTurn(activity), MessageInputParser.Parse(activity));
    }

    [Fact]
    public async Task Capture_LearnsTheLanguageOfClearMessages_AndKeepsItAcrossUnclearOnes()
    {
        var capture = new ConversationReferenceCapture(references, new KnownConversations(), clock);

        await SayAsync(capture, "aad-1", "show my tasks");
        Assert.Equal("en", (await references.GetByUserAsync("aad-1"))!.Language);

        var saves = references.Saves;
        foreach (var unclear in new[] { "2", "https://drive.pom.go.id/laporan.pdf", "disposisi" })
        {
            await SayAsync(capture, "aad-1", unclear);
            Assert.True(saves == references.Saves, unclear + " " + (await references.GetByUserAsync("aad-1"))!.Language);
        }
 // nothing said about the language: nothing written
        Assert.True((await references.GetByUserAsync("aad-1"))!.PrefersEnglish);

        await SayAsync(capture, "aad-1", "tolong tampilkan tugas saya");
        Assert.Equal("id", (await references.GetByUserAsync("aad-1"))!.Language);
    }

    [Fact]
    public async Task Capture_AfterRestart_AnUnclearFirstMessageKeepsTheStoredLanguage()
    {
        await SayAsync(new ConversationReferenceCapture(references, new KnownConversations(), clock), "aad-1", "what are my tasks");

        var restarted = new ConversationReferenceCapture(references, new KnownConversations(), clock);
        await SayAsync(restarted, "aad-1", "1");

        Assert.Equal("en", (await references.GetByUserAsync("aad-1"))!.Language);
    }

    [Fact]
    public async Task Capture_LocaleIsTheFallback_UntilAMessageShowsTheLanguage()
    {
        var capture = new ConversationReferenceCapture(references, new KnownConversations(), clock);

        await capture.HandleAsync(new RecordingTurn(From("aad-1", locale: "en-US", type: ActivityTypes.InstallationUpdate)));
        var installed = (await references.GetByUserAsync("aad-1"))!;
        Assert.Equal((null, "en-US", true), (installed.Language, installed.Locale, installed.PrefersEnglish));

        await SayAsync(capture, "aad-1", "halo, saya mau mulai kegiatan", locale: "en-US");
        var spoke = (await references.GetByUserAsync("aad-1"))!;
        Assert.Equal(("id", "en-US", false), (spoke.Language, spoke.Locale, spoke.PrefersEnglish));

        await capture.HandleAsync(new RecordingTurn(From("aad-2", locale: "id-ID", type: ActivityTypes.InstallationUpdate)));
        Assert.False((await references.GetByUserAsync("aad-2"))!.PrefersEnglish);
    }

    [Fact]
    public async Task EnglishOfficer_GetsEnglishReminders_IndonesianOfficerIndonesian()
    {
        var capture = new ConversationReferenceCapture(references, new KnownConversations(), clock);
        await SayAsync(capture, "aad-en", "show my tasks");
        await SayAsync(capture, "aad-id", "tugas saya apa");
        foreach (var aad in new[] { "aad-en", "aad-id" })
        {
            var stored = (await references.GetByUserAsync(aad))!;
            await references.SaveAsync(stored with { ServiceUrl = connector.ServiceUrl.ToString() });
        }

        var delivery = Delivery();
        Assert.Equal(NotificationStatus.Sent, (await delivery.DeliverAsync(await QueuedAsync("aad-en"))).Status);
        Assert.Equal(NotificationStatus.Sent, (await delivery.DeliverAsync(await QueuedAsync("aad-id"))).Status);

        var requests = connector.Requests.ToList();
        var english = requests.Single(r => r.RawTarget.Contains("aad-en", StringComparison.Ordinal)).Body!;
        var englishCard = english["attachments"]![0]!["content"]!;
        var text = NoIndonesian.CardText(englishCard);
        Assert.Contains("Reminder (urgent): A.3 Pelaksanaan advokasi", text);
        Assert.Contains("2 HK overdue (due Tuesday, 24 March 2026)", text);
        Assert.Contains("Got it", text);
        Assert.Equal("Reminder (urgent): A.3 Pelaksanaan advokasi", english["text"]!.GetValue<string>());
        NoIndonesian.Check(text, "A.3 Pelaksanaan advokasi");

        var indonesian = requests.Single(r => r.RawTarget.Contains("aad-id", StringComparison.Ordinal)).Body!;
        Assert.Contains("terlambat 2 HK", NoIndonesian.CardText(indonesian["attachments"]![0]!["content"]!));
    }

    [Fact]
    public void ReminderCard_English_AcknowledgeCarriesTheLanguage()
    {
        var n = new Notification("single|1", "aad-1", "upt-jkt", new DateOnly(2026, 3, 26), clock.GetUtcNow(), false,
            [new NotificationItem("disposisi/D1", "Disposisi A.4 — Laporan FGD", ReminderKind.Before, 2, new DateOnly(2026, 3, 30), false, "Segera", null)],
            NotificationStatus.Queued, 0, null, clock.GetUtcNow());
        var ack = ReminderCard.Build(n, english: true)["actions"]!.AsArray().Single(a => (string?)a!["verb"] == ReminderCard.AcknowledgeVerb)!;
        Assert.Equal("en", (string?)ack["data"]!["lang"]);
        Assert.Null(ReminderCard.Build(n)["actions"]!.AsArray().Single(a => (string?)a!["verb"] == ReminderCard.AcknowledgeVerb)!["data"]!["lang"]);
    }

    private NotificationDelivery Delivery()
    {
        var options = new ProactiveOptions { DefaultServiceUrl = connector.ServiceUrl.ToString() };
        var bot = Options.Create(new BotOptions { TenantId = Tenant });
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(bot)
            .AddSingleton<ServiceUrlTrust>()
            .AddSingleton<IConnectorTokenProvider>(new Token())
            .Configure<ConnectorOptions>(o => o.MaxRetries = 0)
            .AddBpomConnectorClient()
            .BuildServiceProvider();
        var sender = new ConnectorProactiveSender(
            services.GetRequiredService<IConnectorClient>(), services.GetRequiredService<ServiceUrlTrust>(), references, new MemoryRoster(),
            TimeProvider.System, bot, Options.Create(options));
        return new NotificationDelivery(
            sender, store, new SendRateLimiter(TimeProvider.System, options), new RetryPolicy(options, new Random(3)), TimeProvider.System,
            Options.Create(options), NullLogger<NotificationDelivery>.Instance);
    }

    private async Task<Notification> QueuedAsync(string recipient) =>
        (await store.TryAddNotificationAsync(new Notification(
            "single|" + recipient, recipient, "upt-jkt", new DateOnly(2026, 3, 26), new DateTimeOffset(2026, 3, 26, 1, 0, 0, TimeSpan.Zero), false,
            [new NotificationItem("kegiatan/K1/A.3", "A.3 Pelaksanaan advokasi", ReminderKind.Overdue, 2, new DateOnly(2026, 3, 24), false, "Segera", null)],
            NotificationStatus.Queued, 0, null, DateTimeOffset.UtcNow)))!;

    private sealed class Token : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>("test-token");
    }
}
