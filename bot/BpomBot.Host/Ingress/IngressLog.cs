namespace BpomBot.Host.Ingress;

internal static partial class IngressLog
{
    [LoggerMessage(1400, LogLevel.Information, "Ingress: activities are queued in {Queue} and run by this instance's worker ({Concurrency} at a time)")]
    public static partial void QueueIngressOn(this ILogger logger, string queue, int concurrency);

    [LoggerMessage(1401, LogLevel.Warning, "Activity {ActivityId} ({Bytes} bytes) is too large for a queue message; handled in the request")]
    public static partial void HandledDirectlyTooLarge(this ILogger logger, string? activityId, int bytes);

    [LoggerMessage(1402, LogLevel.Warning, "Activity {ActivityId} could not be queued; handled in the request")]
    public static partial void HandledDirectlyQueueFailed(this ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(1403, LogLevel.Warning, "Queued message {MessageId} (activity {ActivityId}) moved to {PoisonQueue}: {Reason}")]
    public static partial void Poisoned(this ILogger logger, string messageId, string? activityId, string poisonQueue, string reason);

    [LoggerMessage(1404, LogLevel.Warning, "Activity {ActivityId} failed in the worker (receive {DequeueCount}); it is queued again after the visibility timeout")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityId, long dequeueCount);

    [LoggerMessage(1405, LogLevel.Information, "Queued message {MessageId} was taken by another receive before it was deleted (the turn ran long); its turn is in the ledger")]
    public static partial void DeleteLost(this ILogger logger, string messageId);

    [LoggerMessage(1406, LogLevel.Warning, "The activities queue is not reachable; trying again in {Delay}")]
    public static partial void QueueUnavailable(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(1407, LogLevel.Information, "Queue round trips since start: {Total} (send {Send}, receive {Receive}, delete {Delete}, other {Other})")]
    public static partial void QueueRoundTrips(this ILogger logger, long total, long send, long receive, long delete, long other);
}
