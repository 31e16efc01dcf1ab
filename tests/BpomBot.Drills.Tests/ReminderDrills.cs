using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BpomBot.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BpomBot.Drills.Tests;

/// <summary>
/// An instance is killed while it sends reminders (the connector answers slowly, so sends are in flight); another
/// instance recovers the rest once the delivery lease ran out. Figure: reminders a person got twice.
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class ReminderDrills(DrillEnvironment env, ITestOutputHelper output)
{
    private static readonly TimeSpan DeliveryLease = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Instance_killed_mid_send_duplicates_at_most_what_was_in_flight()
    {
        // DRILL_REPEATS repeats the kill with fresh people and fresh instances (default once: each round starts two bots).
        var rounds = Figures.Repeats(1);
        var results = new List<(int Duplicates, int Missing)>();
        for (var round = 0; round < rounds; round++)
        {
            results.Add(await KillMidSendAsync(round));
        }

        Figures.Report(output, "reminders/kill-mid-send", $"duplicate reminders over {rounds} kills", results.Sum(r => r.Duplicates), rounds * People);
        Figures.Report(output, "reminders/kill-mid-send", $"worst kill: duplicate reminders", results.Max(r => r.Duplicates), People);
        Assert.All(results, r => Assert.Equal(0, r.Missing));
        Assert.All(results, r => Assert.InRange(r.Duplicates, 0, 1));
    }

    private const int People = 40;

    private async Task<(int Duplicates, int Missing)> KillMidSendAsync(int round)
    {
        const int people = People;
        var a = await env.StartBotAsync($"bot-remind-a{round}");
        BotInstance? b = null;
        try
        {
            var conversations = new Dictionary<string, string>(StringComparer.Ordinal);
            DateTimeOffset at = default;
            for (var i = 0; i < people; i++)
            {
                var user = $"remind-{env.RunId}-{round}-{i}";
                var conversation = "drill-remind-" + user;
                conversations[conversation] = user;
                await env.SayAsync(a, conversation, user, "bantuan");
                using var response = await env.Http.PostAsJsonAsync(new Uri(a.Base, "_test/reminders/schedule"), new
                {
                    subjectId = $"kegiatan/DRILL{env.RunId}R{round}N{i}/A.3",
                    recipientId = DrillEnvironment.UserObjectId(user),
                    unitId = "bbpom-medan",
                    dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    title = $"A.3 Pelaksanaan advokasi drill {i}",
                    sifat = "Biasa",
                });
                response.EnsureSuccessStatusCode();
                at = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["nextAt"]!.GetValue<DateTimeOffset>();
            }

            int Reminders(IReadOnlyList<ConnectorCall> calls) => calls.Count(c => c.IsMessage && c.ReplyToId is null && conversations.ContainsKey(c.ConversationId) && c.Text.Contains("Pelaksanaan advokasi drill", StringComparison.Ordinal));

            // Slow connector: sends stay in flight; kill the instance after a quarter went out.
            env.Connector.Delay = TimeSpan.FromMilliseconds(400);
            var sweep = Sweep(a, at.AddSeconds(30));
            Assert.True(await env.Connector.WaitForAsync(calls => Reminders(calls) >= people / 4, TimeSpan.FromSeconds(60)), "the sweep sent nothing");
            await env.KillAsync(a);
            await sweep;
            env.Connector.Delay = TimeSpan.Zero;
            var beforeRecovery = Reminders(env.Connector.Calls);

            // Another instance sweeps once the delivery lease of the dead one ran out.
            b = await env.StartBotAsync($"bot-remind-b{round}");
            await Sweep(b, at.AddSeconds(30) + DeliveryLease + TimeSpan.FromMinutes(1));
            await env.Connector.WaitForAsync(calls => conversations.Keys.All(k => calls.Any(c => c.ConversationId == k && c.IsMessage && c.ReplyToId is null && c.Text.Contains("Pelaksanaan advokasi drill", StringComparison.Ordinal))), TimeSpan.FromSeconds(60));
            await env.Connector.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

            var perConversation = conversations.Keys.Select(k => env.Connector.Calls.Count(c => c.ConversationId == k && c.IsMessage && c.ReplyToId is null && c.Text.Contains("Pelaksanaan advokasi drill", StringComparison.Ordinal))).ToList();
            var duplicates = perConversation.Sum(n => Math.Max(0, n - 1));
            var missing = perConversation.Count(n => n == 0);
            output.WriteLine($"before recovery: {beforeRecovery} reminders");
            for (var i = 0; i < perConversation.Count; i++)
            {
                if (perConversation[i] != 1)
                {
                    output.WriteLine($"{conversations.Keys.ElementAt(i)}: {perConversation[i]} reminders");
                }
            }

            Figures.Report(output, "reminders/kill-mid-send", "duplicate reminders", duplicates, people);
            Figures.Report(output, "reminders/kill-mid-send", "people without a reminder", missing, people);
            return (duplicates, missing);
        }
        finally
        {
            env.Connector.Delay = TimeSpan.Zero;
            await env.KillAsync(a);
            if (b is not null)
            {
                await env.KillAsync(b);
            }
        }
    }

    private async Task Sweep(BotInstance bot, DateTimeOffset now)
    {
        var query = Uri.EscapeDataString(now.ToString("O", CultureInfo.InvariantCulture));
        try
        {
            using var response = await env.Http.PostAsync(new Uri(bot.Base, $"_test/reminders/sweep?now={query}"), null);
        }
        catch (HttpRequestException)
        {
            // The instance was killed while sweeping.
        }
    }
}
