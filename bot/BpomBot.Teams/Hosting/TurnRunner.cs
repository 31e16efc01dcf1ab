using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Hosting;

/// <summary>
/// Runs one inbound activity as one unit of work in two storage round trips (docs/storage.md, "Turns"): it reads the
/// conversation's row (dialog states, the ring of handled ids), routes the activity in its own DI scope with the
/// replies held back, and commits the staged dialog state with the activity's id in the ring — one write (with an
/// invoke's ledger row, one transaction) that holds only if no other turn of the conversation committed meanwhile (the
/// row's ETag is the conversation's lock, across instances). Then it sends the replies. A redelivery — the channel's
/// retry, the same activity at a second instance, a repeat after a crash — is found in the ring (an old invoke, at the
/// latest, by its ledger row's insert) and does nothing again (an invoke gets the first answer back). A turn that lost
/// the race to another turn of its conversation is run again from a fresh read. The endpoint awaits this before
/// acknowledging, so a 200 means the turn is committed.
/// </summary>
public sealed class TurnRunner(
    IServiceScopeFactory scopes,
    IConnectorClient connector,
    ITurnLedger ledger,
    TimeProvider timeProvider,
    ILogger<TurnRunner> logger,
    KnownConversations? known = null)
{
    /// <summary>How often a turn is run again after other turns of its conversation committed first.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Said when the turn could not be stored (storage down, or the conversation too busy to get a turn in).</summary>
    public const string NotStoredAnswer = "Maaf, pesan Anda belum dapat disimpan. Silakan coba lagi sebentar.";

    /// <summary><see cref="NotStoredAnswer"/> for an English writer or an English card.</summary>
    public const string NotStoredAnswerEnglish = "Sorry, your message could not be saved yet. Please try again in a moment.";

    // Turns of one conversation on this instance wait for each other here, so that only turns on different instances
    // race for the commit. Striped: memory stays bounded.
    private readonly SemaphoreSlim[] gates = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    private long completed;
    private long reruns;

    /// <summary>How many turns have finished (for tests and diagnostics).</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>How many turns were run again because another turn of their conversation committed first.</summary>
    public long Reruns => Interlocked.Read(ref reruns);

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
                return await RouteUnbufferedAsync(activity, cancellationToken);
            }

            var gate = gates[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)gates.Length)];
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await RunCommittedAsync(activity, conversationId, activityId, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            Interlocked.Increment(ref completed);
        }
    }

    private async Task<InvokeResponse?> RunCommittedAsync(Activity activity, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            ConversationTurnState state;
            try
            {
                state = await ledger.ReadAsync(conversationId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage trouble: the handlers meet it too and answer "coba lagi"; the channel gets its 200 either way.
                logger.LedgerUnavailable(ex);
                return await RouteUnbufferedAsync(activity, cancellationToken);
            }

            if (state.Handled.Contains(activityId))
            {
                logger.Redelivered(activityId);
                return await RepeatAsync(activity, conversationId, activityId, null, cancellationToken);
            }

            var unit = scope.ServiceProvider.GetRequiredService<TurnUnit>();
            unit.Open(conversationId, state);
            var turn = new TurnContext(activity, connector, buffered: true);
            await scope.ServiceProvider.GetRequiredService<ActivityRouter>().RouteAsync(turn, cancellationToken);
            var answer = turn.InvokeResponse;

            TurnCommitResult result;
            try
            {
                // Only an invoke's answer is repeated to a redelivery, so only an invoke writes a ledger row with it.
                var invoke = activity.Type == ActivityTypes.Invoke;
                var stored = invoke && answer is not null ? JsonSerializer.Serialize(answer, BotJson.Options) : null;
                result = await ledger.CommitAsync(unit.ToCommit(activityId, stored, timeProvider.GetUtcNow(), Guid.NewGuid().ToString("N"), ledgerRow: invoke), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LedgerUnavailable(ex);
                return await NotStoredAsync(turn, cancellationToken);
            }

            switch (result.Outcome)
            {
                case TurnCommitOutcome.Committed:
                    await SendAsync(turn, cancellationToken);
                    return answer;
                case TurnCommitOutcome.AlreadyHandled:
                    turn.Discard();
                    logger.Redelivered(activityId);
                    return await RepeatAsync(activity, conversationId, activityId, result.Answer, cancellationToken);
                default:
                    turn.Discard();
                    Interlocked.Increment(ref reruns);
                    logger.TurnRunAgain(conversationId, attempt);
                    if (attempt >= MaxAttempts)
                    {
                        return await NotStoredAsync(turn, cancellationToken);
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), timeProvider, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>
    /// The answer to a delivery of an activity handled already: nothing is sent again (the first delivery sent it, or
    /// died between its commit and its sends: docs/storage.md, "Turns"); an invoke gets the stored answer.
    /// </summary>
    private async Task<InvokeResponse?> RepeatAsync(Activity activity, string conversationId, string activityId, string? answer, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            return null;
        }

        if (answer is null)
        {
            try
            {
                answer = (await ledger.FindAsync(conversationId, activityId, cancellationToken))?.Answer;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LedgerUnavailable(ex);
            }
        }

        return answer is { Length: > 0 } json
            ? JsonSerializer.Deserialize<InvokeResponse>(json, BotJson.Options)
            : InvokeResponse.Message(NotStored(activity));
    }

    /// <summary>The commit failed: what the handlers said is dropped (it was not stored), and the user is asked to retry.</summary>
    private async Task<InvokeResponse?> NotStoredAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        turn.Discard();
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            return InvokeResponse.Message(NotStored(turn.Activity));
        }

        if (turn.Activity.Type == ActivityTypes.Message)
        {
            await turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = NotStored(turn.Activity) }, cancellationToken);
            await SendAsync(turn, cancellationToken);
        }

        return null;
    }

    /// <summary>The retry request in the turn's language, decided as the router decides it (no storage read).</summary>
    private string NotStored(Activity activity) =>
        ActivityRouter.AnswerLanguage(activity, known) == Language.English ? NotStoredAnswerEnglish : NotStoredAnswer;

    /// <summary>Sends after the commit; a connector failure now cannot undo the stored turn, so it is logged, not retried here.</summary>
    private async Task SendAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            await turn.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.RepliesNotSent(ex, turn.Activity.Id);
        }
    }

    private async Task<InvokeResponse?> RouteUnbufferedAsync(Activity activity, CancellationToken cancellationToken)
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
    [LoggerMessage(1110, LogLevel.Information, "Activity {ActivityId} delivered again; not handled twice")]
    public static partial void Redelivered(this ILogger logger, string activityId);

    [LoggerMessage(1112, LogLevel.Information, "Another turn of conversation {ConversationId} committed first; running this turn again (attempt {Attempt})")]
    public static partial void TurnRunAgain(this ILogger logger, string conversationId, int attempt);

    [LoggerMessage(1111, LogLevel.Warning, "The turn could not be read or stored")]
    public static partial void LedgerUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(1113, LogLevel.Warning, "Activity {ActivityId} was stored but its replies could not be sent")]
    public static partial void RepliesNotSent(this ILogger logger, Exception exception, string? activityId);
}
