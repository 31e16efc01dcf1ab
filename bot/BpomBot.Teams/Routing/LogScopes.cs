using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Routing;

/// <summary>Log scopes handlers open; the router already opens the turn scope (activity id, conversation id) around every handler.</summary>
public static class LogScopes
{
    private static readonly Func<ILogger, string, IDisposable?> KegiatanScope =
        LoggerMessage.DefineScope<string>("KegiatanId:{KegiatanId}");

    /// <summary>
    /// Adds the kegiatan id to the logs of the rest of the turn (inside the turn scope) and tags the current trace span
    /// with <c>bpombot.kegiatan.id</c>. Open it as soon as a handler knows which kegiatan the turn is about.
    /// </summary>
    public static IDisposable? BeginKegiatanScope(this ILogger logger, string kegiatanId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        System.Diagnostics.Activity.Current?.SetTag("bpombot.kegiatan.id", kegiatanId);
        return KegiatanScope(logger, kegiatanId);
    }
}
