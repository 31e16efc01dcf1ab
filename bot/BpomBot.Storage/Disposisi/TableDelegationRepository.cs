using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Roster;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Disposisi;

/// <summary>
/// Delegations: PK = leader object id, RK = delegation id (versioned). DelegationsByDelegate: PK = delegate object id,
/// RK = delegation id, a derived copy written copy first: a save upserts the new copy unconfirmed (and marks the old
/// delegate's copy unconfirmed when the delegate changes) before the primary row, then confirms it and deletes the old
/// one (best effort). A list trusts confirmed copies; an unconfirmed one is checked against the primary row: if it still
/// names that delegate the primary's value is listed and the copy confirmed, otherwise it is skipped and, after
/// <see cref="DanglingGrace"/>, deleted. So a Plt/Plh never acts on a delegation (or a revocation) that was not stored.
/// </summary>
public sealed class TableDelegationRepository(TableServiceClient service, TimeProvider? timeProvider = null) : IDelegationRepository
{
    /// <summary>How long an unconfirmed copy that does not match its delegation is kept (a save may still be in flight).</summary>
    public static readonly TimeSpan DanglingGrace = TimeSpan.FromMinutes(10);

    private const string ConfirmedColumn = "Confirmed";
    private const string AtColumn = "At";
    private readonly JsonDocumentTable<Delegation> _byLeader = new(service.GetTableClient(DisposisiTables.Delegations));
    private readonly JsonDocumentTable<Delegation> _byDelegate = new(service.GetTableClient(DisposisiTables.DelegationsByDelegate));
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<IReadOnlyList<Delegation>> ListByLeaderAsync(string leaderId, CancellationToken cancellationToken = default) =>
        [.. (await _byLeader.QueryAsync(TableFilter.PartitionKeyEquals(TableKeys.Escape(leaderId)), cancellationToken: cancellationToken))
            .Select(d => d.Value with { Version = d.Version }).OrderBy(d => d.From)];

    public async Task<IReadOnlyList<Delegation>> ListByDelegateAsync(string delegateId, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.Escape(delegateId);
        var rows = await _byDelegate.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(partition), cancellationToken: cancellationToken);
        var result = new Delegation?[rows.Count];
        var now = _time.GetUtcNow();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var row = rows[i];
                var copy = _byDelegate.Read(row).Value;
                if (row.GetBoolean(ConfirmedColumn) == true)
                {
                    result[i] = copy;
                    return;
                }

                var primary = await _byLeader.GetAsync(TableKeys.Escape(copy.LeaderId), row.RowKey, ct);
                try
                {
                    if (primary is not null && primary.Value.DelegateId == delegateId)
                    {
                        result[i] = primary.Value with { Version = null };
                        await _byDelegate.SaveAsync(partition, row.RowKey, result[i]!, row.ETag.ToString(), Columns(true), ct);
                    }
                    else if (now - (row.GetDateTimeOffset(AtColumn) ?? DateTimeOffset.MinValue) > DanglingGrace)
                    {
                        await _byDelegate.DeleteAsync(partition, row.RowKey, row.ETag.ToString(), ct);
                    }
                }
                catch (Exception ex) when (ex is ConcurrencyConflictException or StorageUnavailableException)
                {
                    // rewritten meanwhile by a save, or the repair write failed: the next read checks it again
                }
            });

        return [.. result.OfType<Delegation>().OrderBy(d => d.From)];
    }

    public async Task<Delegation> SaveAsync(Delegation delegation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        var (leader, id) = (TableKeys.Escape(delegation.LeaderId), TableKeys.Escape(delegation.Id));
        var previous = delegation.Version is null ? null : await _byLeader.GetAsync(leader, id, cancellationToken);
        var moved = previous is not null && previous.Value.DelegateId != delegation.DelegateId ? previous.Value with { Version = null } : null;
        var stored = delegation with { Version = null };
        var copies = new List<Task> { _byDelegate.OverwriteAsync(TableKeys.Escape(delegation.DelegateId), id, stored, Columns(false), cancellationToken) };
        if (moved is not null)
        {
            copies.Add(_byDelegate.OverwriteAsync(TableKeys.Escape(moved.DelegateId), id, moved, Columns(false), cancellationToken));
        }

        await Task.WhenAll(copies);
        var version = await _byLeader.SaveAsync(leader, id, stored, delegation.Version, null, cancellationToken);
        try
        {
            var after = new List<Task> { _byDelegate.OverwriteAsync(TableKeys.Escape(delegation.DelegateId), id, stored, Columns(true), cancellationToken) };
            if (moved is not null)
            {
                after.Add(_byDelegate.DeleteAsync(TableKeys.Escape(moved.DelegateId), id, null, cancellationToken));
            }

            await Task.WhenAll(after);
        }
        catch (StorageUnavailableException)
        {
            // Best effort: the delegation is stored; the next list checks the unconfirmed copies against it.
        }

        return delegation with { Version = version };
    }

    private Dictionary<string, object?> Columns(bool confirmed) => new() { [ConfirmedColumn] = confirmed, [AtColumn] = _time.GetUtcNow() };
}
