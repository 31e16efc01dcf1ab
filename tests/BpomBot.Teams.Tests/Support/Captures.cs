using System.Text.Json;
using System.Text.Json.Nodes;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Tests.Support;

/// <summary>The Playground captures: each file holds {path, headers, body}; tests use the body.</summary>
public static class Captures
{
    public static JsonObject Body(string name)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Captures", name + ".json");
        return (JsonObject)JsonNode.Parse(File.ReadAllText(file))!["body"]!.DeepClone();
    }

    public static Activity Activity(string name, Action<JsonObject>? edit = null)
    {
        var body = Body(name);
        edit?.Invoke(body);
        return JsonSerializer.Deserialize<Activity>(body.ToJsonString(), BotJson.Options)!;
    }
}
