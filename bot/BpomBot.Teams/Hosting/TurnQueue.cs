using System.Threading.Channels;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Hosting;

/// <summary>
/// Non-invoke activities are acknowledged at once and processed here, so a slow connector (retries, Retry-After)
/// never holds the inbound request past the channel's 10–15 s timeout (protocol.md §0 item 3, §7).
/// Each turn runs in its own DI scope; up to 64 turns run in parallel.
/// </summary>
public sealed class TurnQueue(IServiceScopeFactory scopes, IConnectorClient connector, ILogger<TurnQueue> logger) : BackgroundService
{
    private const int Capacity = 1000;
    // Turns of one conversation are serialised by the conversation handler; across conversations most time is storage
    // and connector I/O, so a wide window keeps throughput from queueing behind 8 slow turns (bench/README.md).
    private const int Parallelism = 64;
    private readonly Channel<Activity> channel = Channel.CreateBounded<Activity>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });
    private long completed;

    /// <summary>How many queued turns have finished (for tests and diagnostics).</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>False when the queue is full; the caller should answer 503.</summary>
    public bool TryEnqueue(Activity activity) => channel.Writer.TryWrite(activity);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            channel.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (activity, cancellationToken) =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var router = scope.ServiceProvider.GetRequiredService<ActivityRouter>();
                    await router.RouteAsync(new TurnContext(activity, connector), cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // The router handles turn errors itself; this is a failure to even start the turn. Keep the queue alive.
                    using var logScope = logger.BeginTurnScope(activity.Id, activity.Conversation?.Id);
                    logger.TurnFailed(ex, activity.Type);
                }
                finally
                {
                    Interlocked.Increment(ref completed);
                }
            });
}
