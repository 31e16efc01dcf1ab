using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// TurnLedger: PK = conversation id, RK = activity id, one row per handled activity. The claim is an insert (409 when
/// another delivery got there first), the completion a conditional replace. Rows are small; see docs/drills.md for
/// how long they must be kept (longer than the channel redelivers).
/// </summary>
public sealed class TableTurnLedger(ITableServiceClient service) : ITurnLedger
{
    public const string TableName = "TurnLedger";
    private readonly JsonDocumentTable<TurnRecord> _rows = new(service.GetTableClient(TableName));

    public async Task<TurnClaim> TryBeginAsync(string conversationId, string activityId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var (pk, rk) = Keys(conversationId, activityId);
        var started = new TurnRecord(false, now, null, NewOwner());
        try
        {
            return new TurnClaim(TurnClaimStatus.Claimed, await _rows.SaveAsync(pk, rk, started, null, null, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else claimed it (or our own insert was retried after it had succeeded: then the lease decides).
        }

        var existing = await _rows.GetAsync(pk, rk, cancellationToken);
        if (existing is null)
        {
            return new TurnClaim(TurnClaimStatus.InProgress);
        }

        if (existing.Value.Done)
        {
            return new TurnClaim(TurnClaimStatus.Done, existing.Version, existing.Value.Result);
        }

        if (now - existing.Value.StartedAt < lease)
        {
            return new TurnClaim(TurnClaimStatus.InProgress, existing.Version);
        }

        try
        {
            return new TurnClaim(TurnClaimStatus.Claimed, await _rows.SaveAsync(pk, rk, started, existing.Version, null, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            return new TurnClaim(TurnClaimStatus.InProgress);
        }
    }

    public async Task CompleteAsync(string conversationId, string activityId, TurnClaim claim, string? result, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var (pk, rk) = Keys(conversationId, activityId);
        try
        {
            await _rows.SaveAsync(pk, rk, new TurnRecord(true, now, result, NewOwner()), claim.Version, null, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Our lease ran out and another delivery took the turn over; its completion counts.
        }
    }

    public async Task<string?> TryLockConversationAsync(string conversationId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        // The lock is the conversation's row with an empty RK (activity ids are never empty): read, then insert or
        // conditionally replace it (2 round trips; the loser of a race gets a conflict and waits).
        var pk = TableKeys.Escape(conversationId);
        var existing = await _rows.GetAsync(pk, string.Empty, cancellationToken);
        if (existing is not null && !existing.Value.Done && now - existing.Value.StartedAt < lease)
        {
            return null;
        }

        try
        {
            return await _rows.SaveAsync(pk, string.Empty, new TurnRecord(false, now, null, NewOwner()), existing?.Version, null, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    public async Task UnlockConversationAsync(string conversationId, string version, CancellationToken cancellationToken = default)
    {
        try
        {
            // Released = "done"; kept (not deleted) so the next turn's lock is one conditional replace.
            await _rows.SaveAsync(TableKeys.Escape(conversationId), string.Empty, new TurnRecord(true, DateTimeOffset.MinValue, null, NewOwner()), version, null, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Taken over after the lease; nothing of ours to release.
        }
    }

    private static (string Pk, string Rk) Keys(string conversationId, string activityId) =>
        (TableKeys.Escape(conversationId), TableKeys.Escape(activityId));

    /// <summary>
    /// A write's own token: a retried write finds its own row (success), a rival's identical-looking row is still a
    /// conflict (see <see cref="JsonDocumentTable{T}.SaveAsync"/>).
    /// </summary>
    private static string NewOwner() => Guid.NewGuid().ToString("N");

    /// <summary>One ledger row: handled or in progress since <paramref name="StartedAt"/>, the answer to repeat, and the writer's token.</summary>
    public sealed record TurnRecord(bool Done, DateTimeOffset StartedAt, string? Result, string Owner);
}

public static class TurnLedgerStorageRegistration
{
    /// <summary>The TurnLedger table (created at start) and the table-backed <see cref="ITurnLedger"/>.</summary>
    public static IServiceCollection AddBpomTurnLedgerStorage(this IServiceCollection services)
    {
        services.AddSingleton(new StorageTableName(TableTurnLedger.TableName));
        services.TryAddSingleton<ITurnLedger, TableTurnLedger>();
        return services;
    }
}
