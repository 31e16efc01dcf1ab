using System.Text.Json.Nodes;
using BpomBot.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BpomBot.Drills.Tests;

/// <summary>
/// Two different messages of one conversation reach two instances at the same moment: the turns must be serialised
/// across instances (the conversation row's ETag is the lock), so both are answered, neither is told to retry, and the
/// dialog state shows both turns applied (none overwrote the other).
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class SerialisationDrills(DrillEnvironment env, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_messages_of_one_conversation_on_two_instances_are_both_applied()
    {
        var a = await env.StartBotAsync("bot-serial-a");
        var b = await env.StartBotAsync("bot-serial-b");
        try
        {
            var tries = Figures.Repeats(10);
            var unanswered = 0;
            var lost = 0;
            for (var i = 0; i < tries; i++)
            {
                var user = $"serial-{env.RunId}-{i}";
                var conversation = "drill-serial-" + user;
                await env.SayAsync(i % 2 == 0 ? a : b, conversation, user, "bantuan");

                // Both are officer commands, so both turns write the dialog state (each records its activity id there).
                var first = env.Message(conversation, user, "mulai");
                var second = env.Message(conversation, user, "tugas");
                var ids = new[] { first, second }.Select(m => m["id"]!.GetValue<string>()).ToList();
                await Task.WhenAll(env.PostAsync(a, first), env.PostAsync(b, second));
                foreach (var id in ids)
                {
                    var answered = await env.Connector.WaitForAsync(
                        calls => calls.Any(c => c.IsMessage && c.ReplyToId == id && !IsRetryAnswer(c.Text)), TimeSpan.FromSeconds(20));
                    unanswered += answered ? 0 : 1;
                }

                var processed = await ProcessedIdsAsync(conversation);
                lost += ids.Count(id => !processed.Contains(id));
            }

            Figures.Report(output, "two-instances/two-messages", "messages not answered (or told to retry)", unanswered, 2 * tries);
            Figures.Report(output, "two-instances/two-messages", "turns missing from the dialog state", lost, 2 * tries);
            Assert.Equal(0, unanswered);
            Assert.Equal(0, lost);
        }
        finally
        {
            await env.KillAsync(a);
            await env.KillAsync(b);
        }
    }

    private static bool IsRetryAnswer(string json) =>
        json.Contains("coba lagi", StringComparison.OrdinalIgnoreCase) || json.Contains("terjadi kendala", StringComparison.OrdinalIgnoreCase);

    /// <summary>The activity ids the officer conversation recorded as processed in the conversation's stored dialog state.</summary>
    private async Task<HashSet<string>> ProcessedIdsAsync(string conversation)
    {
        var rows = await env.RowsAsync("DialogState", $"PartitionKey eq '{conversation}' and RowKey eq 'state'");
        var doc = JsonNode.Parse(Assert.Single(rows).GetString("Doc"))!;
        var state = JsonNode.Parse(doc["dialogs"]![conversation]!["json"]!.GetValue<string>())!;
        return [.. state["processed"]!.AsArray().Select(n => n!.GetValue<string>())];
    }
}
