using Azure;

namespace BpomBot.Storage.Tables.Client;

/// <summary>How an upsert or update treats properties not in the new entity.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep properties not sent.</summary>
    Merge,

    /// <summary>Replace the whole entity.</summary>
    Replace,
}

/// <summary>One page of query results; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Values, string? ContinuationToken);

/// <summary>Operation kinds allowed in an entity group transaction.</summary>
public enum TableTransactionActionType
{
    Add,
    UpsertMerge,
    UpsertReplace,
    UpdateMerge,
    UpdateReplace,
    Delete,
}

/// <summary>One operation in a transaction. <see cref="IfMatch"/> applies to updates and deletes (default: unconditional).</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag IfMatch = default);

/// <summary>A transaction failed as a whole; <see cref="FailedIndex"/> is the operation the service rejected, when it says.</summary>
public sealed class TableTransactionFailedException(int status, string? errorCode, string message, int? failedIndex)
    : RequestFailedException(status, message, errorCode, null)
{
    public int? FailedIndex { get; } = failedIndex;
}

/// <summary>
/// Operations on one table, shaped like Azure.Data.Tables' TableClient so swapping it in stays local.
/// Failures surface as <see cref="RequestFailedException"/> with the HTTP status (404, 409, 412, …);
/// an unreachable or throttling service, after retries, as <c>StorageUnavailableException</c>.
/// </summary>
public interface ITableClient
{
    string Name { get; }

    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    Task DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>The entity, or null when it does not exist.</summary>
    Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default);

    /// <summary>Inserts; 409 when the entity exists. Returns the new ETag.</summary>
    Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default);

    Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>Updates an existing entity if its ETag matches <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any); 412 otherwise, 404 when missing.</summary>
    Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>Deletes if the ETag matches (default: any). A missing entity is not an error.</summary>
    Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default);

    /// <summary>Pages of entities matching <paramref name="filter"/> in (PartitionKey, RowKey) order.</summary>
    IAsyncEnumerable<TablePage> QueryAsync(
        TableFilter? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        string? continuationToken = null,
        CancellationToken cancellationToken = default);

    /// <summary>Runs up to 100 operations on one partition atomically; returns each operation's new ETag (default for deletes).</summary>
    Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default);
}

/// <summary>The account-level entry point.</summary>
public interface ITableServiceClient
{
    ITableClient GetTableClient(string tableName);
}

public static class TableClientExtensions
{
    /// <summary>All entities across pages.</summary>
    public static async IAsyncEnumerable<TableEntity> QueryAllAsync(
        this ITableClient table,
        TableFilter? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await foreach (var page in table.QueryAsync(filter, select, maxPerPage, null, cancellationToken))
        {
            foreach (var entity in page.Values)
            {
                yield return entity;
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> entities, reading only as many pages as needed.</summary>
    public static async Task<List<TableEntity>> QueryListAsync(
        this ITableClient table, TableFilter? filter, int max = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var result = new List<TableEntity>();
        await foreach (var page in table.QueryAsync(filter, null, Math.Min(max, 1000), null, cancellationToken))
        {
            result.AddRange(page.Values.Take(max - result.Count));
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    internal static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one operation.", nameof(actions));
        }

        if (actions.Count > TableLimits.MaxBatchOperations)
        {
            throw new ArgumentException($"A transaction has {actions.Count} operations; Table Storage allows {TableLimits.MaxBatchOperations}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A transaction must stay in one partition: PartitionKey '{action.Entity.PartitionKey}' differs from '{partition}'.", nameof(actions));
            }

            if (!seen.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A transaction may touch RowKey '{action.Entity.RowKey}' only once.", nameof(actions));
            }

            TableLimits.ValidateEntity(action.Entity, checkKeys: true);
        }
    }
}
