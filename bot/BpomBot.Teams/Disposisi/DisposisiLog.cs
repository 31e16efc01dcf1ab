using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Disposisi;

/// <summary>Structured log events of disposisi delivery. Never logs card payloads or names.</summary>
internal static partial class DisposisiLog
{
    [LoggerMessage(7000, LogLevel.Warning, "Disposisi {DisposisiId}: no conversation reference for the recipient; the card waits in the inbox")]
    public static partial void NoConversation(this ILogger logger, string disposisiId);

    [LoggerMessage(7001, LogLevel.Warning, "Disposisi {DisposisiId}: sending to the {Role} failed")]
    public static partial void SendFailed(this ILogger logger, Exception exception, string disposisiId, string role);

    [LoggerMessage(7002, LogLevel.Information, "Disposisi {DisposisiId}: card sent to the {Role}")]
    public static partial void CardSent(this ILogger logger, string disposisiId, string role);

    [LoggerMessage(7004, LogLevel.Warning, "No conversation reference for a person to tell about a disposisi")]
    public static partial void NoConversationForPerson(this ILogger logger);

    [LoggerMessage(7005, LogLevel.Warning, "Telling a person about a disposisi failed")]
    public static partial void TellFailed(this ILogger logger, Exception exception);

    [LoggerMessage(7003, LogLevel.Information, "Disposisi {DisposisiId}: base card updated after {State}")]
    public static partial void CardUpdated(this ILogger logger, string disposisiId, string state);
}
