using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Storage.Reminders;
using BpomBot.Storage.Retention;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Retention;

/// <summary>
/// Reminder retention on Azurite: delivered notifications, subjects of finished work and stale items go after their
/// documented periods; undelivered notifications, active subjects and recent rows stay.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class ReminderRetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableServiceClient _service = TableStorage.Create(azurite.ConnectionString);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(_service, TableReminderStore.Tables);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Notifications_DeliveredOnesPastTheirAgeGo_QueuedAndRecentStay()
    {
        var store = new TableReminderStore(_service);
        var old = DateTimeOffset.UtcNow - ReminderRetention.NotificationAge - TimeSpan.FromDays(3);
        var sent = await store.TryAddNotificationAsync(Notification("sent", old, NotificationStatus.Sent));
        var failed = await store.TryAddNotificationAsync(Notification("failed", old, NotificationStatus.Failed));
        var queued = await store.TryAddNotificationAsync(Notification("queued", old, NotificationStatus.Retried));
        var recent = await store.TryAddNotificationAsync(Notification("recent", DateTimeOffset.UtcNow - TimeSpan.FromDays(80), NotificationStatus.Sent));

        await PassesAsync(new ReminderRetention(_service, TimeProvider.System), async () => await store.GetNotificationAsync(sent!.DueAt, sent.Id) is null);

        Assert.Null(await store.GetNotificationAsync(failed!.DueAt, failed.Id));
        Assert.NotNull(await store.GetNotificationAsync(queued!.DueAt, queued.Id));
        Assert.NotNull(await store.GetNotificationAsync(recent!.DueAt, recent.Id));
    }

    [Fact]
    public async Task Subjects_CancelledAndUntouchedForTheirAgeGo_ActiveOrRecentlyWrittenStay()
    {
        var store = new TableReminderStore(_service);
        var now = DateTimeOffset.UtcNow;
        var finished = await store.SaveSubjectAsync(Subject("finished", cancelled: true, now));
        var active = await store.SaveSubjectAsync(Subject("active", cancelled: false, now));

        // 30 days on: the finished subject is not old enough yet.
        var early = await new ReminderRetention(_service, new FakeTimeProvider(now + TimeSpan.FromDays(30))).RunOnceAsync();
        Assert.NotNull(await store.GetSubjectAsync(finished.Subject.SubjectId));

        var later = new ReminderRetention(_service, new FakeTimeProvider(now + ReminderRetention.SubjectAge + TimeSpan.FromDays(1)));
        await PassesAsync(later, async () => await store.GetSubjectAsync(finished.Subject.SubjectId) is null);

        Assert.NotNull(await store.GetSubjectAsync(active.Subject.SubjectId));
        Assert.True(early.ReminderSubjects >= 0);
    }

    [Fact]
    public async Task Items_PastTheirAgeGo_DueOnesStay()
    {
        var store = new TableReminderStore(_service);
        var now = DateTimeOffset.UtcNow;
        var stale = Item("stale", now - ReminderRetention.ItemAge - TimeSpan.FromDays(2));
        var due = Item("due", now - TimeSpan.FromHours(1));
        Assert.True(await store.TryAddItemAsync(stale));
        Assert.True(await store.TryAddItemAsync(due));

        await PassesAsync(new ReminderRetention(_service, TimeProvider.System), async () =>
            !(await store.ListDueItemsAsync(now, now - stale.DueAt + TimeSpan.FromHours(1))).Any(i => i.Id == stale.Id));

        Assert.Contains(await store.ListDueItemsAsync(now, TimeSpan.FromDays(1)), i => i.Id == due.Id);
    }

    /// <summary>Runs passes until <paramref name="done"/> (each pass reads one page per table; other tests' rows share the tables).</summary>
    private static async Task PassesAsync(ReminderRetention retention, Func<Task<bool>> done)
    {
        for (var pass = 0; pass < 50; pass++)
        {
            await retention.RunOnceAsync();
            if (await done())
            {
                return;
            }
        }

        Assert.Fail("retention did not remove the row within 50 passes");
    }

    private static Notification Notification(string name, DateTimeOffset dueAt, NotificationStatus status) =>
        new($"{name}-{Guid.NewGuid():N}", "officer-1", "bbpom-medan", DateOnly.FromDateTime(dueAt.UtcDateTime), dueAt, false, [], status, 1, null, dueAt);

    private static ReminderSubjectState Subject(string name, bool cancelled, DateTimeOffset at) =>
        new(new ReminderSubject($"disposisi/{name}-{Guid.NewGuid():N}", "leader-1", "bbpom-medan", DateOnly.FromDateTime(at.UtcDateTime), "Disposisi A.4"), 1, cancelled, null, at);

    private static ReminderItem Item(string name, DateTimeOffset dueAt) =>
        new($"ticket/{name}-{Guid.NewGuid():N}", "ticket/" + name, 1, "officer-1", "bbpom-medan", dueAt,
            new ReminderOccurrence(DateOnly.FromDateTime(dueAt.UtcDateTime), TimeOnly.FromDateTime(dueAt.UtcDateTime), ReminderKind.DueToday, 0, false));
}
