using Azure;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// The turn's storage in the DialogState table, one partition per conversation (PK = conversation id):
/// RK "state" holds the conversation's dialog states and its recent handled activity ids (its ETag is the
/// conversation's lock), RK "turn|&lt;activity id&gt;" one ledger row per handled activity with the answer to repeat.
/// A turn reads "state" once and commits "state" (If-Match, or insert) plus the new ledger row (insert) in one
/// transaction: two round trips. docs/storage.md ("Turns").
/// </summary>
public sealed class TableTurnLedger(TableServiceClient service) : ITurnLedger
{
    public const string StateRowKey = "state";
    public const string LedgerRowKeyPrefix = "turn|";

    private readonly JsonDocumentTable<ConversationRow> _states = new(service.GetTableClient(StorageTables.DialogState));
    private readonly JsonDocumentTable<LedgerRow> _ledger = new(service.GetTableClient(StorageTables.DialogState));

    public async Task<ConversationTurnState> ReadAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await _states.GetAsync(TableKeys.Escape(conversationId), StateRowKey, cancellationToken) is { } row
            ? new ConversationTurnState(row.Version, row.Value.Dialogs ?? [], row.Value.Recent ?? [])
            : ConversationTurnState.Empty;

    public async Task<HandledTurn?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        await _ledger.GetAsync(TableKeys.Escape(conversationId), LedgerRowKey(activityId), cancellationToken) is { } row
            ? new HandledTurn(activityId, row.Value.Answer, row.Value.HandledAt, row.Value.CommitId)
            : null;

    public async Task<TurnCommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var pk = TableKeys.Escape(commit.ConversationId);
        var state = _states.ToEntity(pk, StateRowKey, new ConversationRow(new(commit.Dialogs), [.. commit.Recent], commit.CommitId));
        List<TableTransactionAction> actions =
        [
            commit.ExpectedVersion is null
                ? new(TableTransactionActionType.Add, state)
                : new(TableTransactionActionType.UpdateReplace, state, new ETag(commit.ExpectedVersion)),
        ];
        if (commit.ActivityId is { } activityId)
        {
            actions.Add(new(TableTransactionActionType.Add, _ledger.ToEntity(pk, LedgerRowKey(activityId), new LedgerRow(commit.Answer, commit.Now, commit.CommitId))));
        }

        try
        {
            var versions = await _states.SubmitAsync(actions, cancellationToken);
            return new TurnCommitResult(TurnCommitOutcome.Committed, Version: versions[0]);
        }
        catch (ConcurrencyConflictException)
        {
            // A lost race (412/404 on "state", 409 on the ledger row or on a new "state") — or the SDK retried this very
            // transaction after a timeout although the first attempt had been applied, and met its own write. What is
            // stored decides: our commit id there means it is stored.
        }

        if (commit.ActivityId is { } id && await FindAsync(commit.ConversationId, id, cancellationToken) is { } handled)
        {
            return handled.CommitId == commit.CommitId
                ? new TurnCommitResult(TurnCommitOutcome.Committed)
                : new TurnCommitResult(TurnCommitOutcome.AlreadyHandled, handled.Answer);
        }

        if (commit.ActivityId is null && await _states.GetAsync(pk, StateRowKey, cancellationToken) is { } row && row.Value.CommitId == commit.CommitId)
        {
            return new TurnCommitResult(TurnCommitOutcome.Committed, Version: row.Version);
        }

        return new TurnCommitResult(TurnCommitOutcome.StateChanged);
    }

    public static string LedgerRowKey(string activityId) => LedgerRowKeyPrefix + TableKeys.Escape(activityId);

    /// <summary>The "state" row: dialog states by key (the conversation, or conversation|user in group chats), recent ids, last commit.</summary>
    public sealed record ConversationRow(Dictionary<string, DialogStateEntry>? Dialogs, List<string>? Recent, string? CommitId);

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
