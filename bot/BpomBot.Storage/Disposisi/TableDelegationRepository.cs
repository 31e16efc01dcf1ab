using BpomBot.Domain.Roster;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Disposisi;

/// <summary>
/// Delegations: PK = leader object id, RK = delegation id (versioned). DelegationsByDelegate: PK = delegate object id,
/// RK = delegation id, a derived copy overwritten after each successful save.
/// </summary>
public sealed class TableDelegationRepository(TableServiceClient service) : IDelegationRepository
{
    private readonly JsonDocumentTable<Delegation> _byLeader = new(service.GetTableClient(DisposisiTables.Delegations));
    private readonly JsonDocumentTable<Delegation> _byDelegate = new(service.GetTableClient(DisposisiTables.DelegationsByDelegate));

    public async Task<IReadOnlyList<Delegation>> ListByLeaderAsync(string leaderId, CancellationToken cancellationToken = default) =>
        [.. (await _byLeader.QueryAsync(TableFilter.PartitionKeyEquals(TableKeys.Escape(leaderId)), cancellationToken: cancellationToken))
            .Select(d => d.Value with { Version = d.Version }).OrderBy(d => d.From)];

    public async Task<IReadOnlyList<Delegation>> ListByDelegateAsync(string delegateId, CancellationToken cancellationToken = default) =>
        [.. (await _byDelegate.QueryAsync(TableFilter.PartitionKeyEquals(TableKeys.Escape(delegateId)), cancellationToken: cancellationToken))
            .Select(d => d.Value).OrderBy(d => d.From)];

    public async Task<Delegation> SaveAsync(Delegation delegation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        var stored = delegation with { Version = null };
        var version = await _byLeader.SaveAsync(TableKeys.Escape(delegation.LeaderId), TableKeys.Escape(delegation.Id), stored, delegation.Version, null, cancellationToken);
        await _byDelegate.OverwriteAsync(TableKeys.Escape(delegation.DelegateId), TableKeys.Escape(delegation.Id), stored, null, cancellationToken);
        return delegation with { Version = version };
    }
}
