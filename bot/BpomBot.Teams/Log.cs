using Microsoft.Extensions.Logging;

namespace BpomBot.Teams;

/// <summary>Structured log events of the Teams edge. Never logs message text or card payloads.</summary>
internal static partial class Log
{
    private static readonly Func<ILogger, string?, string?, IDisposable?> TurnScope =
        LoggerMessage.DefineScope<string?, string?>("ActivityId:{ActivityId} ConversationId:{ConversationId}");

    public static IDisposable? BeginTurnScope(this ILogger logger, string? activityId, string? conversationId) =>
        TurnScope(logger, activityId, conversationId);

    [LoggerMessage(1000, LogLevel.Error, "Turn failed for activity type {ActivityType}")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityType);

    [LoggerMessage(1001, LogLevel.Debug, "Could not send the apology after a failed turn")]
    public static partial void ApologyFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1002, LogLevel.Debug, "Ignored activity type {ActivityType} name {Name}")]
    public static partial void ActivityIgnored(this ILogger logger, string? activityType, string? name);

    [LoggerMessage(1003, LogLevel.Information, "Message handled by {Handler}")]
    public static partial void MessageHandled(this ILogger logger, string handler);

    [LoggerMessage(1004, LogLevel.Information, "Card action {Verb} (trigger {Trigger})")]
    public static partial void CardActionHandled(this ILogger logger, string verb, string? trigger);

    [LoggerMessage(1005, LogLevel.Warning, "Card action with unknown verb {Verb}")]
    public static partial void UnknownVerb(this ILogger logger, string verb);

    [LoggerMessage(1100, LogLevel.Warning, "Request to /api/messages refused with {StatusCode}: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, int statusCode, string reason);

    [LoggerMessage(1101, LogLevel.Warning, "Bot:AppId is empty: /api/messages runs UNAUTHENTICATED and accepts loopback callers only")]
    public static partial void RunningUnauthenticated(this ILogger logger);

    [LoggerMessage(1102, LogLevel.Information, "Token refused: {Reason}")]
    public static partial void TokenRefused(this ILogger logger, string reason);

    [LoggerMessage(1200, LogLevel.Warning, "Connector call {Method} {Path} answered {StatusCode}; retry {Attempt} in {Delay}")]
    public static partial void ConnectorRetry(this ILogger logger, string method, string path, int statusCode, int attempt, TimeSpan delay);

    [LoggerMessage(1201, LogLevel.Warning, "Refused to call untrusted serviceUrl host {Host}")]
    public static partial void UntrustedServiceUrl(this ILogger logger, string host);
}
