using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Storage.Tables.InMemory;

/// <summary>
/// A process-local table service with Table Storage semantics (ETags, 404/409/412, ordering, paging,
/// atomic transactions, limits). For fast tests and local runs without Azurite; it loses everything on restart.
/// </summary>
public sealed class InMemoryTableServiceClient(TimeProvider? timeProvider = null) : ITableServiceClient
{
    private readonly ConcurrentDictionary<string, InMemoryTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long _etagCounter;

    public ITableClient GetTableClient(string tableName)
    {
        TableLimits.ValidateTableName(tableName);
        return new InMemoryTableClient(this, tableName);
    }

    private InMemoryTable Table(string name) =>
        _tables.TryGetValue(name, out var table) ? table : throw new RequestFailedException(404, $"Table '{name}' does not exist.", "TableNotFound", null);

    private (ETag ETag, DateTimeOffset Timestamp) NextVersion()
    {
        var now = _time.GetUtcNow();
        var n = Interlocked.Increment(ref _etagCounter);
        return (new ETag($"W/\"datetime'{TableValuesFormat(now)}'-{n}\""), now);
    }

    private static string TableValuesFormat(DateTimeOffset value) =>
        Uri.EscapeDataString(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    private sealed class InMemoryTable
    {
        public Lock Gate { get; } = new();

        public SortedDictionary<(string Pk, string Rk), TableEntity> Rows { get; } = new(KeyComparer.Instance);
    }

    private sealed class KeyComparer : IComparer<(string Pk, string Rk)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Pk, string Rk) x, (string Pk, string Rk) y)
        {
            var c = string.CompareOrdinal(x.Pk, y.Pk);
            return c != 0 ? c : string.CompareOrdinal(x.Rk, y.Rk);
        }
    }

    private sealed class InMemoryTableClient(InMemoryTableServiceClient service, string name) : ITableClient
    {
        public string Name { get; } = name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            service._tables.GetOrAdd(Name, _ => new InMemoryTable());
            return Task.CompletedTask;
        }

        public Task DeleteAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            service._tables.TryRemove(Name, out _);
            return Task.CompletedTask;
        }

        public Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
            TableLimits.ValidateKey(rowKey, nameof(rowKey));
            var table = service.Table(Name);
            lock (table.Gate)
            {
                return Task.FromResult(table.Rows.TryGetValue((partitionKey, rowKey), out var row) ? Project(row, select) : null);
            }
        }

        public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
            Run(entity, table => Apply(table, new TableTransactionAction(TableTransactionActionType.Add, entity)), cancellationToken);

        public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
            Run(entity, table => Apply(table, new TableTransactionAction(mode == TableUpdateMode.Merge ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.UpsertReplace, entity)), cancellationToken);

        public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
            Run(entity, table => Apply(table, new TableTransactionAction(mode == TableUpdateMode.Merge ? TableTransactionActionType.UpdateMerge : TableTransactionActionType.UpdateReplace, entity, ifMatch)), cancellationToken);

        public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
        {
            TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
            TableLimits.ValidateKey(rowKey, nameof(rowKey));
            var entity = new TableEntity(partitionKey, rowKey);
            return Run(entity, table =>
            {
                // A missing entity is not an error for delete (as the REST client treats 404).
                if (table.Rows.ContainsKey((partitionKey, rowKey)))
                {
                    Apply(table, new TableTransactionAction(TableTransactionActionType.Delete, entity, ifMatch));
                }

                return default;
            }, cancellationToken, validate: false);
        }

        public async IAsyncEnumerable<TablePage> QueryAsync(
            TableFilter? filter = null,
            IEnumerable<string>? select = null,
            int? maxPerPage = null,
            string? continuationToken = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (maxPerPage is < 1 or > 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "maxPerPage must be 1-1000.");
            }

            var selected = select?.ToArray();
            var size = maxPerPage ?? 1000;
            var next = Decode(continuationToken);
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                var table = service.Table(Name);
                List<TableEntity> values;
                lock (table.Gate)
                {
                    var candidates = table.Rows
                        .Where(r => next is null || KeyComparer.Instance.Compare(r.Key, next.Value) >= 0)
                        .Where(r => filter is null || filter.Evaluate(r.Value))
                        .Take(size + 1)
                        .ToList();
                    next = candidates.Count > size ? candidates[size].Key : null;
                    values = candidates.Take(size).Select(r => Project(r.Value, selected)).ToList();
                }

                yield return new TablePage(values, next is { } n ? Encode(n) : null);
            }
            while (next is not null);
        }

        public Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(actions);
            var list = actions.ToList();
            TableClientExtensions.ValidateTransaction(list);
            var table = service.Table(Name);
            lock (table.Gate)
            {
                var snapshot = new Dictionary<(string, string), TableEntity?>();
                foreach (var action in list)
                {
                    var key = (action.Entity.PartitionKey, action.Entity.RowKey);
                    snapshot[key] = table.Rows.TryGetValue(key, out var existing) ? existing : null;
                }

                var etags = new List<ETag>(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    try
                    {
                        etags.Add(Apply(table, list[i]));
                    }
                    catch (RequestFailedException ex)
                    {
                        foreach (var (key, before) in snapshot)
                        {
                            if (before is null)
                            {
                                table.Rows.Remove(key);
                            }
                            else
                            {
                                table.Rows[key] = before;
                            }
                        }

                        throw new TableTransactionFailedException(ex.Status, ex.ErrorCode, $"Transaction failed at operation {i}; nothing was applied. {ex.Message}", i);
                    }
                }

                return Task.FromResult<IReadOnlyList<ETag>>(etags);
            }
        }

        private Task<ETag> Run(TableEntity entity, Func<InMemoryTable, ETag> operation, CancellationToken cancellationToken, bool validate = true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (validate)
            {
                TableLimits.ValidateEntity(entity);
            }

            var table = service.Table(Name);
            lock (table.Gate)
            {
                return Task.FromResult(operation(table));
            }
        }

        private ETag Apply(InMemoryTable table, TableTransactionAction action)
        {
            var key = (action.Entity.PartitionKey, action.Entity.RowKey);
            table.Rows.TryGetValue(key, out var existing);
            var type = action.ActionType;
            if (type == TableTransactionActionType.Add && existing is not null)
            {
                throw new RequestFailedException(409, "The specified entity already exists.", "EntityAlreadyExists", null);
            }

            if (type is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace or TableTransactionActionType.Delete)
            {
                if (existing is null)
                {
                    throw new RequestFailedException(404, "The specified resource does not exist.", "ResourceNotFound", null);
                }

                if (action.IfMatch != default && action.IfMatch != ETag.All && action.IfMatch != existing.ETag)
                {
                    throw new RequestFailedException(412, "The update condition specified in the request was not satisfied.", "UpdateConditionNotSatisfied", null);
                }
            }

            if (type == TableTransactionActionType.Delete)
            {
                table.Rows.Remove(key);
                return default;
            }

            var merge = type is TableTransactionActionType.UpsertMerge or TableTransactionActionType.UpdateMerge;
            var stored = merge && existing is not null ? existing.Clone() : new TableEntity(key.PartitionKey, key.RowKey);
            foreach (var (name, value) in action.Entity)
            {
                stored[name] = value is byte[] bytes ? (byte[])bytes.Clone() : value;
            }

            (stored.ETag, var timestamp) = service.NextVersion();
            stored.Timestamp = timestamp;
            TableLimits.ValidateEntity(stored, checkKeys: false);
            table.Rows[key] = stored;
            return stored.ETag;
        }

        private static TableEntity Project(TableEntity row, IEnumerable<string>? select)
        {
            var copy = row.Clone();
            if (select is not null)
            {
                var keep = new HashSet<string>(select, StringComparer.Ordinal);
                if (keep.Count > 0)
                {
                    foreach (var name in copy.Keys.Where(k => !keep.Contains(k)).ToList())
                    {
                        copy.Remove(name);
                    }
                }
            }

            return copy;
        }

        private static string Encode((string Pk, string Rk) key) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Pk)) + " " + Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Rk));

        private static (string, string)? Decode(string? token)
        {
            if (token is null)
            {
                return null;
            }

            var parts = token.Split(' ');
            return (Encoding.UTF8.GetString(Convert.FromBase64String(parts[0])), Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])));
        }
    }
}
