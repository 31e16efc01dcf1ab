using System.Collections;
using Azure;

namespace BpomBot.Storage.Tables.Client;

/// <summary>
/// A schemaless table row: keys, ETag, timestamp and typed properties. Supported property types are
/// string, int, long, double, bool, DateTimeOffset (DateTime is converted to UTC), Guid and byte[].
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; }

    public string RowKey { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public int Count => _properties.Count;

    public IEnumerable<string> Keys => _properties.Keys;

    /// <summary>Gets or sets a property; null removes it (Table Storage does not store nulls).</summary>
    public object? this[string name]
    {
        get => _properties.TryGetValue(name, out var value) ? value : null;
        set
        {
            if (value is null)
            {
                _properties.Remove(name);
            }
            else
            {
                _properties[name] = Normalize(name, value);
            }
        }
    }

    public void Add(string name, object? value) => this[name] = value;

    public bool Remove(string name) => _properties.Remove(name);

    public string? GetString(string name) => Get<string>(name);

    public int? GetInt32(string name) => this[name] is int i ? i : null;

    public long? GetInt64(string name) => this[name] switch { long l => l, int i => i, _ => null };

    public double? GetDouble(string name) => this[name] switch { double d => d, int i => i, _ => null };

    public bool? GetBoolean(string name) => this[name] is bool b ? b : null;

    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] is DateTimeOffset d ? d : null;

    public Guid? GetGuid(string name) => this[name] is Guid g ? g : null;

    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    /// <summary>A detached copy (keys, ETag, timestamp and properties; byte arrays are copied).</summary>
    public TableEntity Clone()
    {
        var copy = new TableEntity(PartitionKey, RowKey) { ETag = ETag, Timestamp = Timestamp };
        foreach (var (name, value) in _properties)
        {
            copy._properties[name] = value is byte[] bytes ? (byte[])bytes.Clone() : value;
        }

        return copy;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        _properties.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string name)
        where T : class => this[name] as T;

    private static object Normalize(string name, object value) => value switch
    {
        string or int or long or double or bool or Guid or byte[] => value,
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        float f => (double)f,
        short s => (int)s,
        byte b => (int)b,
        BinaryData bd => bd.ToArray(),
        Enum e => e.ToString(),
        _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Table Storage cannot store.", nameof(value)),
    };
}
