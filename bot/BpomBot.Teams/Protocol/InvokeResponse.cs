using System.Text.Json.Nodes;

namespace BpomBot.Teams.Protocol;

/// <summary>
/// The synchronous answer to an <c>adaptiveCard/action</c> invoke. Serialized as the HTTP 200 body
/// <c>{statusCode, type, value}</c>, never wrapped (protocol.md §1.4, §4.4).
/// </summary>
public sealed record InvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse Card(JsonObject card) => new(200, CardType, card);

    public static InvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
}
