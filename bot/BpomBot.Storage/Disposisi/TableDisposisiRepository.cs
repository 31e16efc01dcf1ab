using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Disposisi;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Disposisi;

/// <summary>
/// Disposisi: PK = disposisi id, RK = "" (versioned; every decision is a replace-if-match on the row's ETag).
/// DisposisiPending: PK = addressee object id, RK = disposisi id: a derived pointer to an undecided disposisi.
/// Pointer first: the pointer is upserted before the primary row is written while undecided, and deleted after the
/// decision is stored (best effort). The inbox re-reads each pointed row and lists it only if it exists, is undecided and
/// is addressed to that addressee; a pointer to a decided row is removed by that read, one to a missing or foreign row
/// once it is older than <see cref="DanglingGrace"/> (a create may still be in flight). A crash at any step therefore
/// never hides an undecided disposisi from its inbox and never lists one twice or after its decision. A write that fails
/// with 409/412 although the row holds that very write (an earlier attempt succeeded, <c>OwnWrite</c>) counts as done.
/// </summary>
public sealed class TableDisposisiRepository(TableServiceClient service, TimeProvider? timeProvider = null) : IDisposisiRepository
{
    /// <summary>How long a pointer to a missing or foreign disposisi is kept (a create may still be writing it).</summary>
    public static readonly TimeSpan DanglingGrace = TimeSpan.FromMinutes(10);

    private readonly JsonDocumentTable<Domain.Disposisi.Disposisi> _main = new(service.GetTableClient(DisposisiTables.Disposisi));
    private readonly JsonDocumentTable<PendingRow> _pending = new(service.GetTableClient(DisposisiTables.Pending));
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<Domain.Disposisi.Disposisi?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var doc = await _main.GetAsync(TableKeys.Escape(id), string.Empty, cancellationToken);
        if (doc is null) return null;
        doc.Value.Version = doc.Version;
        return doc.Value;
    }

    public Task<string> CreateAsync(Domain.Disposisi.Disposisi disposisi, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        return WriteAsync(disposisi, null, cancellationToken);
    }

    public Task<string> UpdateAsync(Domain.Disposisi.Disposisi disposisi, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        ArgumentNullException.ThrowIfNull(expectedVersion);
        return WriteAsync(disposisi, expectedVersion, cancellationToken);
    }

    public async Task<IReadOnlyList<Domain.Disposisi.Disposisi>> ListPendingForAsync(string addresseeId, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.Escape(addresseeId);
        var rows = await _pending.QueryAsync(TableFilter.PartitionKeyEquals(partition), cancellationToken: cancellationToken);
        var result = new List<Domain.Disposisi.Disposisi>();
        var stale = new List<Task>();
        var now = _time.GetUtcNow();
        foreach (var row in rows)
        {
            var d = await GetAsync(row.Value.Id, cancellationToken);
            var addressed = d is not null && string.Equals(d.ToId, addresseeId, StringComparison.OrdinalIgnoreCase);
            if (addressed && !d!.IsDecided)
            {
                result.Add(d);
            }
            else if ((addressed && d!.IsDecided) || now - (row.Value.At ?? row.Value.SentAt) > DanglingGrace)
            {
                // A decision is final, so its pointer can go at once; a dangling one only after the grace period.
                stale.Add(_pending.DeleteAsync(partition, row.RowKey, row.Version, cancellationToken));
            }
        }

        try
        {
            await Task.WhenAll(stale);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or StorageUnavailableException)
        {
            // rewritten meanwhile (a create is using it again), or the clean-up failed: the next read tries again
        }

        return [.. result.OrderBy(d => d.SentAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    private async Task<string> WriteAsync(Domain.Disposisi.Disposisi d, string? expectedVersion, CancellationToken cancellationToken)
    {
        if (!d.IsDecided)
        {
            // Idempotent; on an update it also restores a pointer lost by a crash under the old write order.
            await _pending.OverwriteAsync(TableKeys.Escape(d.ToId), TableKeys.Escape(d.Id), new PendingRow(d.Id, d.SentAt, _time.GetUtcNow()), null, cancellationToken);
        }

        var version = await SaveAsync(d, expectedVersion, cancellationToken);
        if (d.IsDecided)
        {
            try
            {
                await _pending.DeleteAsync(TableKeys.Escape(d.ToId), TableKeys.Escape(d.Id), null, cancellationToken);
            }
            catch (StorageUnavailableException)
            {
                // Best effort: the decision is stored; the inbox skips this pointer and removes it on its next read.
            }
        }

        return version;
    }

    private async Task<string> SaveAsync(Domain.Disposisi.Disposisi disposisi, string? expectedVersion, CancellationToken cancellationToken)
    {
        var previous = disposisi.Version;
        disposisi.Version = null; // the version lives in the ETag, not in the document
        var writeId = Kegiatan.OwnWrite.NewId();
        try
        {
            var columns = new Dictionary<string, object?>
            {
                ["ToId"] = disposisi.ToId, ["State"] = disposisi.State.ToString(), ["KegiatanId"] = disposisi.KegiatanId, [Kegiatan.OwnWrite.Column] = writeId,
            };
            var version = await _main.SaveAsync(TableKeys.Escape(disposisi.Id), string.Empty, disposisi, expectedVersion, columns, cancellationToken);
            disposisi.Version = version;
            return version;
        }
        catch (ConcurrencyConflictException)
        {
            // 409/412: maybe our own earlier attempt of this very write (a retry after a timeout): then it is stored.
            if (await Kegiatan.OwnWrite.VersionIfOursAsync(_main.Table, TableKeys.Escape(disposisi.Id), string.Empty, writeId, cancellationToken) is { } stored)
            {
                disposisi.Version = stored;
                return stored;
            }

            disposisi.Version = previous;
            throw;
        }
        catch
        {
            disposisi.Version = previous;
            throw;
        }
    }

    /// <summary>The pending-index row: which disposisi, when it was sent, and when the pointer was written (absent on old rows).</summary>
    public sealed record PendingRow(string Id, DateTimeOffset SentAt, DateTimeOffset? At = null);
}
