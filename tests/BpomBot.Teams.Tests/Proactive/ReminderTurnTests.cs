using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Proactive;

public sealed class ReminderTurnTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 4, 13, 12, 0, 0, Wib));
    private readonly InMemoryReminderStore store = new();
    private readonly MemoryReferences references = new();
    private readonly MemoryRoster roster = new();
    private readonly ReminderScheduler scheduler;

    public ReminderTurnTests() =>
        scheduler = new ReminderScheduler(store, new ReminderPolicy(new WeekdayCalendar(), new ReminderSettings()), new JakartaDirectory(), clock);

    private static Activity From(string aad, string type = ActivityTypes.Message, string? text = null, string conversationType = "personal") => new()
    {
        Type = type,
        Text = text,
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        From = new ChannelAccount { Id = "29:" + aad, AadObjectId = aad },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "a:" + aad, ConversationType = conversationType, TenantId = "t-1" },
    };

    private async Task<Notification> SentReminderAsync()
    {
        await scheduler.ScheduleAsync(new ReminderSubject("disposisi/D1", "aad-1", "upt-jkt", new DateOnly(2026, 4, 15), "Disposisi laporan FGD", "Sangat Segera"));
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 14, 8, 1, 0, Wib));
        var notifier = new Collecting();
        await new ReminderSweep(store, scheduler, new ReminderPolicy(new WeekdayCalendar(), new ReminderSettings()), new JakartaDirectory(), notifier)
            .RunAsync(clock.GetUtcNow());
        return Assert.Single(notifier.Received);
    }

    private static CardAction AckAction(Notification n)
    {
        var card = ReminderCard.Build(n);
        var ack = card["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == ReminderCard.AcknowledgeVerb)!;
        return new CardAction(ReminderCard.AcknowledgeVerb, JsonSerializer.Deserialize<JsonElement>(ack["data"]!.ToJsonString()), "manual");
    }

    [Fact]
    public async Task Acknowledge_ByRecipient_StopsTodayAndMarksCard()
    {
        var n = await SentReminderAsync();
        var turn = new RecordingTurn(From("aad-1", ActivityTypes.Invoke));

        var response = await new ReminderAcknowledgeHandler(scheduler, store).HandleAsync(turn, AckAction(n));

        Assert.Equal(InvokeResponse.CardType, response.Type);
        Assert.Contains("Diterima. Pengingat lain untuk hari ini dihentikan.", response.Value!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ReminderCard.AcknowledgeVerb, response.Value!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 4, 14), (await store.GetSubjectAsync("disposisi/D1"))!.AcknowledgedOn);
    }

    [Fact]
    public async Task Acknowledge_BySomeoneElse_ChangesNothing()
    {
        var n = await SentReminderAsync();

        var response = await new ReminderAcknowledgeHandler(scheduler, store).HandleAsync(new RecordingTurn(From("aad-2", ActivityTypes.Invoke)), AckAction(n));

        Assert.Equal(InvokeResponse.MessageType, response.Type);
        Assert.Null((await store.GetSubjectAsync("disposisi/D1"))!.AcknowledgedOn);
    }

    [Fact]
    public async Task Capture_FirstMessageThenAgain_StoresReferenceOnceAndLetsOthersHandle()
    {
        var capture = new ConversationReferenceCapture(references, new KnownConversations(), clock);

        Assert.False(await capture.TryHandleAsync(new RecordingTurn(From("aad-1", text: "tugas")), new MessageInput("tugas", Language.Indonesian)));
        Assert.False(await capture.TryHandleAsync(new RecordingTurn(From("aad-1", text: "lanjut")), new MessageInput("lanjut", Language.Indonesian)));

        Assert.Equal(1, references.Saves);
        var stored = await references.GetByUserAsync("aad-1");
        Assert.Equal(("a:aad-1", "https://smba.trafficmanager.net/teams/", "t-1"), (stored!.ConversationId, stored.ServiceUrl, stored.TenantId));
    }

    [Fact]
    public async Task Capture_NeverReads_AndStoresAgainOnlyWhenTheConversationOrServiceUrlChanges()
    {
        var capture = new ConversationReferenceCapture(references, new KnownConversations(), clock);
        var moved = From("aad-1", text: "tugas");
        moved.ServiceUrl = "https://smba.trafficmanager.net/apac/";
        var reinstalled = From("aad-1", text: "tugas");
        reinstalled.Conversation = reinstalled.Conversation! with { Id = "a:aad-1-new" };

        foreach (var activity in new[] { From("aad-1", text: "tugas"), moved, moved, reinstalled })
        {
            await capture.TryHandleAsync(new RecordingTurn(activity), new MessageInput("tugas", Language.Indonesian));
        }

        Assert.Equal((0, 3), (references.Reads, references.Saves));
        var stored = await references.GetByUserAsync("aad-1");
        Assert.Equal(("a:aad-1-new", "https://smba.trafficmanager.net/teams/"), (stored!.ConversationId, stored.ServiceUrl));
    }

    [Fact]
    public async Task Capture_AfterRestart_StoresOnceMoreWithoutReading()
    {
        await new ConversationReferenceCapture(references, new KnownConversations(), clock)
            .TryHandleAsync(new RecordingTurn(From("aad-1", text: "tugas")), new MessageInput("tugas", Language.Indonesian));

        var restarted = new ConversationReferenceCapture(references, new KnownConversations(), clock);
        await restarted.TryHandleAsync(new RecordingTurn(From("aad-1", text: "tugas")), new MessageInput("tugas", Language.Indonesian));
        await restarted.TryHandleAsync(new RecordingTurn(From("aad-1", text: "lanjut")), new MessageInput("lanjut", Language.Indonesian));

        Assert.Equal((0, 2), (references.Reads, references.Saves));
    }

    [Fact]
    public async Task Capture_InstallInPersonalScope_StoresReference_ChannelMessageIgnored()
    {
        var capture = new ConversationReferenceCapture(references, new KnownConversations(), clock);

        await capture.HandleAsync(new RecordingTurn(From("aad-7", ActivityTypes.InstallationUpdate)));
        await capture.TryHandleAsync(new RecordingTurn(From("aad-8", text: "halo", conversationType: "channel")), new MessageInput("halo", Language.Indonesian));

        Assert.NotNull(await references.GetByUserAsync("aad-7"));
        Assert.Null(await references.GetByUserAsync("aad-8"));
    }

    [Fact]
    public async Task Notifikasi_Admin_ListsRecentWithStatusAndReason()
    {
        await roster.SavePersonAsync(new PersonRecord("admin-1", null, "Admin", "a@pom.go.id", "upt-jkt", ["admin"]));
        var n = await SentReminderAsync();
        await store.TryUpdateNotificationAsync(n with { Status = NotificationStatus.Failed, Attempts = 5, LastError = "gagal setelah 5 percobaan: HTTP 429" });
        var turn = new RecordingTurn(From("admin-1", text: "notifikasi gagal"));

        Assert.True(await new NotificationsCommand(store, roster, clock).TryHandleAsync(turn, new MessageInput("Notifikasi gagal", Language.Indonesian)));

        var text = Assert.Single(turn.Sent).Text!;
        Assert.Contains("**gagal**", text, StringComparison.Ordinal);
        Assert.Contains("aad-1 · Disposisi laporan FGD · percobaan 5 · gagal setelah 5 percobaan: HTTP 429", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifikasi_NotAdmin_Refused()
    {
        await roster.SavePersonAsync(new PersonRecord("aad-1", null, "Sari", "s@pom.go.id", "upt-jkt", ["pelaksana"]));
        var turn = new RecordingTurn(From("aad-1", text: "notifikasi"));

        Assert.True(await new NotificationsCommand(store, roster, clock).TryHandleAsync(turn, new MessageInput("notifikasi", Language.Indonesian)));

        Assert.Equal("Perintah `notifikasi` hanya untuk admin.", Assert.Single(turn.Sent).Text);
    }

    [Fact]
    public async Task Notifikasi_OtherText_NotHandled() =>
        Assert.False(await new NotificationsCommand(store, roster, clock).TryHandleAsync(new RecordingTurn(From("x", text: "tugas")), new MessageInput("tugas", Language.Indonesian)));

    private sealed class Collecting : IReminderNotifier
    {
        public List<Notification> Received { get; } = [];

        public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Received.Add(notification);
            return ValueTask.CompletedTask;
        }
    }
}
