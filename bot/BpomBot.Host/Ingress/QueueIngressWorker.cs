using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues.Models;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Ingress;

/// <summary>
/// Runs queued activities on every instance (docs/ingress.md): receives up to <see cref="IngressOptions.Concurrency"/>
/// messages, hidden for <see cref="IngressOptions.VisibilityTimeout"/>, runs each through the same
/// <see cref="TurnRunner"/> as the direct endpoint, and deletes it only after the turn returned (committed, replies
/// sent). A message whose worker died comes back after the timeout and its turn finds itself in the ledger, so it does
/// nothing again. Messages of one conversation in one receive run in queue order. A message received more than
/// <see cref="IngressOptions.MaxDequeueCount"/> times, or that is not an activity, goes to the poison queue.
/// </summary>
internal sealed class QueueIngressWorker(
    IngressQueues queues,
    IngressSignal signal,
    TurnRunner runner,
    ServiceUrlTrust trust,
    StorageReadiness readiness,
    IOptions<BotOptions> bot,
    IOptions<IngressOptions> options,
    TimeProvider timeProvider,
    ILogger<QueueIngressWorker> logger) : BackgroundService
{
    private const int MaxMessagesPerReceive = 32; // the queue service's limit
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestOutagePause = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Task, byte> running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.QueueIngressOn(queues.Activities.Name, settings.Concurrency);
        using var slots = new SemaphoreSlim(settings.Concurrency, settings.Concurrency);
        var idle = FirstPause;
        var outage = TimeSpan.FromSeconds(1);
        var created = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!readiness.TablesReady)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), timeProvider, stoppingToken);
                    continue;
                }

                await slots.WaitAsync(stoppingToken);
                var take = 1;
                while (take < MaxMessagesPerReceive && slots.Wait(0, CancellationToken.None))
                {
                    take++;
                }

                QueueMessage[] messages;
                try
                {
                    if (!created)
                    {
                        await queues.Activities.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                        await queues.Poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                        created = true;
                    }

                    messages = (await queues.Activities.ReceiveMessagesAsync(take, settings.VisibilityTimeout, stoppingToken)).Value;
                    outage = TimeSpan.FromSeconds(1);
                }
                catch (Exception ex) when (ex is RequestFailedException || TableStorage.IsUnavailable(ex, stoppingToken))
                {
                    slots.Release(take);
                    logger.QueueUnavailable(ex, outage);
                    await Task.Delay(outage, timeProvider, stoppingToken);
                    outage = TimeSpan.FromTicks(Math.Min(outage.Ticks * 2, LongestOutagePause.Ticks));
                    continue;
                }

                if (messages.Length < take)
                {
                    slots.Release(take - messages.Length);
                }

                foreach (var conversation in messages.Select(m => (Message: m, Activity: Parse(m))).GroupBy(w => w.Activity?.Conversation?.Id ?? w.Message.MessageId))
                {
                    Track(RunInOrderAsync([.. conversation], slots));
                }

                // A full receive may have left more behind: receive again at once. Otherwise the queue was drained: wait
                // for this instance's next enqueue, or poll after a pause that grows while nothing comes (messages
                // queued by other instances, or back after a visibility timeout).
                if (messages.Length < take)
                {
                    idle = messages.Length > 0 ? FirstPause : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, settings.MaxPollInterval.Ticks));
                    await signal.WaitAsync(idle, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: let the turns already received finish (their messages are deleted then, or come back later)
        }
        finally
        {
            await Task.WhenAll(running.Keys);
            var (send, receive, delete, other) = IngressQueues.RoundTrips;
            logger.QueueRoundTrips(send + receive + delete + other, send, receive, delete, other);
        }
    }

    private void Track(Task task)
    {
        running.TryAdd(task, 0);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunInOrderAsync((QueueMessage Message, Activity? Activity)[] work, SemaphoreSlim slots)
    {
        await Task.Yield();
        foreach (var (message, activity) in work)
        {
            try
            {
                await HandleAsync(message, activity);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private async Task HandleAsync(QueueMessage message, Activity? activity)
    {
        // Not cancelled by shutdown: a turn that started finishes, as in the direct endpoint.
        var none = CancellationToken.None;
        try
        {
            if (activity is null)
            {
                await PoisonAsync(message, null, "not an activity");
                return;
            }

            if (message.DequeueCount > options.Value.MaxDequeueCount)
            {
                await PoisonAsync(message, activity.Id, $"received {message.DequeueCount} times");
                return;
            }

            if (!bot.Value.IsLocalMode && activity.ServiceUrl is { } serviceUrl)
            {
                trust.Trust(serviceUrl); // the endpoint that queued it checked the caller's token against this serviceUrl
            }

            await runner.RunAsync(activity, none);
            await DeleteAsync(message);
        }
        catch (Exception ex)
        {
            logger.TurnFailed(ex, activity?.Id, message.DequeueCount);
        }
    }

    private async Task PoisonAsync(QueueMessage message, string? activityId, string reason)
    {
        await queues.Poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        logger.Poisoned(message.MessageId, activityId, queues.Poison.Name, reason);
        await DeleteAsync(message);
    }

    private async Task DeleteAsync(QueueMessage message)
    {
        try
        {
            await queues.Activities.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            logger.DeleteLost(message.MessageId);
        }
    }

    private static Activity? Parse(QueueMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<Activity>(message.Body.ToMemory().Span, BotJson.Options) is { Type.Length: > 0 } activity ? activity : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
