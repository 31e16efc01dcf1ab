using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Domain.Tests.Reminders;

public sealed class ReminderSweepTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, Wib));
    private readonly InMemoryReminderStore store = new();
    private readonly RecordingNotifier notifier;
    private readonly ReminderScheduler scheduler;
    private readonly ReminderSweep sweep;

    public ReminderSweepTests()
    {
        var policy = new ReminderPolicy(new TestCalendar(), new ReminderSettings());
        var directory = new TestDirectory();
        notifier = new RecordingNotifier(store);
        scheduler = new ReminderScheduler(store, policy, directory, clock);
        sweep = new ReminderSweep(store, scheduler, policy, directory, notifier);
    }

    private void DayBefore() => clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 12, 0, 0, Wib));

    private static ReminderSubject Subject(string id, DateOnly due, string sifat = "Biasa", string officer = "officer-1", string unit = "upt-jkt") =>
        new(id, officer, unit, due, "Langkah " + id, sifat);

    /// <summary>Runs the sweep every 30 minutes of wall time from the clock's current time up to <paramref name="until"/>.</summary>
    private async Task SweepUntilAsync(DateTimeOffset until)
    {
        while (clock.GetUtcNow() < until)
        {
            clock.Advance(TimeSpan.FromMinutes(30));
            await sweep.RunAsync(clock.GetUtcNow());
        }
    }

    private List<string> SentLines(string unitZone = "Asia/Jakarta") =>
        [.. notifier.Sent.SelectMany(n => n.Items.Select(i =>
            $"{TimeZoneInfo.ConvertTime(n.DueAt, TimeZoneInfo.FindSystemTimeZoneById(unitZone)):MM-dd HH:mm} {n.RecipientId} {i.Kind} {i.WorkingDays}"))];

    [Fact]
    public async Task RunAsync_ThroughLebaran2026_SendsEachReminderOnceOnWorkingMornings()
    {
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 3, 25)));

        await SweepUntilAsync(new DateTimeOffset(2026, 3, 31, 18, 0, 0, Wib));

        Assert.Equal(
            [
                "03-13 08:00 officer-1 Before 3",
                "03-17 08:00 officer-1 Before 1",
                "03-25 08:00 officer-1 DueToday 0",
                "03-26 08:00 officer-1 Overdue 1",
                "03-27 08:00 officer-1 Overdue 2",
                "03-27 08:00 atasan-upt-jkt Escalation 2",
                "03-30 08:00 officer-1 Overdue 3",
                "03-31 08:00 officer-1 Overdue 4",
            ],
            SentLines());
    }

    [Fact]
    public async Task RunAsync_SeveralItemsSameMorning_OneDigestPerPerson()
    {
        DayBefore();
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 3, 26)));
        await scheduler.ScheduleAsync(Subject("kegiatan/K2/B.1", new DateOnly(2026, 3, 31)));
        await scheduler.ScheduleAsync(Subject("disposisi/D9", new DateOnly(2026, 3, 26), officer: "officer-2"));

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 8, 5, 0, Wib));
        await sweep.RunAsync(clock.GetUtcNow());

        var digests = notifier.Sent.OrderBy(n => n.RecipientId).ToList();
        Assert.Equal(["officer-1", "officer-2"], digests.Select(n => n.RecipientId));
        Assert.All(digests, d => Assert.True(d.IsDigest));
        Assert.Equal(["kegiatan/K1/A.3", "kegiatan/K2/B.1"], digests[0].Items.Select(i => i.SubjectId));
    }

    [Fact]
    public async Task RunAsync_SangatSegera_SentOnItsOwnMorningAndAfternoon()
    {
        DayBefore();
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 3, 26)));
        await scheduler.ScheduleAsync(Subject("disposisi/D1", new DateOnly(2026, 3, 26), "Sangat Segera"));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 7, 0, 0, Wib));

        await SweepUntilAsync(new DateTimeOffset(2026, 3, 26, 17, 0, 0, Wib));

        Assert.Equal(3, notifier.Sent.Count);
        Assert.Single(notifier.Sent, n => n.IsDigest && n.Items.Single().SubjectId == "kegiatan/K1/A.3");
        Assert.Equal(2, notifier.Sent.Count(n => !n.IsDigest && n.Items.Single().SubjectId == "disposisi/D1"));
    }

    [Fact]
    public async Task AcknowledgeAsync_InTheMorning_StopsRepeatsThatDayOnly()
    {
        DayBefore();
        await scheduler.ScheduleAsync(Subject("disposisi/D1", new DateOnly(2026, 3, 26), "Sangat Segera"));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 7, 0, 0, Wib));
        await SweepUntilAsync(new DateTimeOffset(2026, 3, 26, 9, 0, 0, Wib));

        Assert.Equal(1, await scheduler.AcknowledgeAsync(["disposisi/D1"], "officer-1"));
        await SweepUntilAsync(new DateTimeOffset(2026, 3, 27, 9, 0, 0, Wib));

        Assert.Equal(
            ["03-26 08:00 officer-1 DueToday 0", "03-27 08:00 officer-1 Overdue 1", "03-27 08:00 atasan-upt-jkt Escalation 1"],
            SentLines());
    }

    [Fact]
    public async Task AcknowledgeAsync_BySomeoneElse_ChangesNothing()
    {
        await scheduler.ScheduleAsync(Subject("disposisi/D1", new DateOnly(2026, 3, 26)));

        Assert.Equal(0, await scheduler.AcknowledgeAsync(["disposisi/D1", "unknown"], "intruder"));
        Assert.Null((await store.GetSubjectAsync("disposisi/D1"))!.AcknowledgedOn);
    }

    [Fact]
    public async Task CancelAsync_AfterFirstReminder_NoMoreReminders()
    {
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 3, 25)));
        await SweepUntilAsync(new DateTimeOffset(2026, 3, 13, 12, 0, 0, Wib));

        await scheduler.CancelAsync("kegiatan/K1/A.3");
        await SweepUntilAsync(new DateTimeOffset(2026, 3, 31, 12, 0, 0, Wib));

        Assert.Equal(["03-13 08:00 officer-1 Before 3"], SentLines());
    }

    [Fact]
    public async Task ScheduleAsync_NewDueDate_OldRemindersDropped()
    {
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 3, 25)));
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 4, 8)));

        await SweepUntilAsync(new DateTimeOffset(2026, 4, 8, 12, 0, 0, Wib));

        Assert.Equal(["04-02 08:00 officer-1 Before 3", "04-07 08:00 officer-1 Before 1", "04-08 08:00 officer-1 DueToday 0"], SentLines());
    }

    [Fact]
    public async Task RunAsync_WitUnit_DigestAtEightLocalTime()
    {
        DayBefore();
        await scheduler.ScheduleAsync(Subject("kegiatan/K7/A.1", new DateOnly(2026, 3, 26), unit: "upt-jpr"));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 7, 55, 0, TimeSpan.FromHours(9)));

        await sweep.RunAsync(clock.GetUtcNow());
        Assert.Empty(notifier.Sent);
        await SweepUntilAsync(new DateTimeOffset(2026, 3, 26, 8, 30, 0, TimeSpan.FromHours(9)));

        var sent = Assert.Single(notifier.Sent);
        Assert.Equal(new DateTimeOffset(2026, 3, 25, 23, 0, 0, TimeSpan.Zero), sent.DueAt);
    }

    [Fact]
    public async Task RunAsync_SweepDownUntilAfterHours_SkipsInsteadOfSendingLate()
    {
        DayBefore();
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 3, 26)));

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 17, 0, 0, Wib));
        var result = await sweep.RunAsync(clock.GetUtcNow());

        Assert.Empty(notifier.Sent);
        Assert.Equal(1, result.Skipped);
        Assert.Contains(store.Items, i => i.Occurrence.Date == new DateOnly(2026, 3, 27));
    }

    [Fact]
    public async Task RunAsync_TwoSweepersRacing_EachMessageHandedOverOnce()
    {
        DayBefore();
        for (var i = 0; i < 40; i++)
        {
            await scheduler.ScheduleAsync(Subject($"kegiatan/K{i}/A.3", new DateOnly(2026, 3, 26), i % 3 == 0 ? "Segera" : "Biasa", officer: $"officer-{i % 7}"));
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 8, 1, 0, Wib));
        var other = new ReminderSweep(store, scheduler, new ReminderPolicy(new TestCalendar(), new ReminderSettings()), new TestDirectory(), notifier);
        var results = await Task.WhenAll(Task.Run(() => sweep.RunAsync(clock.GetUtcNow())), Task.Run(() => other.RunAsync(clock.GetUtcNow())));

        var lines = notifier.Sent.SelectMany(n => n.Items.Select(i => i.SubjectId)).ToList();
        Assert.Equal(40, lines.Count);
        Assert.Equal(40, lines.Distinct().Count());
        Assert.Equal(40, results.Sum(r => r.ItemsSent));
    }

    [Fact]
    public async Task RunAsync_QueuedMessageAbandoned_RequeuedAfterLeaseOnce()
    {
        DayBefore();
        notifier.Deliver = false;
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 3, 26)));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 8, 1, 0, Wib));
        await sweep.RunAsync(clock.GetUtcNow());

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await sweep.RunAsync(clock.GetUtcNow())).Recovered);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, (await sweep.RunAsync(clock.GetUtcNow())).Recovered);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await sweep.RunAsync(clock.GetUtcNow())).Recovered);

        Assert.Equal(2, notifier.Sent.Count);
        Assert.Equal(notifier.Sent.First().Id, notifier.Sent.Last().Id);
    }

    [Fact]
    public async Task RunAsync_ClaimLeftEmptyByStoppedSweep_TakenOverAfterLease()
    {
        DayBefore();
        await scheduler.ScheduleAsync(Subject("kegiatan/K1/A.3", new DateOnly(2026, 3, 26)));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 8, 1, 0, Wib));
        var item = Assert.Single(await store.ListDueItemsAsync(clock.GetUtcNow(), TimeSpan.FromDays(1)));
        // Another instance claimed the digest, then stopped before claiming its items.
        await store.TryAddNotificationAsync(new Notification(
            "digest|officer-1|20260326", "officer-1", "upt-jkt", item.Occurrence.Date, item.DueAt, true, [], NotificationStatus.Queued, 0, null, clock.GetUtcNow()));

        Assert.Equal(1, (await sweep.RunAsync(clock.GetUtcNow())).LostRaces);
        clock.Advance(TimeSpan.FromMinutes(11));
        var result = await sweep.RunAsync(clock.GetUtcNow());

        Assert.Equal(1, result.ItemsSent);
        Assert.Equal(["kegiatan/K1/A.3"], notifier.Sent.Single().Items.Select(i => i.SubjectId));
    }
}
