using System.Globalization;
using System.Text.Json;
using Azure;

namespace BpomBot.Storage.Tables.Client;

/// <summary>JSON (OData v3) encoding of entities with @odata.type annotations for typed properties.</summary>
internal static class TableValues
{
    private const string TypeSuffix = "@odata.type";

    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity)
            {
                WriteProperty(writer, name, value!);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case long l:
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case DateTimeOffset dto:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDateTime(dto));
                break;
            case Guid g:
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            default:
                throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(value));
        }
    }

    public static TableEntity Deserialize(JsonElement element)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (p.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            {
                types[p.Name[..^TypeSuffix.Length]] = p.Value.GetString()!;
            }
        }

        var entity = new TableEntity(
            element.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() ?? string.Empty : string.Empty,
            element.TryGetProperty("RowKey", out var rk) ? rk.GetString() ?? string.Empty : string.Empty);
        foreach (var p in element.EnumerateObject())
        {
            if (p.Name is "PartitionKey" or "RowKey" || p.Name.Contains('@', StringComparison.Ordinal) || p.Name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (p.Name == "odata.etag")
                {
                    entity.ETag = new ETag(p.Value.GetString()!);
                }

                continue;
            }

            var value = ReadValue(p.Value, types.GetValueOrDefault(p.Name));
            if (p.Name == "Timestamp")
            {
                entity.Timestamp = value as DateTimeOffset? ?? ParseDateTime(p.Value.GetString()!);
            }
            else
            {
                entity[p.Name] = value;
            }
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType) => edmType switch
    {
        "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.Double" => value.ValueKind == JsonValueKind.String
            ? value.GetString() switch { "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, var s => double.Parse(s!, CultureInfo.InvariantCulture) }
            : value.GetDouble(),
        "Edm.DateTime" => ParseDateTime(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.String" => value.GetString(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => IsIntegerText(value.GetRawText()) && value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
            _ => null,
        },
    };

    private static bool IsIntegerText(string raw) => raw.AsSpan().IndexOfAny(".eE") < 0;

    private static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
