using System.Text.Json.Nodes;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Cards;

/// <summary>Small pure helpers for Adaptive Card 1.5 JSON.</summary>
public static class AdaptiveCard
{
    public const string Version = "1.5";
    public const string ContentType = InvokeResponse.CardType;

    public static JsonObject Create(params JsonNode[] body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = Version,
        ["body"] = new JsonArray(body),
    };

    public static JsonObject Text(string text, bool bold = false, bool subtle = false) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["weight"] = bold ? "Bolder" : "Default",
        ["isSubtle"] = subtle,
    };

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    /// <summary>An <c>Action.Execute</c> with an <c>Action.Submit</c> fallback carrying the verb in its data.</summary>
    public static JsonObject Execute(string verb, string title, JsonObject? data = null)
    {
        data ??= [];
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = verb,
            ["title"] = title,
            ["data"] = data,
            ["fallback"] = new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = title,
                ["data"] = new JsonObject { ["verb"] = verb },
            },
        };
    }

    public static JsonObject WithActions(this JsonObject card, params JsonNode[] actions)
    {
        ArgumentNullException.ThrowIfNull(card);
        card["actions"] = new JsonArray(actions);
        return card;
    }

    /// <summary>A message activity that carries the card as its only attachment.</summary>
    public static Activity ToMessage(JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment(ContentType, card)],
    };
}
