using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>The Teams command menu lists only what the bot understands, described as the bot's vocabulary describes it.</summary>
public sealed class ManifestCommandsTests
{
    private static string ManifestPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "manifests", "manifest.template.json");

    public static TheoryData<string, string> Commands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath()))!;
        var data = new TheoryData<string, string>();
        var seen = new HashSet<(string, string)>();
        foreach (var list in manifest["bots"]![0]!["commandLists"]!.AsArray())
        {
            foreach (var command in list!["commands"]!.AsArray())
            {
                // The same command in several scopes' lists is one case (xUnit would skip the repeats with a warning).
                var entry = ((string)command!["title"]!, (string)command["description"]!);
                if (seen.Add(entry))
                {
                    data.Add(entry.Item1, entry.Item2);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_listed_command_is_understood_and_described_in_both_languages(string title, string description)
    {
        var understood = new MessageInput(title, Language.Indonesian).Understood;

        Assert.True(Understood.IsCommand(understood.Intent), $"{title} is read as {understood.Intent}");
        var info = IntentCatalog.Info(understood.Intent);
        Assert.Equal(title, info.Word);
        Assert.Equal($"{info.Description} / {info.EnglishDescription}", description);
        Assert.True(description.Length <= 128, "Teams allows 128 characters");
    }

    [Fact]
    public void A_scope_lists_at_most_ten_commands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath()))!;

        Assert.All(manifest["bots"]![0]!["commandLists"]!.AsArray(), list => Assert.InRange(list!["commands"]!.AsArray().Count, 1, 10));
    }
}
