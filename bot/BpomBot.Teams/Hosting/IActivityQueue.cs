using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Hosting;

/// <summary>
/// Queue-first ingress (Ingress:Mode=Queue, docs/ingress.md). When one is registered, <see cref="BotEndpoint"/> hands it
/// each authenticated activity and answers 202 once it is durably queued; a worker runs the turn later through
/// <see cref="TurnRunner"/>. Without one (the default), the endpoint runs the turn and acknowledges after its commit.
/// </summary>
public interface IActivityQueue
{
    /// <summary>
    /// True when the activity is stored in the queue; false when it must be handled in the request as usual (invokes,
    /// whose answer Teams waits for; bodies too large for a queue message; the queue not reachable).
    /// </summary>
    Task<bool> TryEnqueueAsync(Activity activity, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
