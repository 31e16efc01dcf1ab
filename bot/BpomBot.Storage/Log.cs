using Microsoft.Extensions.Logging;

namespace BpomBot.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Storage tables ready ({TableCount} tables)")]
    public static partial void TablesReady(ILogger logger, int tableCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Evidence file {Name} stored ({Length} bytes, sha256 {Sha256})")]
    public static partial void EvidenceStored(ILogger logger, string name, long length, string sha256);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Storage round trips since start: {RoundTrips}")]
    public static partial void RoundTripsSinceStart(ILogger logger, long roundTrips);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Storage tables not created yet, retrying in the background: {Reason}")]
    public static partial void TablesNotReady(ILogger logger, string reason);
}
