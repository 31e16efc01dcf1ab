using BpomBot.Domain.Telemetry;
using System.Threading.Channels;
using BpomBot.Domain.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Proactive;

/// <summary>
/// The outbound queue: takes claimed notifications, waits for the rate limiter, sends (creating the 1:1 conversation
/// first when needed), retries 429/412/502/503/504 with jittered backoff honouring Retry-After, and dead-letters after
/// the configured attempts. Every step is written to the notification record with a conditional update, which also
/// fences: if another instance took the notification over (lease expired), this one stops before sending.
/// </summary>
public sealed class NotificationDelivery(
    IProactiveSender sender,
    IReminderStore store,
    SendRateLimiter limiter,
    RetryPolicy retryPolicy,
    TimeProvider timeProvider,
    IOptions<ProactiveOptions> options,
    ILogger<NotificationDelivery> logger) : IReminderNotifier
{
    private static readonly TimeSpan RecordThrottleAfter = TimeSpan.FromSeconds(1);
    private readonly Channel<Notification> queue = Channel.CreateUnbounded<Notification>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Channel<bool> sendSlots = SendSlots(options.Value.MaxInFlightSends);

    public int Pending => queue.Reader.Count;

    public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken = default) =>
        queue.Writer.WriteAsync(notification, cancellationToken);

    /// <summary>Drains the queue until cancelled, a bounded number of messages in flight.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            queue.Reader.ReadAllAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (notification, ct) =>
            {
                try
                {
                    await DeliverAsync(notification, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The record stays queued; a sweep re-queues it once its lease runs out.
                    logger.DeliveryCrashed(ex, notification.Id);
                }
            });

    /// <summary>Delivers one notification to the end (sent, failed, or taken over); returns its last stored state.</summary>
    public async Task<Notification> DeliverAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var run = new Run(notification);
        var target = await sender.FindConversationAsync(notification.RecipientId, cancellationToken);
        if (target is null)
        {
            var created = await AttemptAsync(run, "new:" + notification.RecipientId, ct => sender.CreateConversationAsync(notification.RecipientId, ct), cancellationToken);
            if (created?.Target is null)
            {
                return await FailIfOpenAsync(run, created, "percakapan tidak dapat dibuat", cancellationToken);
            }

            target = created.Target;
        }

        // The Sent mark is written while the send slot is still held: the next message may only start once this one is
        // marked, so a crash leaves at most one message per slot whose delivery is unknown (sent but not marked).
        var sent = await AttemptAsync(
            run, target.ConversationId, ct => sender.SendAsync(target, notification, ct), cancellationToken,
            ct => MarkSentAsync(run, ct));
        if (sent is null)
        {
            return run.Current;
        }

        BpomTelemetry.RemindersSent.Add(1);
        logger.NotificationSent(notification.Id, run.Current.Attempts);
        return run.Current;
    }

    private async Task<Notification> FailIfOpenAsync(Run run, SendResult? result, string reason, CancellationToken cancellationToken)
    {
        if (!run.Stopped && result is not null)
        {
            await FailAsync(run, $"{reason}: {Describe(result)}", cancellationToken);
        }

        return run.Current;
    }

    /// <summary>
    /// One operation with limiter, fence, retries; the successful result, or null when it ended otherwise.
    /// <paramref name="markSucceeded"/> records a success inside the send slot (a storage failure there propagates: the
    /// record stays at its attempt, and the recovery resends that one message).
    /// </summary>
    private async Task<SendResult?> AttemptAsync(
        Run run,
        string limiterKey,
        Func<CancellationToken, Task<SendResult>> operation,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task<bool>>? markSucceeded = null)
    {
        var settings = options.Value;
        string? lastError = null;
        while (!run.Stopped)
        {
            await WaitForSlotAsync(run, limiterKey, cancellationToken);
            if (run.Stopped)
            {
                return null;
            }

            if (run.Current.Attempts >= settings.MaxAttempts)
            {
                await FailAsync(run, $"gagal setelah {run.Current.Attempts} percobaan: {lastError}", cancellationToken);
                return null;
            }

            // The attempt is recorded before the send and the outcome before the slot is given back, and only
            // MaxInFlightSends slots exist: a crash leaves at most that many messages whose delivery is unknown (sent
            // again by the recovery). A slot released before the Sent mark would let a second send start while the first
            // is still unmarked, and a crash then would duplicate both.
            SendResult result;
            await sendSlots.Reader.ReadAsync(cancellationToken);
            try
            {
                var status = run.Current.Attempts == 0 ? run.Current.Status : NotificationStatus.Retried;
                if (!await WriteAsync(run, status, lastError, countAttempt: true, cancellationToken))
                {
                    return null;
                }

                try
                {
                    result = await operation(cancellationToken);
                }
                catch (HttpRequestException ex)
                {
                    result = new SendResult(0, Error: ex.Message);
                }

                if (result.Succeeded)
                {
                    if (markSucceeded is not null)
                    {
                        await markSucceeded(cancellationToken); // false: taken over meanwhile; the message went out all the same
                    }

                    return result;
                }
            }
            finally
            {
                sendSlots.Writer.TryWrite(true);
            }

            lastError = Describe(result);
            if (!RetryPolicy.IsRetryable(result.StatusCode))
            {
                await FailAsync(run, lastError, cancellationToken);
                return null;
            }

            if (run.Current.Attempts >= settings.MaxAttempts)
            {
                await FailAsync(run, $"gagal setelah {run.Current.Attempts} percobaan: {lastError}", cancellationToken);
                return null;
            }

            var delay = retryPolicy.Delay(run.Current.Attempts, result.RetryAfter);
            logger.NotificationRetry(run.Current.Id, result.StatusCode, run.Current.Attempts, delay);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }

        return null;
    }

    private async Task WaitForSlotAsync(Run run, string limiterKey, CancellationToken cancellationToken)
    {
        var recorded = false;
        for (var wait = limiter.TryAcquire(limiterKey); wait > TimeSpan.Zero; wait = limiter.TryAcquire(limiterKey))
        {
            if (!recorded && wait >= RecordThrottleAfter)
            {
                recorded = true;
                BpomTelemetry.RemindersThrottled.Add(1);
                logger.NotificationThrottled(run.Current.Id, wait);
                if (!await WriteAsync(run, NotificationStatus.Throttled, run.Current.LastError, countAttempt: false, cancellationToken))
                {
                    return;
                }
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private async Task FailAsync(Run run, string reason, CancellationToken cancellationToken)
    {
        if (await WriteAsync(run, NotificationStatus.Failed, reason, countAttempt: false, cancellationToken))
        {
            BpomTelemetry.RemindersFailed.Add(1);
            logger.NotificationFailed(run.Current.Id, reason);
        }

        run.Stopped = true;
    }

    /// <summary>
    /// Marks a sent message Sent. If the record changed since this run's attempt (a sweep re-queued it when its lease
    /// looked expired, e.g. a sweep run for a later instant), it is still this run's to mark as long as nobody recorded
    /// an attempt since: every sender records its attempt before sending, so equal attempts mean nobody else sent it. The
    /// conditional write then fences the re-queued copy, which stops at its own attempt write instead of sending again.
    /// </summary>
    private async Task<bool> MarkSentAsync(Run run, CancellationToken cancellationToken)
    {
        if (await WriteAsync(run, NotificationStatus.Sent, null, countAttempt: false, cancellationToken))
        {
            return true;
        }

        var stored = await store.GetNotificationAsync(run.Current.DueAt, run.Current.Id, cancellationToken);
        if (stored is null || stored.IsFinished || stored.Attempts != run.Current.Attempts)
        {
            return false;
        }

        run.Current = stored;
        run.Stopped = false;
        return await WriteAsync(run, NotificationStatus.Sent, null, countAttempt: false, cancellationToken);
    }

    /// <summary>Conditional status write; false (and the run stops) when another instance changed the record.</summary>
    private async Task<bool> WriteAsync(Run run, NotificationStatus status, string? error, bool countAttempt, CancellationToken cancellationToken)
    {
        var next = run.Current with
        {
            Status = status,
            LastError = error,
            Attempts = run.Current.Attempts + (countAttempt ? 1 : 0),
            UpdatedAt = timeProvider.GetUtcNow(),
        };
        if (await store.TryUpdateNotificationAsync(next, cancellationToken) is { } saved)
        {
            run.Current = saved;
            return true;
        }

        logger.NotificationLeaseLost(run.Current.Id);
        run.Stopped = true;
        return false;
    }

    /// <summary>A semaphore without a Dispose: a channel holding one token per send allowed in flight.</summary>
    private static Channel<bool> SendSlots(int count)
    {
        var slots = Channel.CreateBounded<bool>(Math.Max(1, count));
        for (var i = 0; i < Math.Max(1, count); i++)
        {
            slots.Writer.TryWrite(true);
        }

        return slots;
    }

    private static string Describe(SendResult result) =>
        result.StatusCode == 0 ? $"jaringan: {result.Error}" : $"HTTP {result.StatusCode}{(result.Error is { Length: > 0 } e ? " " + e : string.Empty)}";

    private sealed class Run(Notification notification)
    {
        public Notification Current { get; set; } = notification;

        public bool Stopped { get; set; }
    }
}
