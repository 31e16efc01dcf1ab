using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Storage.Tables.Documents;

/// <summary>A document read from a <see cref="JsonDocumentTable{T}"/>, with its version (the row's ETag).</summary>
public sealed record VersionedDocument<T>(string PartitionKey, string RowKey, T Value, string Version);

/// <summary>
/// Stores an aggregate as System.Text.Json in string properties (Doc, Doc1, Doc2, … of at most 32 K characters each,
/// the 64 KiB per-property limit) next to a few typed index columns that queries can filter on. Every write is
/// conditional: insert when no version is given, replace-if-match otherwise. Lost races become ConcurrencyConflictException.
/// </summary>
public sealed class JsonDocumentTable<T>(TableClient table, JsonSerializerOptions? serializerOptions = null)
{
    public const string DocumentColumn = "Doc";
    public const string ChunkCountColumn = "DocChunks";
    public const int ChunkChars = TableLimits.MaxStringBytes / 2;

    public static readonly JsonSerializerOptions DefaultSerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly JsonSerializerOptions _json = serializerOptions ?? DefaultSerializerOptions;

    public TableClient Table { get; } = table;

    public async Task<VersionedDocument<T>?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await TableStorage.CallAsync(
            "GetEntity", () => Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken), cancellationToken);
        return response.HasValue ? Read(response.Value!) : null;
    }

    /// <summary>Inserts (<paramref name="expectedVersion"/> null) or replaces if the version still matches. Returns the new version.</summary>
    /// <exception cref="ConcurrencyConflictException">The row exists (insert) or changed or vanished (update).</exception>
    public async Task<string> SaveAsync(
        string partitionKey,
        string rowKey,
        T document,
        string? expectedVersion,
        IReadOnlyDictionary<string, object?>? indexColumns = null,
        CancellationToken cancellationToken = default)
    {
        var entity = ToEntity(partitionKey, rowKey, document, indexColumns);
        try
        {
            var response = expectedVersion is null
                ? await TableStorage.CallAsync("AddEntity", () => Table.AddEntityAsync(entity, cancellationToken), cancellationToken)
                : await TableStorage.CallAsync("UpdateEntity", () => Table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken), cancellationToken);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (TableStorage.IsConflict(ex))
        {
            throw Conflict(Table.Name, partitionKey, rowKey, ex.Status);
        }
    }

    /// <summary>Writes regardless of the current version (for derived rows such as indexes).</summary>
    public async Task<string> OverwriteAsync(
        string partitionKey, string rowKey, T document, IReadOnlyDictionary<string, object?>? indexColumns = null, CancellationToken cancellationToken = default)
    {
        var entity = ToEntity(partitionKey, rowKey, document, indexColumns);
        var response = await TableStorage.CallAsync("UpsertEntity", () => Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        return response.Headers.ETag?.ToString() ?? string.Empty;
    }

    /// <summary>Deletes if the version matches (null: any). A missing row is not an error.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        try
        {
            await TableStorage.CallAsync(
                "DeleteEntity",
                () => Table.DeleteEntityAsync(partitionKey, rowKey, expectedVersion is null ? ETag.All : new ETag(expectedVersion), cancellationToken),
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // already gone
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw Conflict(Table.Name, partitionKey, rowKey, ex.Status);
        }
    }

    /// <summary>Up to <paramref name="max"/> documents matching the filter, in key order, reading only the pages needed.</summary>
    public async Task<IReadOnlyList<VersionedDocument<T>>> QueryAsync(TableFilter? filter, int max = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var rows = await QueryEntitiesAsync(filter, max, null, cancellationToken);
        return rows.Select(Read).ToList();
    }

    /// <summary>Up to <paramref name="max"/> raw rows matching the filter (optionally only some columns), in key order.</summary>
    public Task<List<TableEntity>> QueryEntitiesAsync(TableFilter? filter, int max = int.MaxValue, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        TableStorage.CallAsync("QueryEntities", async () =>
        {
            var result = new List<TableEntity>();
            await foreach (var page in Table.QueryAsync<TableEntity>(filter?.ToString(), Math.Min(max, 1000), select, cancellationToken).AsPages().WithCancellation(cancellationToken))
            {
                result.AddRange(page.Values.Take(max - result.Count));
                if (result.Count >= max)
                {
                    break;
                }
            }

            return result;
        }, cancellationToken);

    /// <summary>Runs up to 100 operations on one partition as one transaction (all or nothing).</summary>
    /// <exception cref="ConcurrencyConflictException">An operation's precondition failed (row exists, changed or vanished); nothing was applied.</exception>
    public async Task<IReadOnlyList<string>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            TableLimits.ValidateEntity(action.Entity);
        }

        try
        {
            var response = await TableStorage.CallAsync("SubmitTransaction", () => Table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
            return [.. response.Value.Select(r => r.Headers.ETag?.ToString() ?? string.Empty)];
        }
        catch (TableTransactionFailedException ex) when (TableStorage.IsConflict(ex))
        {
            var failed = ex.FailedTransactionActionIndex is int i && i < actions.Count ? actions[i].Entity : actions[0].Entity;
            throw Conflict(Table.Name, failed.PartitionKey, failed.RowKey, ex.Status);
        }
    }

    public TableEntity ToEntity(string partitionKey, string rowKey, T document, IReadOnlyDictionary<string, object?>? indexColumns = null)
    {
        var json = JsonSerializer.Serialize(document, _json);
        var entity = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in indexColumns ?? new Dictionary<string, object?>())
        {
            if (name.StartsWith(DocumentColumn, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Index column '{name}' collides with the document columns.", nameof(indexColumns));
            }

            if (value is not null)
            {
                entity[name] = value is DateTime or DateTimeOffset ? Utc(value) : value;
            }
        }

        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        for (var i = 0; i < Math.Max(chunks, 1); i++)
        {
            entity[i == 0 ? DocumentColumn : DocumentColumn + i] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }

        entity[ChunkCountColumn] = Math.Max(chunks, 1);
        TableLimits.ValidateEntity(entity);
        return entity;
    }

    private static object Utc(object value) => value switch
    {
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        _ => value,
    };

    public VersionedDocument<T> Read(TableEntity entity)
    {
        var chunks = entity.GetInt32(ChunkCountColumn) ?? 1;
        var json = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            json.Append(entity.GetString(i == 0 ? DocumentColumn : DocumentColumn + i)
                ?? throw new InvalidOperationException($"Row ({entity.PartitionKey}, {entity.RowKey}) in {Table.Name} is missing document chunk {i}."));
        }

        var value = JsonSerializer.Deserialize<T>(json.ToString(), _json)
            ?? throw new InvalidOperationException($"Row ({entity.PartitionKey}, {entity.RowKey}) in {Table.Name} holds an empty document.");
        return new VersionedDocument<T>(entity.PartitionKey, entity.RowKey, value, entity.ETag.ToString());
    }

    internal static ConcurrencyConflictException Conflict(string table, string partitionKey, string rowKey, int status) =>
        new($"{table} ({partitionKey}, {rowKey}) was changed or created by someone else (HTTP {status}); reload and try again.");
}
