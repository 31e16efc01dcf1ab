using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Proactive;

internal static partial class ProactiveLog
{
    [LoggerMessage(4001, LogLevel.Information, "Notification {NotificationId} sent after {Attempts} attempt(s)")]
    public static partial void NotificationSent(this ILogger logger, string notificationId, int attempts);

    [LoggerMessage(4002, LogLevel.Warning, "Notification {NotificationId} got {StatusCode}; retry {Attempt} in {Delay}")]
    public static partial void NotificationRetry(this ILogger logger, string notificationId, int statusCode, int attempt, TimeSpan delay);

    [LoggerMessage(4003, LogLevel.Error, "Notification {NotificationId} dead-lettered: {Reason}")]
    public static partial void NotificationFailed(this ILogger logger, string notificationId, string reason);

    [LoggerMessage(4004, LogLevel.Information, "Notification {NotificationId} is handled elsewhere (lease lost)")]
    public static partial void NotificationLeaseLost(this ILogger logger, string notificationId);

    [LoggerMessage(4005, LogLevel.Debug, "Notification {NotificationId} throttled for {Wait}")]
    public static partial void NotificationThrottled(this ILogger logger, string notificationId, TimeSpan wait);

    [LoggerMessage(4006, LogLevel.Error, "Delivery of notification {NotificationId} stopped unexpectedly")]
    public static partial void DeliveryCrashed(this ILogger logger, Exception exception, string notificationId);
}
