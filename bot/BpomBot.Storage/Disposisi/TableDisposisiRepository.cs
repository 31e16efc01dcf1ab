using BpomBot.Domain.Disposisi;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Disposisi;

/// <summary>
/// Disposisi: PK = disposisi id, RK = "" (versioned; every decision is a replace-if-match on the row's ETag).
/// DisposisiPending: PK = addressee object id, RK = disposisi id: a derived index of undecided disposisi, written after
/// a successful create and removed after the decision; the inbox re-reads each row from the main table.
/// </summary>
public sealed class TableDisposisiRepository(TableServiceClient service) : IDisposisiRepository
{
    private readonly JsonDocumentTable<Domain.Disposisi.Disposisi> _main = new(service.GetTableClient(DisposisiTables.Disposisi));
    private readonly JsonDocumentTable<PendingRow> _pending = new(service.GetTableClient(DisposisiTables.Pending));

    public async Task<Domain.Disposisi.Disposisi?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var doc = await _main.GetAsync(TableKeys.Escape(id), string.Empty, cancellationToken);
        if (doc is null) return null;
        doc.Value.Version = doc.Version;
        return doc.Value;
    }

    public async Task<string> CreateAsync(Domain.Disposisi.Disposisi disposisi, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        var version = await SaveAsync(disposisi, null, cancellationToken);
        await SyncPendingAsync(disposisi, cancellationToken);
        return version;
    }

    public async Task<string> UpdateAsync(Domain.Disposisi.Disposisi disposisi, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        ArgumentNullException.ThrowIfNull(expectedVersion);
        var version = await SaveAsync(disposisi, expectedVersion, cancellationToken);
        await SyncPendingAsync(disposisi, cancellationToken);
        return version;
    }

    public async Task<IReadOnlyList<Domain.Disposisi.Disposisi>> ListPendingForAsync(string addresseeId, CancellationToken cancellationToken = default)
    {
        var rows = await _pending.QueryAsync(TableFilter.PartitionKeyEquals(TableKeys.Escape(addresseeId)), cancellationToken: cancellationToken);
        var result = new List<Domain.Disposisi.Disposisi>();
        foreach (var row in rows)
        {
            if (await GetAsync(row.Value.Id, cancellationToken) is { IsDecided: false } d
                && string.Equals(d.ToId, addresseeId, StringComparison.OrdinalIgnoreCase))
            {
                result.Add(d);
            }
        }

        return [.. result.OrderBy(d => d.SentAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    private async Task<string> SaveAsync(Domain.Disposisi.Disposisi disposisi, string? expectedVersion, CancellationToken cancellationToken)
    {
        var previous = disposisi.Version;
        disposisi.Version = null; // the version lives in the ETag, not in the document
        try
        {
            var columns = new Dictionary<string, object?> { ["ToId"] = disposisi.ToId, ["State"] = disposisi.State.ToString(), ["KegiatanId"] = disposisi.KegiatanId };
            var version = await _main.SaveAsync(TableKeys.Escape(disposisi.Id), string.Empty, disposisi, expectedVersion, columns, cancellationToken);
            disposisi.Version = version;
            return version;
        }
        catch
        {
            disposisi.Version = previous;
            throw;
        }
    }

    private Task SyncPendingAsync(Domain.Disposisi.Disposisi d, CancellationToken cancellationToken) =>
        d.IsDecided
            ? _pending.DeleteAsync(TableKeys.Escape(d.ToId), TableKeys.Escape(d.Id), null, cancellationToken)
            : _pending.OverwriteAsync(TableKeys.Escape(d.ToId), TableKeys.Escape(d.Id), new PendingRow(d.Id, d.SentAt), null, cancellationToken);

    /// <summary>The pending-index row: which disposisi, and when it was sent.</summary>
    public sealed record PendingRow(string Id, DateTimeOffset SentAt);
}
