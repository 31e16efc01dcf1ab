using System.Text.Json;
using System.Text.Json.Serialization;

namespace BpomBot.Teams.Protocol;

/// <summary>Serializer settings for the wire: camelCase, nulls omitted.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
