using System.Text.Json;
using Azure;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Kegiatan;

/// <summary>
/// The primary rows of the Kegiatan table: PK = RK = the escaped kegiatan id. Rows stored before this layout have
/// RK = "" ("legacy"). Azure does not care which, but Azurite narrows a point read and an insert's existence check by
/// the RowKey first, so with every row at RK "" each of them walked the whole table. Until the start-up migration has
/// finished in this process (<see cref="LegacyGone"/>):
/// <list type="bullet">
/// <item>a read that misses the current key reads the legacy one (one more request, on a miss only);</item>
/// <item>an insert first checks that no legacy row holds the id (so a kegiatan never gets a second row);</item>
/// <item>a replace that finds no current row (404) moves the legacy row it was read from: one same-partition
/// transaction deletes the legacy row If-Match the version read and inserts the current key, so there is never a
/// second copy nor none, and a competing save or migration loses by ETag.</item>
/// </list>
/// <see cref="MigrateAsync"/> moves every legacy row the same way. Docs: docs/storage.md "Key layout".
/// </summary>
internal sealed class KegiatanRows(TableClient table, JsonSerializerOptions json)
{
    public const string LegacyRowKey = "";

    private const int MoveParallelism = 8;
    private const int MoveAttempts = 3;

    // Properties the service sets or that are the keys: everything else of a legacy row is moved as it is.
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    private volatile bool _legacyGone;

    public JsonDocumentTable<Domain.Workflow.Kegiatan> Docs { get; } = new(table, json);

    /// <summary>True once the migration's marker exists: no legacy row is left, so a miss costs one request and an insert no check.</summary>
    public bool LegacyGone
    {
        get => _legacyGone;
        set => _legacyGone = value;
    }

    /// <summary>Both keys of a kegiatan's row.</summary>
    public static string Key(string id) => TableKeys.Escape(id);

    public async Task<VersionedDocument<Domain.Workflow.Kegiatan>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var key = Key(id);
        return await Docs.GetAsync(key, key, cancellationToken)
            ?? (LegacyGone ? null : await Docs.GetAsync(key, LegacyRowKey, cancellationToken));
    }

    /// <summary>Inserts (<paramref name="expectedVersion"/> null) or replaces if the version matches; a legacy row is moved by its replace.</summary>
    /// <exception cref="ConcurrencyConflictException">The row exists (insert), or changed or vanished (replace).</exception>
    public async Task<string> SaveAsync(
        string id, Domain.Workflow.Kegiatan document, string? expectedVersion, IReadOnlyDictionary<string, object?> columns, CancellationToken cancellationToken)
    {
        var key = Key(id);
        if (expectedVersion is null)
        {
            if (!LegacyGone && await ExistsAsync(key, LegacyRowKey, cancellationToken))
            {
                throw JsonDocumentTable<Domain.Workflow.Kegiatan>.Conflict(table.Name, key, LegacyRowKey, 409);
            }

            return await Docs.SaveAsync(key, key, document, null, columns, cancellationToken);
        }

        var entity = Docs.ToEntity(key, key, document, columns);
        try
        {
            var response = await TableStorage.CallAsync(
                "UpdateEntity", () => table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken), cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && !LegacyGone)
        {
            // No current row: the document was read from a legacy row (or its row vanished, then the delete fails too).
            return await MoveAsync(key, expectedVersion, entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableStorage.IsConflict(ex))
        {
            throw JsonDocumentTable<Domain.Workflow.Kegiatan>.Conflict(table.Name, key, key, ex.Status);
        }
    }

    /// <summary>
    /// Moves every legacy row to its current key, page by page (1,000 rows, 8 moves at a time), off the chat path.
    /// Idempotent: a row moved meanwhile (by a save or another instance's migration) is skipped; one changed meanwhile is
    /// read again and moved. A legacy row whose id also has a current row (only an instance of the previous version can
    /// write one, during a rolling deployment) is left in place for an operator: reads use the current row.
    /// Returns the number of rows moved, and false for <c>Complete</c> when a row kept changing under the move (it is
    /// still read and moved by saves; the next start tries again).
    /// </summary>
    public async Task<(int Moved, bool Complete)> MigrateAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        var busy = 0;
        var filter = TableFilter.Property("RowKey").Eq(LegacyRowKey).ToString();
        await TableStorage.CallAsync("QueryEntities", async () =>
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, 1000, null, cancellationToken).AsPages().WithCancellation(cancellationToken))
            {
                await Parallel.ForEachAsync(
                    page.Values, new ParallelOptions { MaxDegreeOfParallelism = MoveParallelism, CancellationToken = cancellationToken }, async (row, ct) =>
                    {
                        switch (await MoveLegacyRowAsync(row, ct))
                        {
                            case true:
                                Interlocked.Increment(ref moved);
                                break;
                            case null:
                                Interlocked.Increment(ref busy);
                                break;
                        }
                    });
            }

            return true;
        }, cancellationToken);
        return (moved, busy == 0);
    }

    // True: moved; false: nothing to move (moved meanwhile, or a current row exists too); null: it kept changing.
    private async Task<bool?> MoveLegacyRowAsync(TableEntity legacy, CancellationToken cancellationToken)
    {
        var key = legacy.PartitionKey;
        for (var attempt = 0; attempt < MoveAttempts; attempt++)
        {
            var current = new TableEntity(key, key);
            foreach (var (name, value) in legacy)
            {
                if (!SystemProperties.Contains(name))
                {
                    current[name] = value;
                }
            }

            try
            {
                await MoveAsync(key, legacy.ETag.ToString(), current, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                var again = await TableStorage.CallAsync(
                    "GetEntity", () => table.GetEntityIfExistsAsync<TableEntity>(key, LegacyRowKey, cancellationToken: cancellationToken), cancellationToken);
                if (!again.HasValue || await ExistsAsync(key, key, cancellationToken))
                {
                    return false; // moved by a save or another migration, or a current row exists too (left as it is)
                }

                legacy = again.Value!; // changed meanwhile by a save of the previous version: move what it holds now
            }
        }

        return null;
    }

    // One transaction in the kegiatan's partition: the legacy row goes (If-Match) and the current row comes, or neither.
    private async Task<string> MoveAsync(string key, string legacyVersion, TableEntity current, CancellationToken cancellationToken)
    {
        var etag = new ETag(legacyVersion);
        var versions = await Docs.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key, LegacyRowKey) { ETag = etag }, etag),
                new TableTransactionAction(TableTransactionActionType.Add, current),
            ],
            cancellationToken);
        return versions[^1];
    }

    private async Task<bool> ExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        (await TableStorage.CallAsync(
            "GetEntity",
            () => table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, ["PartitionKey"], cancellationToken),
            cancellationToken)).HasValue;
}
