using System.Text.Json.Nodes;

namespace BpomBot.EndToEnd.Tests.Infrastructure;

/// <summary>Reads Adaptive Card JSON the way a Teams client would look at it.</summary>
public static class CardJson
{
    /// <summary>The first Action.Execute with this title anywhere in the card (card actions or an ActionSet).</summary>
    public static JsonObject? FindExecuteAction(JsonNode card, string title) =>
        Descendants(card).FirstOrDefault(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["title"]?.GetValue<string>() == title);

    /// <summary>Every text a person would read on the card (TextBlock text, fact titles and values), in order.</summary>
    public static IReadOnlyList<string> Texts(JsonNode card) =>
        [.. Descendants(card).SelectMany(o => o["type"]?.GetValue<string>() switch
        {
            "TextBlock" or "TextRun" => [o["text"]?.GetValue<string>() ?? ""],
            "FactSet" => (o["facts"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(f => new[] { f["title"]?.GetValue<string>() ?? "", f["value"]?.GetValue<string>() ?? "" }),
            _ => [],
        })];

    /// <summary>The Adaptive Card in an invoke answer (the Playground returns the bot's invoke response).</summary>
    public static JsonObject FromInvoke(JsonNode answer) =>
        Descendants(answer).FirstOrDefault(o => o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && o["type"]!.GetValue<string>() == "AdaptiveCard")
        ?? throw new InvalidOperationException($"The invoke answer holds no card: {answer.ToJsonString()}");

    private static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        foreach (var d in Descendants(item))
                        {
                            yield return d;
                        }
                    }
                }

                break;
        }
    }
}
