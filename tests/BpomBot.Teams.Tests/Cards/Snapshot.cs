using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BpomBot.Teams.Tests.Cards;

/// <summary>
/// Compares a card (or rendered chat text) with its stored snapshot in Cards/Snapshots/{name}.json. A difference fails
/// with both versions written out. To accept intended changes, run the tests with BPOMBOT_UPDATE_SNAPSHOTS=1 (see
/// docs/snapshots.md) and review the diff of the snapshot files before committing.
/// </summary>
internal static class Snapshot
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Match(string name, JsonNode actual, [CallerFilePath] string caller = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var text = actual.ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Snapshots", name + ".json");
        if (Environment.GetEnvironmentVariable("BPOMBOT_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}; run with BPOMBOT_UPDATE_SNAPSHOTS=1 to create it, then review it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == text) return;
        var received = Path.ChangeExtension(path, ".received.json");
        File.WriteAllText(received, text);
        Assert.Fail($"Snapshot {name} differs; the new output is in {received}. If the change is intended, run with BPOMBOT_UPDATE_SNAPSHOTS=1.");
    }

    /// <summary>Chat text as a snapshot: one JSON string per line, so diffs stay readable.</summary>
    public static void MatchText(string name, string actual, [CallerFilePath] string caller = "") =>
        Match(name, new JsonArray([.. actual.ReplaceLineEndings("\n").Split('\n').Select(l => (JsonNode)JsonValue.Create(l))]), caller);
}
