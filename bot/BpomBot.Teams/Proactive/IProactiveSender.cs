using BpomBot.Domain.Reminders;

namespace BpomBot.Teams.Proactive;

/// <summary>Where to post a proactive message, and whether its reader reads English (else Indonesian).</summary>
public sealed record ProactiveTarget(string ServiceUrl, string ConversationId, bool English = false);

/// <summary>
/// The answer to one connector call: HTTP status (0 for a network failure), the Retry-After it asked for, a short
/// error reason for the record, and the conversation when one was created.
/// </summary>
public sealed record SendResult(int StatusCode, TimeSpan? RetryAfter = null, string? Error = null, ProactiveTarget? Target = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>Find, create, send: one connector call each (short faults retried by the connector client; delivery decides the rest).</summary>
public interface IProactiveSender
{
    /// <summary>The person's stored 1:1 conversation, or null when the bot has never talked with them.</summary>
    Task<ProactiveTarget?> FindConversationAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>Creates the 1:1 conversation (tenant id + user id) and stores its reference; the result carries the target.</summary>
    Task<SendResult> CreateConversationAsync(string personId, CancellationToken cancellationToken = default);

    Task<SendResult> SendAsync(ProactiveTarget target, Notification notification, CancellationToken cancellationToken = default);
}
