using System.Text;

namespace BpomBot.Storage.Tables.Client;

/// <summary>
/// Table Storage limits the SDK does not check: verified before a write is sent, so an oversized or malformed entity
/// fails with a message naming the field instead of a 400 from the service (or a silently split request).
/// </summary>
public static class TableLimits
{
    public const int MaxKeyBytes = 1024;
    public const int MaxStringBytes = 64 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxBatchOperations = 100;

    public static void ValidateKey(string? value, string field)
    {
        if (value is null)
        {
            throw new ArgumentException($"{field} is required.", field);
        }

        if (Encoding.UTF8.GetByteCount(value) > MaxKeyBytes)
        {
            throw new ArgumentException($"{field} is longer than {MaxKeyBytes} bytes.", field);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"{field} contains a character Table Storage does not allow in keys (/ \\ # ? or a control character): U+{(int)c:X4}.", field);
            }
        }
    }

    /// <summary>Checks keys, per-property sizes, the property count and the estimated entity size.</summary>
    public static void ValidateEntity(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(entity.RowKey));
        if (entity is not TableEntity properties)
        {
            return;
        }

        var custom = properties.Keys.Count(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"));
        if (custom > MaxCustomProperties)
        {
            throw new ArgumentException($"Entity ({entity.PartitionKey}, {entity.RowKey}) has {custom} properties; Table Storage allows {MaxCustomProperties}.", nameof(entity));
        }

        long size = 4 + (2 * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in properties)
        {
            size += 8 + (2 * name.Length) + value switch
            {
                string s when 2L * s.Length > MaxStringBytes =>
                    throw new ArgumentException($"Property '{name}' is {2L * s.Length} bytes (UTF-16); string properties are limited to {MaxStringBytes} bytes.", nameof(entity)),
                string s => 4 + (2L * s.Length),
                byte[] b when b.Length > MaxBinaryBytes =>
                    throw new ArgumentException($"Property '{name}' is {b.Length} bytes; binary properties are limited to {MaxBinaryBytes} bytes.", nameof(entity)),
                byte[] b => 4 + b.Length,
                int or bool => 4,
                Guid => 16,
                _ => 8,
            };
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"Entity ({entity.PartitionKey}, {entity.RowKey}) is about {size} bytes; Table Storage allows {MaxEntityBytes} bytes per entity.", nameof(entity));
        }
    }
}
