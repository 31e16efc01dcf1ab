using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Hosting;

/// <summary>
/// Runs one inbound activity as one unit of work: claims it in the durable <see cref="ITurnLedger"/> (conversation +
/// activity id), routes it in its own DI scope, then marks it handled with the answer to repeat. A redelivery — the
/// channel's retry, the same activity at a second instance, a repeat after a crash — finds the claim and does nothing
/// again (an invoke gets the first answer back). The endpoint awaits this before acknowledging, so a 200 means the
/// turn's state is committed (docs/drills.md: why not a queue).
/// </summary>
public sealed class TurnRunner(
    IServiceScopeFactory scopes,
    IConnectorClient connector,
    ITurnLedger ledger,
    TimeProvider timeProvider,
    ILogger<TurnRunner> logger)
{
    /// <summary>
    /// How long a claim protects a turn still in progress; after that a redelivery may take the turn over (the first
    /// owner crashed). Longer than any turn (connector retries included), shorter than the channel's patience.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>How long a turn waits for its conversation's lock before it runs anyway.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>Said to a redelivered card click while its first delivery is still being handled.</summary>
    public const string InProgressAnswer = "Permintaan Anda sedang diproses.";

    private long completed;

    /// <summary>How many turns have finished (for tests and diagnostics).</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>Handles the activity once; the invoke answer (null for other activity types).</summary>
    public async Task<InvokeResponse?> RunAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            var conversationId = activity.Conversation?.Id;
            var activityId = activity.Id;
            if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activityId))
            {
                return await RouteAsync(activity, cancellationToken);
            }

            TurnClaim claim;
            try
            {
                claim = await ledger.TryBeginAsync(conversationId, activityId, timeProvider.GetUtcNow(), ClaimLease, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage trouble: the handlers meet it too and answer with the apology; do not lose the message here.
                logger.LedgerUnavailable(ex);
                return await RouteAsync(activity, cancellationToken);
            }

            if (claim.Status != TurnClaimStatus.Claimed)
            {
                logger.Redelivered(activityId, claim.Status);
                return Repeat(activity, claim);
            }

            var answer = await RouteSerialisedAsync(activity, conversationId, cancellationToken);
            var result = answer is null ? null : JsonSerializer.Serialize(answer, BotJson.Options);
            try
            {
                await ledger.CompleteAsync(conversationId, activityId, claim, result, timeProvider.GetUtcNow(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim stays "in progress" until its lease ends; a redelivery before then is still ignored.
                logger.LedgerUnavailable(ex);
            }

            return answer;
        }
        finally
        {
            Interlocked.Increment(ref completed);
        }
    }

    /// <summary>
    /// Routes while holding the conversation's lock, so turns of one conversation run one at a time across instances.
    /// After <see cref="LockWait"/> the turn runs anyway (a stuck lock must not silence a conversation); the handlers'
    /// own ETag checks still guard its writes.
    /// </summary>
    private async Task<InvokeResponse?> RouteSerialisedAsync(Activity activity, string conversationId, CancellationToken cancellationToken)
    {
        string? lockVersion = null;
        try
        {
            var until = timeProvider.GetUtcNow() + LockWait;
            while ((lockVersion = await ledger.TryLockConversationAsync(conversationId, timeProvider.GetUtcNow(), ClaimLease, cancellationToken)) is null
                && timeProvider.GetUtcNow() < until)
            {
                await Task.Delay(LockPoll, timeProvider, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LedgerUnavailable(ex);
        }

        if (lockVersion is null)
        {
            logger.ConversationLockNotTaken(conversationId);
        }

        try
        {
            return await RouteAsync(activity, cancellationToken);
        }
        finally
        {
            if (lockVersion is not null)
            {
                try
                {
                    await ledger.UnlockConversationAsync(conversationId, lockVersion, CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The lock expires after its lease.
                    logger.LedgerUnavailable(ex);
                }
            }
        }
    }

    private static InvokeResponse? Repeat(Activity activity, TurnClaim claim)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            return null;
        }

        return claim is { Status: TurnClaimStatus.Done, Result: { Length: > 0 } json }
            ? JsonSerializer.Deserialize<InvokeResponse>(json, BotJson.Options)
            : InvokeResponse.Message(InProgressAnswer);
    }

    private async Task<InvokeResponse?> RouteAsync(Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var router = scope.ServiceProvider.GetRequiredService<ActivityRouter>();
        var turn = new TurnContext(activity, connector);
        await router.RouteAsync(turn, cancellationToken);
        return turn.InvokeResponse;
    }
}

internal static partial class TurnRunnerLog
{
    [LoggerMessage(1110, LogLevel.Information, "Activity {ActivityId} delivered again ({Status}); not handled twice")]
    public static partial void Redelivered(this ILogger logger, string activityId, TurnClaimStatus status);

    [LoggerMessage(1112, LogLevel.Warning, "Conversation {ConversationId} stayed locked by another turn; this turn runs without the lock")]
    public static partial void ConversationLockNotTaken(this ILogger logger, string conversationId);

    [LoggerMessage(1111, LogLevel.Warning, "The turn ledger could not be read or written")]
    public static partial void LedgerUnavailable(this ILogger logger, Exception exception);
}
