using Azure;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// The turn's storage in the DialogState table, one partition per conversation (PK = conversation id):
/// RK "state" holds the conversation's dialog states, the ring of its last handled activity ids (8-byte hashes) and the
/// id of the commit that wrote it (its ETag is the conversation's lock); RK "turn|&lt;activity id&gt;" one ledger row per
/// handled invoke with the answer to repeat. A turn reads "state" once and commits it alone (If-Match, or insert) — a
/// single-entity write — or, for an invoke, together with the new ledger row (insert) in one transaction: two round
/// trips either way. docs/storage.md ("Turns").
/// </summary>
public sealed class TableTurnLedger(TableServiceClient service) : ITurnLedger
{
    public const string StateRowKey = "state";
    public const string LedgerRowKeyPrefix = "turn|";

    private readonly JsonDocumentTable<ConversationRow> _states = new(service.GetTableClient(StorageTables.DialogState));
    private readonly JsonDocumentTable<LedgerRow> _ledger = new(service.GetTableClient(StorageTables.DialogState));

    public async Task<ConversationTurnState> ReadAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await _states.GetAsync(TableKeys.Escape(conversationId), StateRowKey, cancellationToken) is { } row
            ? new ConversationTurnState(row.Version, row.Value.Dialogs ?? [], Handled(row.Value))
            : ConversationTurnState.Empty;

    public async Task<HandledTurn?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        await _ledger.GetAsync(TableKeys.Escape(conversationId), LedgerRowKey(activityId), cancellationToken) is { } row
            ? new HandledTurn(activityId, row.Value.Answer, row.Value.HandledAt, row.Value.CommitId)
            : null;

    public async Task<TurnCommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var pk = TableKeys.Escape(commit.ConversationId);
        var row = new ConversationRow(new(commit.Dialogs), null, commit.CommitId, commit.Handled.ToString());
        try
        {
            if (!commit.WritesLedgerRow)
            {
                var version = await _states.SaveAsync(pk, StateRowKey, row, commit.ExpectedVersion, cancellationToken: cancellationToken);
                return new TurnCommitResult(TurnCommitOutcome.Committed, Version: version);
            }

            var state = _states.ToEntity(pk, StateRowKey, row);
            List<TableTransactionAction> actions =
            [
                commit.ExpectedVersion is null
                    ? new(TableTransactionActionType.Add, state)
                    : new(TableTransactionActionType.UpdateReplace, state, new ETag(commit.ExpectedVersion)),
                new(TableTransactionActionType.Add, _ledger.ToEntity(pk, LedgerRowKey(commit.ActivityId!), new LedgerRow(commit.Answer, commit.Now, commit.CommitId))),
            ];
            var versions = await _states.SubmitAsync(actions, cancellationToken);
            return new TurnCommitResult(TurnCommitOutcome.Committed, Version: versions[0]);
        }
        catch (ConcurrencyConflictException)
        {
            // A lost race (412/404 on "state", 409 on a new "state" or on the ledger row) — or the SDK retried this very
            // write after a timeout although the first attempt had been applied, and met its own write. What is
            // stored decides: our commit id there means it is stored.
        }

        if (commit.WritesLedgerRow && await FindAsync(commit.ConversationId, commit.ActivityId!, cancellationToken) is { } handled)
        {
            return handled.CommitId == commit.CommitId
                ? new TurnCommitResult(TurnCommitOutcome.Committed)
                : new TurnCommitResult(TurnCommitOutcome.AlreadyHandled, handled.Answer);
        }

        if (await _states.GetAsync(pk, StateRowKey, cancellationToken) is { } stored)
        {
            if (stored.Value.CommitId == commit.CommitId)
            {
                return new TurnCommitResult(TurnCommitOutcome.Committed, Version: stored.Version);
            }

            if (commit.ActivityId is { } id && Handled(stored.Value).Contains(id))
            {
                // Another delivery of this activity (another instance, or the channel's retry) committed first.
                return new TurnCommitResult(TurnCommitOutcome.AlreadyHandled);
            }
        }

        return new TurnCommitResult(TurnCommitOutcome.StateChanged);
    }

    public static string LedgerRowKey(string activityId) => LedgerRowKeyPrefix + TableKeys.Escape(activityId);

    /// <summary>
    /// The "state" row: dialog states by key (the conversation, or conversation|user in group chats), the last commit, and
    /// the handled ring (<see cref="HandledRing.ToString"/>). <paramref name="Recent"/> is the plain id list of rows
    /// written before the ring; it is read into the ring and not written again.
    /// </summary>
    public sealed record ConversationRow(Dictionary<string, DialogStateEntry>? Dialogs, List<string>? Recent, string? CommitId, string? Handled = null);

    private static HandledRing Handled(ConversationRow row) =>
        row.Handled is { } ring ? HandledRing.Parse(ring) : HandledRing.Of(row.Recent ?? []);

    /// <summary>A ledger row: the answer a redelivered invoke gets, when it was handled, and the commit that wrote it.</summary>
    public sealed record LedgerRow(string? Answer, DateTimeOffset HandledAt, string CommitId);
}

public static class TurnLedgerStorageRegistration
{
    /// <summary>
    /// The turn's storage: the table-backed <see cref="ITurnLedger"/> (in the DialogState table) and the turn-scoped
    /// <see cref="IDialogStateRepository"/> over it.
    /// </summary>
    public static IServiceCollection AddBpomTurnLedgerStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<ITurnLedger, TableTurnLedger>();
        return services.AddBpomTurnScope();
    }

    /// <summary>The per-turn unit of work and the dialog-state port over it (both scoped: one per turn).</summary>
    public static IServiceCollection AddBpomTurnScope(this IServiceCollection services)
    {
        services.TryAddScoped<TurnUnit>();
        services.TryAddScoped<IDialogStateRepository, TurnDialogStateRepository>();
        return services;
    }
}
