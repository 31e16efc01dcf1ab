using System.Text;

namespace BpomBot.Storage.Tables.Client;

/// <summary>Table Storage limits, checked before any request so a bad write fails with a message naming the field.</summary>
public static class TableLimits
{
    public const int MaxKeyBytes = 1024;
    public const int MaxStringBytes = 64 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxPropertyNameLength = 255;
    public const int MaxBatchOperations = 100;

    private static readonly HashSet<string> SystemNames = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp" };

    public static void ValidateTableName(string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        if (tableName.Length is < 3 or > 63 || !char.IsAsciiLetter(tableName[0]) || !tableName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Table name '{tableName}' must be 3-63 letters or digits and start with a letter.", nameof(tableName));
        }
    }

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

    /// <summary>Checks keys, property names, per-property sizes, property count and the estimated entity size.</summary>
    public static void ValidateEntity(TableEntity entity, bool checkKeys = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (checkKeys)
        {
            ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
            ValidateKey(entity.RowKey, nameof(entity.RowKey));
        }

        if (entity.Count > MaxCustomProperties)
        {
            throw new ArgumentException($"Entity ({entity.PartitionKey}, {entity.RowKey}) has {entity.Count} properties; Table Storage allows {MaxCustomProperties}.", nameof(entity));
        }

        long size = 4 + (2 * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in entity)
        {
            ValidatePropertyName(name);
            size += 8 + (2 * name.Length) + value switch
            {
                string s => ValidateString(name, s),
                byte[] b => b.Length <= MaxBinaryBytes ? 4 + b.Length : throw new ArgumentException($"Property '{name}' is {b.Length} bytes; binary properties are limited to {MaxBinaryBytes} bytes.", nameof(entity)),
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

    public static void ValidatePropertyName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxPropertyNameLength)
        {
            throw new ArgumentException($"Property name '{name}' must be 1-{MaxPropertyNameLength} characters.", nameof(name));
        }

        if (SystemNames.Contains(name) || name.StartsWith("odata", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Property name '{name}' is reserved by Table Storage.", nameof(name));
        }

        if (!(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Property name '{name}' must be a C# identifier (letters, digits, '_', not starting with a digit).", nameof(name));
        }
    }

    private static long ValidateString(string name, string value)
    {
        // Table Storage stores strings as UTF-16: 64 KiB is 32 K characters.
        var bytes = 2L * value.Length;
        return bytes <= MaxStringBytes
            ? 4 + bytes
            : throw new ArgumentException($"Property '{name}' is {bytes} bytes (UTF-16); string properties are limited to {MaxStringBytes} bytes.", nameof(value));
    }
}
