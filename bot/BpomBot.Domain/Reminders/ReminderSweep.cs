using System.Collections.Concurrent;

namespace BpomBot.Domain.Reminders;

/// <summary>What one sweep did (for logs, tests and the benchmark).</summary>
public sealed record SweepResult(int Due, int Notifications, int ItemsSent, int Skipped, int LostRaces, int Recovered);

/// <summary>
/// One pass over the reminders that are due: reads only the due-time buckets of (now - lookback, now], drops reminders
/// that are stale (cancelled, rescheduled, acknowledged today, or outside the recipient's working hours), groups the rest
/// into one digest per person and day plus single urgent messages, claims each message and each item with a conditional
/// write, hands the message to delivery and plans each subject's next reminder. Safe to run on several instances at once.
/// </summary>
public sealed class ReminderSweep(
    IReminderStore store,
    ReminderScheduler scheduler,
    ReminderPolicy policy,
    IReminderDirectory directory,
    IReminderNotifier notifier)
{
    public async Task<SweepResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var settings = policy.Settings;
        var due = await store.ListDueItemsAsync(now, settings.Lookback, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.SweepConcurrency), CancellationToken = cancellationToken };
        var subjects = new ConcurrentDictionary<string, ReminderSubjectState?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(due.Select(i => i.SubjectId).Distinct(StringComparer.Ordinal), parallel, async (id, ct) =>
            subjects[id] = await store.GetSubjectAsync(id, ct));
        var groups = new Dictionary<string, List<(ReminderItem Item, ReminderSubjectState State)>>(StringComparer.Ordinal);
        var skipped = 0;
        var tally = new Tally();

        foreach (var item in due)
        {
            var state = subjects[item.SubjectId];
            if (state is null || state.Cancelled || state.Generation != item.Generation)
            {
                skipped += await SkipAsync(item, null, now, cancellationToken);
                continue;
            }

            var local = TimeZoneInfo.ConvertTime(now, directory.ZoneOf(item.RecipientUnitId)).DateTime;
            var late = DateOnly.FromDateTime(local) != item.Occurrence.Date || !policy.IsDeliveryWindow(local, item.RecipientUnitId);
            var acknowledged = !item.Occurrence.ToAtasan && state.AcknowledgedOn == item.Occurrence.Date;
            if (late || acknowledged)
            {
                skipped += await SkipAsync(item, state, now, cancellationToken);
                continue;
            }

            var key = item.Occurrence.Standalone
                ? "single|" + item.Id
                : $"digest|{item.RecipientId}|{item.Occurrence.Date:yyyyMMdd}";
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add((item, state));
        }

        await Parallel.ForEachAsync(groups, parallel, async (group, ct) =>
        {
            var (key, members) = group;
            var outcome = await SendGroupAsync(key, members, now, ct);
            if (outcome is null && key.StartsWith("digest|", StringComparison.Ordinal) && await GetFinishedAsync(key, members, ct))
            {
                // The day's digest already went out; items that arrived after it go on their own.
                foreach (var member in members)
                {
                    tally.Add(await SendGroupAsync("single|" + member.Item.Id, [member], now, ct));
                }

                return;
            }

            tally.Add(outcome);
        });

        var recovered = await RecoverAsync(now, cancellationToken);
        return new SweepResult(due.Count, tally.Notifications, tally.Sent, skipped, tally.Lost, recovered);
    }

    /// <summary>
    /// Claims the message with its items already in it, then the items; returns the items handed to delivery, or null
    /// when another sweep owns the message. Because the claim carries the items, a sweep that dies after claiming leaves
    /// a message the recovery re-queues (never an empty claim whose items are gone).
    /// </summary>
    private async Task<int?> SendGroupAsync(
        string key, List<(ReminderItem Item, ReminderSubjectState State)> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = members[0].Item;
        var planned = ReminderDigest.Order([.. members.Select(m => ToNotificationItem(m.Item, m.State))]);
        var claim = new Notification(
            key, first.RecipientId, first.RecipientUnitId, first.Occurrence.Date, first.DueAt,
            key.StartsWith("digest|", StringComparison.Ordinal), planned, NotificationStatus.Queued, 0, null, now);
        var notification = await store.TryAddNotificationAsync(claim, cancellationToken)
            ?? await TakeOverAbandonedClaimAsync(claim with { Items = [] }, now, cancellationToken);
        if (notification is null)
        {
            await RemoveLeftoversAsync(key, members, now, cancellationToken);
            return null;
        }

        var items = new List<NotificationItem>();
        foreach (var (item, state) in members)
        {
            if (!await store.TryRemoveItemAsync(item, cancellationToken))
            {
                continue;
            }

            items.Add(ToNotificationItem(item, state));
            await scheduler.PlanAfterAsync(state, item.DueAt, cancellationToken);
        }

        var ordered = ReminderDigest.Order(items);
        var final = notification.Items.SequenceEqual(ordered) && items.Count > 0
            ? notification
            : await store.TryUpdateNotificationAsync(notification with
            {
                Items = ordered,
                Status = items.Count == 0 ? NotificationStatus.Skipped : NotificationStatus.Queued,
            }, cancellationToken);
        if (final is { Status: NotificationStatus.Queued })
        {
            await notifier.EnqueueAsync(final, cancellationToken);
        }

        return items.Count;
    }

    private static NotificationItem ToNotificationItem(ReminderItem item, ReminderSubjectState state)
    {
        var s = state.Subject;
        return new NotificationItem(
            s.SubjectId, s.Title, item.Occurrence.Kind, item.Occurrence.WorkingDays, s.DueDate, s.IsPlannedDate,
            ReminderPolicy.Normalize(s.Sifat), item.Occurrence.ToAtasan ? s.RecipientId : null);
    }

    /// <summary>
    /// Items a sweep that died after its claim left behind: the message already holds them (the recovery sends it),
    /// so they are only removed and their next reminder planned.
    /// </summary>
    private async Task RemoveLeftoversAsync(
        string key, List<(ReminderItem Item, ReminderSubjectState State)> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.GetNotificationAsync(members[0].Item.DueAt, key, cancellationToken) is not { } existing
            || (!existing.IsFinished && now - existing.UpdatedAt < policy.Settings.DeliveryLease))
        {
            return;
        }

        foreach (var (item, state) in members)
        {
            if (existing.Items.Any(i => i.SubjectId == state.Subject.SubjectId && i.Kind == item.Occurrence.Kind)
                && await store.TryRemoveItemAsync(item, cancellationToken))
            {
                await scheduler.PlanAfterAsync(state, item.DueAt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A claim left empty by a sweep that stopped before filling it (its items still pending) is taken over once its
    /// lease ran out; null while another sweep may still be working on it.
    /// </summary>
    private async Task<Notification?> TakeOverAbandonedClaimAsync(Notification claim, DateTimeOffset now, CancellationToken cancellationToken) =>
        await store.GetNotificationAsync(claim.DueAt, claim.Id, cancellationToken) is { Items.Count: 0, IsFinished: false } existing
            && now - existing.UpdatedAt >= policy.Settings.DeliveryLease
            ? await store.TryUpdateNotificationAsync(existing with { UpdatedAt = now }, cancellationToken)
            : null;

    private async Task<bool> GetFinishedAsync(
        string key, List<(ReminderItem Item, ReminderSubjectState State)> members, CancellationToken cancellationToken) =>
        await store.GetNotificationAsync(members[0].Item.DueAt, key, cancellationToken) is { IsFinished: true };

    private async Task<int> SkipAsync(ReminderItem item, ReminderSubjectState? state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await store.TryRemoveItemAsync(item, cancellationToken))
        {
            return 0;
        }

        if (state is not null)
        {
            await scheduler.PlanAfterAsync(state, now > item.DueAt ? now : item.DueAt, cancellationToken);
        }

        return 1;
    }

    /// <summary>Re-queues messages whose sender stopped (crash, restart) before finishing, once their lease ran out.</summary>
    private async Task<int> RecoverAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = policy.Settings;
        var recovered = 0;
        foreach (var n in await store.ListNotificationsAsync(now - settings.Lookback, now, cancellationToken))
        {
            if (n.IsFinished || n.Items.Count == 0 || now - n.UpdatedAt < settings.DeliveryLease)
            {
                continue;
            }

            if (await store.TryUpdateNotificationAsync(n with { UpdatedAt = now }, cancellationToken) is { } taken)
            {
                await notifier.EnqueueAsync(taken, cancellationToken);
                recovered++;
            }
        }

        return recovered;
    }

    /// <summary>Counts of one sweep's messages, safe to update from parallel groups.</summary>
    private sealed class Tally
    {
        private int notifications;
        private int sent;
        private int lost;

        public int Notifications => notifications;

        public int Sent => sent;

        public int Lost => lost;

        /// <summary>Items handed over in one message, or null when another sweep owned it.</summary>
        public void Add(int? handedOver)
        {
            if (handedOver is not { } n)
            {
                Interlocked.Increment(ref lost);
                return;
            }

            Interlocked.Add(ref sent, n);
            if (n > 0)
            {
                Interlocked.Increment(ref notifications);
            }
        }
    }
}
