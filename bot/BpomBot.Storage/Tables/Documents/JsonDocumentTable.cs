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
public sealed class JsonDocumentTable<T>(ITableClient table, JsonSerializerOptions? serializerOptions = null)
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

    public ITableClient Table { get; } = table;

    public async Task<VersionedDocument<T>?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var entity = await Table.GetEntityAsync(partitionKey, rowKey, null, cancellationToken);
        return entity is null ? null : Read(entity);
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
            var etag = expectedVersion is null
                ? await Table.AddEntityAsync(entity, cancellationToken)
                : await Table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            return etag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw Conflict(Table.Name, partitionKey, rowKey, ex.Status);
        }
    }

    /// <summary>Writes regardless of the current version (for derived rows such as indexes).</summary>
    public async Task<string> OverwriteAsync(
        string partitionKey, string rowKey, T document, IReadOnlyDictionary<string, object?>? indexColumns = null, CancellationToken cancellationToken = default)
    {
        var etag = await Table.UpsertEntityAsync(ToEntity(partitionKey, rowKey, document, indexColumns), TableUpdateMode.Replace, cancellationToken);
        return etag.ToString();
    }

    /// <summary>Deletes if the version matches (null: any). A missing row is not an error.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.DeleteEntityAsync(partitionKey, rowKey, expectedVersion is null ? ETag.All : new ETag(expectedVersion), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw Conflict(Table.Name, partitionKey, rowKey, ex.Status);
        }
    }

    /// <summary>Up to <paramref name="max"/> documents matching the filter, in key order.</summary>
    public async Task<IReadOnlyList<VersionedDocument<T>>> QueryAsync(TableFilter? filter, int max = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var rows = await Table.QueryListAsync(filter, max, cancellationToken);
        return rows.Select(Read).ToList();
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

            entity[name] = value;
        }

        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        for (var i = 0; i < Math.Max(chunks, 1); i++)
        {
            entity[i == 0 ? DocumentColumn : DocumentColumn + i] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }

        entity[ChunkCountColumn] = Math.Max(chunks, 1);
        return entity;
    }

    private VersionedDocument<T> Read(TableEntity entity)
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
