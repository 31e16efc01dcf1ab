using System.Collections.Concurrent;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Proactive;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Proactive;

public sealed class NotificationDeliveryTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 26, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemoryReminderStore store = new();
    private readonly ScriptedSender sender;

    public NotificationDeliveryTests() => sender = new ScriptedSender { Clock = clock };
    private readonly ProactiveOptions options = new() { MaxAttempts = 4 };

    private NotificationDelivery Delivery() => new(
        sender, store, new SendRateLimiter(clock, options), new RetryPolicy(options, new Random(1)), clock, Options.Create(options),
        NullLogger<NotificationDelivery>.Instance);

    private async Task<Notification> QueuedAsync(string id = "digest|officer-1|20260326", string recipient = "officer-1") =>
        (await store.TryAddNotificationAsync(new Notification(
            id, recipient, "upt-jkt", new DateOnly(2026, 3, 26), clock.GetUtcNow(), true,
            [new NotificationItem("kegiatan/K1/A.3", "A.3", ReminderKind.DueToday, 0, new DateOnly(2026, 3, 26), false, "Biasa", null)],
            NotificationStatus.Queued, 0, null, clock.GetUtcNow())))!;

    /// <summary>Runs a delivery to the end, moving the fake clock forward whenever it waits.</summary>
    private async Task<T> DriveAsync<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        return await task;
    }

    [Fact]
    public async Task DeliverAsync_KnownConversation_SentOnceAndRecorded()
    {
        sender.Conversations["officer-1"] = new ProactiveTarget("https://connector.test/", "a:1");
        var n = await QueuedAsync();

        var final = await DriveAsync(Delivery().DeliverAsync(n));

        Assert.Equal((NotificationStatus.Sent, 1), (final.Status, final.Attempts));
        Assert.Equal(["send a:1"], sender.Calls);
        Assert.Equal(NotificationStatus.Sent, (await store.GetNotificationAsync(n.DueAt, n.Id))!.Status);
    }

    [Fact]
    public async Task DeliverAsync_NeverChatted_CreatesConversationThenSends()
    {
        var final = await DriveAsync(Delivery().DeliverAsync(await QueuedAsync()));

        Assert.Equal(NotificationStatus.Sent, final.Status);
        Assert.Equal(["create officer-1", "send new:officer-1"], sender.Calls);
    }

    [Fact]
    public async Task DeliverAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        sender.Conversations["officer-1"] = new ProactiveTarget("https://connector.test/", "a:1");
        sender.Script.Enqueue(new SendResult(429, TimeSpan.FromSeconds(5)));
        sender.Script.Enqueue(new SendResult(502));
        var started = clock.GetUtcNow();

        var final = await DriveAsync(Delivery().DeliverAsync(await QueuedAsync()));

        Assert.Equal((NotificationStatus.Sent, 3), (final.Status, final.Attempts));
        Assert.True(sender.Times[1] - sender.Times[0] >= TimeSpan.FromSeconds(5), "Retry-After honoured");
        Assert.True(sender.Times[2] - started >= TimeSpan.FromSeconds(5.5), "then backoff");
    }

    [Fact]
    public async Task DeliverAsync_AlwaysThrottled_DeadLetteredWithReason()
    {
        sender.Conversations["officer-1"] = new ProactiveTarget("https://connector.test/", "a:1");
        for (var i = 0; i < 10; i++)
        {
            sender.Script.Enqueue(new SendResult(429, TimeSpan.FromSeconds(1), "Too Many Requests"));
        }

        var final = await DriveAsync(Delivery().DeliverAsync(await QueuedAsync()));

        Assert.Equal((NotificationStatus.Failed, 4), (final.Status, final.Attempts));
        Assert.Equal("gagal setelah 4 percobaan: HTTP 429 Too Many Requests", final.LastError);
        Assert.Equal(4, sender.Calls.Count);
    }

    [Fact]
    public async Task DeliverAsync_BlockedByUser_FailsWithoutRetry()
    {
        sender.Conversations["officer-1"] = new ProactiveTarget("https://connector.test/", "a:1");
        sender.Script.Enqueue(new SendResult(403, Error: "MessageWritesBlocked"));

        var final = await DriveAsync(Delivery().DeliverAsync(await QueuedAsync()));

        Assert.Equal((NotificationStatus.Failed, "HTTP 403 MessageWritesBlocked"), (final.Status, final.LastError));
        Assert.Single(sender.Calls);
    }

    [Fact]
    public async Task DeliverAsync_TakenOverByAnotherInstance_DoesNotSend()
    {
        sender.Conversations["officer-1"] = new ProactiveTarget("https://connector.test/", "a:1");
        var n = await QueuedAsync();
        Assert.NotNull(await store.TryUpdateNotificationAsync(n with { UpdatedAt = clock.GetUtcNow() }));

        var final = await DriveAsync(Delivery().DeliverAsync(n));

        Assert.Empty(sender.Calls);
        Assert.Equal(NotificationStatus.Queued, final.Status);
    }

    [Fact]
    public async Task RunAsync_TenMessagesToOneConversation_PacedAtSevenPerSecond()
    {
        sender.Conversations["officer-1"] = new ProactiveTarget("https://connector.test/", "a:1");
        var delivery = Delivery();
        var queued = new List<Notification>();
        for (var i = 0; i < 10; i++)
        {
            queued.Add(await QueuedAsync("single|" + i));
            await delivery.EnqueueAsync(queued[^1]);
        }

        var start = clock.GetUtcNow();
        using var cts = new CancellationTokenSource();
        var loop = delivery.RunAsync(cts.Token);

        // The clock stands still until the three that did not fit in the first second have recorded that they wait and
        // the seven that did have been sent (sends run one at a time per instance, so they may finish after the three
        // are recorded). No second passes in this phase, so exactly seven sends can have happened, all at the start.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync(queued, NotificationStatus.Throttled) < 3 || sender.Calls.Count < 7)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {sender.Calls.Count} sent and fewer than 3 waiting for the window");
            await Task.Delay(1);
        }

        Assert.Equal(7, sender.Calls.Count);

        while (sender.Calls.Count < 10)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {sender.Calls.Count} of 10 sent");
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
        var times = sender.Times.Order().ToList();
        Assert.All(times[..7], t => Assert.Equal(start, t));
        Assert.All(times[7..], t => Assert.True(t >= start + TimeSpan.FromSeconds(1), $"sent {t - start} after the first, inside the 1-second window"));
    }

    [Fact]
    public async Task DeliverAsync_RequeuedWhileSending_MarkedSentOnce_RequeuedCopyDoesNotSendAgain()
    {
        // A sweep re-queues the record (lease judged expired) while the send is in flight: the message went out once, so
        // it must end Sent, and the re-queued copy must stop at its attempt write instead of sending it again.
        sender.Conversations["officer-1"] = new ProactiveTarget("https://connector.test/", "a:1");
        var n = await QueuedAsync();
        Notification? requeued = null;
        sender.OnSend = async () => requeued = await store.TryUpdateNotificationAsync(
            (await store.GetNotificationAsync(n.DueAt, n.Id))! with { UpdatedAt = clock.GetUtcNow().AddMinutes(11) });

        var final = await DriveAsync(Delivery().DeliverAsync(n));
        sender.OnSend = null;
        var second = await DriveAsync(Delivery().DeliverAsync(requeued!));

        Assert.Equal(NotificationStatus.Sent, final.Status);
        Assert.Equal(NotificationStatus.Sent, (await store.GetNotificationAsync(n.DueAt, n.Id))!.Status);
        Assert.Equal(["send a:1"], sender.Calls);
        Assert.NotEqual(NotificationStatus.Failed, second.Status);
    }

    [Fact]
    public async Task RunAsync_OneSendSlot_NextSendStartsOnlyOnceThePreviousIsMarkedSent()
    {
        // A crash between a send and its Sent mark makes the recovery send that message again. With one send slot, the
        // next send must not start before the previous one is marked, or a crash could leave two unmarked sends.
        var slow = new SlowSentMarkStore(store);
        var checking = new MarkCheckingSender(slow);
        var delivery = new NotificationDelivery(
            checking, slow, new SendRateLimiter(clock, options), new RetryPolicy(options, new Random(1)), clock,
            Options.Create(new ProactiveOptions { MaxAttempts = 4, Concurrency = 8, MaxInFlightSends = 1 }), NullLogger<NotificationDelivery>.Instance);
        for (var i = 0; i < 6; i++)
        {
            var n = await QueuedAsync("single|" + i, "officer-" + i);
            checking.Conversations["officer-" + i] = new ProactiveTarget("https://connector.test/", "a:" + i);
            await delivery.EnqueueAsync(n);
        }

        using var cts = new CancellationTokenSource();
        var loop = delivery.RunAsync(cts.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync(checking.Sent, NotificationStatus.Sent) < 6)
        {
            Assert.True(DateTime.UtcNow < deadline, "not all six were sent and marked");
            await Task.Delay(5);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
        Assert.Equal(6, checking.Sent.Count);
        Assert.Empty(checking.UnmarkedAtSend);
    }

    private async Task<int> CountAsync(IEnumerable<Notification> notifications, NotificationStatus status)
    {
        var count = 0;
        foreach (var n in notifications)
        {
            count += (await store.GetNotificationAsync(n.DueAt, n.Id))?.Status == status ? 1 : 0;
        }

        return count;
    }

    /// <summary>A store whose Sent marks take a while (a slow storage write), so a send started too early shows.</summary>
    private sealed class SlowSentMarkStore(IReminderStore inner) : IReminderStore
    {
        public Task<ReminderSubjectState?> GetSubjectAsync(string subjectId, CancellationToken cancellationToken = default) => inner.GetSubjectAsync(subjectId, cancellationToken);

        public Task<ReminderSubjectState> SaveSubjectAsync(ReminderSubjectState state, CancellationToken cancellationToken = default) => inner.SaveSubjectAsync(state, cancellationToken);

        public Task<bool> TryAddItemAsync(ReminderItem item, CancellationToken cancellationToken = default) => inner.TryAddItemAsync(item, cancellationToken);

        public Task<IReadOnlyList<ReminderItem>> ListDueItemsAsync(DateTimeOffset now, TimeSpan lookback, CancellationToken cancellationToken = default) => inner.ListDueItemsAsync(now, lookback, cancellationToken);

        public Task<bool> TryRemoveItemAsync(ReminderItem item, CancellationToken cancellationToken = default) => inner.TryRemoveItemAsync(item, cancellationToken);

        public Task<Notification?> GetNotificationAsync(DateTimeOffset dueAt, string id, CancellationToken cancellationToken = default) => inner.GetNotificationAsync(dueAt, id, cancellationToken);

        public Task<Notification?> TryAddNotificationAsync(Notification notification, CancellationToken cancellationToken = default) => inner.TryAddNotificationAsync(notification, cancellationToken);

        public async Task<Notification?> TryUpdateNotificationAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            if (notification.Status == NotificationStatus.Sent)
            {
                await Task.Delay(30, cancellationToken);
            }

            return await inner.TryUpdateNotificationAsync(notification, cancellationToken);
        }

        public Task<IReadOnlyList<Notification>> ListNotificationsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) => inner.ListNotificationsAsync(from, to, cancellationToken);
    }

    /// <summary>Records, at each send, the messages sent before it that are not yet marked Sent in the store.</summary>
    private sealed class MarkCheckingSender(IReminderStore store) : IProactiveSender
    {
        public ConcurrentDictionary<string, ProactiveTarget> Conversations { get; } = new();

        public List<Notification> Sent { get; } = [];

        public List<string> UnmarkedAtSend { get; } = [];

        public Task<ProactiveTarget?> FindConversationAsync(string personId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Conversations.GetValueOrDefault(personId));

        public Task<SendResult> CreateConversationAsync(string personId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new SendResult(500, Error: "not expected"));

        public async Task<SendResult> SendAsync(ProactiveTarget target, Notification notification, CancellationToken cancellationToken = default)
        {
            List<Notification> before;
            lock (Sent)
            {
                before = [.. Sent];
                Sent.Add(notification);
            }

            foreach (var n in before)
            {
                if ((await store.GetNotificationAsync(n.DueAt, n.Id, cancellationToken))?.Status != NotificationStatus.Sent)
                {
                    lock (UnmarkedAtSend)
                    {
                        UnmarkedAtSend.Add($"{n.Id} unmarked when {notification.Id} was sent");
                    }
                }
            }

            return new SendResult(201);
        }
    }

    /// <summary>Answers from a script (success once it runs out) and records each call.</summary>
    private sealed class ScriptedSender : IProactiveSender
    {
        public ConcurrentDictionary<string, ProactiveTarget> Conversations { get; } = new();

        public ConcurrentQueue<SendResult> Script { get; } = new();

        public List<string> Calls { get; } = [];

        public List<DateTimeOffset> Times { get; } = [];

        public FakeTimeProvider? Clock { get; set; }

        /// <summary>Runs while a send is in flight (before it answers).</summary>
        public Func<Task>? OnSend { get; set; }

        public Task<ProactiveTarget?> FindConversationAsync(string personId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Conversations.GetValueOrDefault(personId));

        public Task<SendResult> CreateConversationAsync(string personId, CancellationToken cancellationToken = default)
        {
            Record("create " + personId);
            var target = new ProactiveTarget("https://connector.test/", "new:" + personId);
            Conversations[personId] = target;
            return Task.FromResult(new SendResult(201, Target: target));
        }

        public async Task<SendResult> SendAsync(ProactiveTarget target, Notification notification, CancellationToken cancellationToken = default)
        {
            Record("send " + target.ConversationId);
            if (OnSend is { } during)
            {
                await during();
            }

            return Script.TryDequeue(out var r) ? r : new SendResult(201);
        }

        private void Record(string call)
        {
            lock (Calls)
            {
                Calls.Add(call);
                Times.Add(Clock?.GetUtcNow() ?? DateTimeOffset.MinValue);
            }
        }
    }
}
