using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Reminders;
using BpomBot.Storage.Reminders;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Reminders;

/// <summary>The table-backed reminder store on Azurite. Ids are unique per test.</summary>
public abstract class ReminderStoreContract : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    protected abstract TableServiceClient Service { get; }

    /// <summary>A second, independent client (another bot instance).</summary>
    protected abstract TableServiceClient OtherInstance { get; }

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(Service, TableReminderStore.Tables);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewId(string prefix) => prefix + "/" + Guid.NewGuid().ToString("N");

    private static ReminderItem Item(string id, DateTimeOffset dueAt) =>
        new(id, "kegiatan/x", 1, "officer-1", "upt-jkt", dueAt,
            new ReminderOccurrence(DateOnly.FromDateTime(dueAt.UtcDateTime), new TimeOnly(8, 0), ReminderKind.DueToday, 0, false));

    [Fact]
    public async Task Items_AddListAndClaim_EachClaimedOnceAndGone()
    {
        var store = new TableReminderStore(Service);
        var now = new DateTimeOffset(2031, 1, 6, 1, 30, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(0, 100_000));
        var due = Item(NewId("due"), now.AddMinutes(-5));
        var older = Item(NewId("old"), now.AddHours(-3));
        var tooOld = Item(NewId("too-old"), now.AddHours(-30));
        var future = Item(NewId("future"), now.AddMinutes(1));
        foreach (var item in new[] { due, older, tooOld, future })
        {
            Assert.True(await store.TryAddItemAsync(item));
        }

        Assert.False(await store.TryAddItemAsync(due));
        var listed = await store.ListDueItemsAsync(now, TimeSpan.FromDays(1));
        Assert.Equal([older.Id, due.Id], listed.Select(i => i.Id));

        var first = listed[1];
        var results = await Task.WhenAll(store.TryRemoveItemAsync(first), new TableReminderStore(OtherInstance).TryRemoveItemAsync(first));
        Assert.Single(results, r => r);
        Assert.Equal([older.Id], (await store.ListDueItemsAsync(now, TimeSpan.FromDays(1))).Select(i => i.Id));
    }

    [Fact]
    public async Task ToPendingItemEntity_BulkLoaded_ListedAndClaimableLikeAnAddedItem()
    {
        var store = new TableReminderStore(Service);
        var dueAt = new DateTimeOffset(2032, 1, 5, 1, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(0, 100_000));
        var loaded = Enumerable.Range(0, 3).Select(i => Item(NewId("bulk" + i), dueAt)).ToList();

        await Service.GetTableClient(TableReminderStore.ItemsTable).SubmitTransactionAsync(
            loaded.Select(i => new TableTransactionAction(TableTransactionActionType.Add, store.ToPendingItemEntity(i))));

        var listed = await store.ListDueItemsAsync(dueAt, TimeSpan.FromMinutes(1));
        Assert.Equal(loaded.Select(i => i.Id).Order(StringComparer.Ordinal), listed.Select(i => i.Id));
        Assert.True(await store.TryRemoveItemAsync(listed[0]));
    }

    [Fact]
    public async Task Notifications_InsertTwiceOrStaleUpdate_Refused()
    {
        var store = new TableReminderStore(Service);
        var dueAt = new DateTimeOffset(2031, 2, 3, 1, 0, 0, TimeSpan.Zero);
        var n = new Notification(NewId("digest|p"), "p", "upt-jkt", new DateOnly(2031, 2, 3), dueAt, true,
            [new NotificationItem("kegiatan/K/A.1", "A.1 judul", ReminderKind.Before, 3, new DateOnly(2031, 2, 6), false, "Biasa", null)],
            NotificationStatus.Queued, 0, null, dueAt);

        var created = await store.TryAddNotificationAsync(n);
        Assert.NotNull(created);
        Assert.Null(await store.TryAddNotificationAsync(n));
        var sent = await store.TryUpdateNotificationAsync(created with { Status = NotificationStatus.Sent, Attempts = 1 });
        Assert.NotNull(sent);
        Assert.Null(await store.TryUpdateNotificationAsync(created with { Status = NotificationStatus.Failed }));

        var read = await store.GetNotificationAsync(dueAt, n.Id);
        Assert.Equal((NotificationStatus.Sent, 1, "A.1 judul"), (read!.Status, read.Attempts, read.Items.Single().Title));
        Assert.Contains(await store.ListNotificationsAsync(dueAt.AddHours(-1), dueAt.AddHours(1)), x => x.Id == n.Id);
    }

    [Fact]
    public async Task Subjects_StaleVersion_Conflicts()
    {
        var store = new TableReminderStore(Service);
        var subject = new ReminderSubject(NewId("disposisi"), "p", "upt-jkt", new DateOnly(2031, 3, 3), "judul", "Segera");
        var saved = await store.SaveSubjectAsync(new ReminderSubjectState(subject, 1, false, null, DateTimeOffset.UnixEpoch));

        await store.SaveSubjectAsync(saved with { Cancelled = true });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveSubjectAsync(saved with { Generation = 2 }));
        Assert.True((await store.GetSubjectAsync(subject.SubjectId))!.Cancelled);
    }

    [Fact]
    public async Task Sweep_TwoInstancesRacing_EveryReminderHandedOverExactlyOnce()
    {
        var notifier = new CollectingNotifier();
        var clock = new MutableClock(new DateTimeOffset(2031, 4, 8, 12, 0, 0, Wib)); // a Tuesday
        var run = NewId("race").Replace("/", "-", StringComparison.Ordinal);
        (ReminderScheduler Scheduler, ReminderSweep Sweep) Instance(TableServiceClient service)
        {
            var store = new TableReminderStore(service);
            var policy = new ReminderPolicy(new WeekdayCalendar(), new ReminderSettings());
            var directory = new JakartaDirectory();
            var scheduler = new ReminderScheduler(store, policy, directory, clock);
            return (scheduler, new ReminderSweep(store, scheduler, policy, directory, notifier));
        }

        var a = Instance(Service);
        var b = Instance(OtherInstance);
        for (var i = 0; i < 30; i++)
        {
            var sifat = i % 3 == 0 ? "Sangat Segera" : "Biasa";
            await a.Scheduler.ScheduleAsync(new ReminderSubject($"kegiatan/{run}-{i}/A.3", $"{run}-officer-{i % 4}", "upt-jkt", new DateOnly(2031, 4, 9), $"langkah {i}", sifat));
        }

        clock.Now = new DateTimeOffset(2031, 4, 9, 8, 0, 30, Wib);
        await Task.WhenAll(Task.Run(() => a.Sweep.RunAsync(clock.Now)), Task.Run(() => b.Sweep.RunAsync(clock.Now)));
        await Task.WhenAll(Task.Run(() => a.Sweep.RunAsync(clock.Now)), Task.Run(() => b.Sweep.RunAsync(clock.Now)));

        var mine = notifier.Received.Where(n => n.RecipientId.StartsWith(run, StringComparison.Ordinal)).ToList();
        var subjects = mine.SelectMany(n => n.Items.Select(i => i.SubjectId)).ToList();
        Assert.Equal(30, subjects.Count);
        Assert.Equal(30, subjects.Distinct().Count());
        Assert.Equal(4, mine.Count(n => n.IsDigest));
        Assert.Equal(10, mine.Count(n => !n.IsDigest));
    }

    private sealed class CollectingNotifier : IReminderNotifier
    {
        private readonly Lock gate = new();
        private readonly List<Notification> received = [];

        public IReadOnlyList<Notification> Received
        {
            get
            {
                lock (gate)
                {
                    return [.. received];
                }
            }
        }

        public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            lock (gate)
            {
                received.Add(notification);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class MutableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class JakartaDirectory : IReminderDirectory
    {
        public TimeZoneInfo ZoneOf(string unitId) => TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

        public Task<ReminderRecipient?> FindAtasanAsync(string personId, string unitId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ReminderRecipient?>(null);
    }

    /// <summary>Monday to Friday, no holidays.</summary>
    private sealed class WeekdayCalendar : IWorkingDayCalendar
    {
        public bool IsWorkingDay(DateOnly date, string? unitId = null) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        public DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null) =>
            Enumerable.Range(0, workingDays).Aggregate(start, (d, _) => NextWorkingDay(d));

        public int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null) => throw new NotSupportedException();

        public DateOnly NextWorkingDay(DateOnly date, string? unitId = null)
        {
            var d = date.AddDays(1);
            return IsWorkingDay(d) ? d : NextWorkingDay(d);
        }

        public DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null)
        {
            var d = date.AddDays(-1);
            return IsWorkingDay(d) ? d : PreviousWorkingDay(d);
        }

        public QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null) => throw new NotSupportedException();
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteReminderStoreTests(AzuriteFixture azurite) : ReminderStoreContract
{
    protected override TableServiceClient Service { get; } = TableStorage.Create(azurite.ConnectionString);

    protected override TableServiceClient OtherInstance { get; } = TableStorage.Create(azurite.ConnectionString);
}

