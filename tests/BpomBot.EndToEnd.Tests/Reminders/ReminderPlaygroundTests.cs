using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BpomBot.EndToEnd.Tests.Infrastructure;

namespace BpomBot.EndToEnd.Tests.Reminders;

/// <summary>
/// A reminder reaches the Agents Playground: the user's chat is captured when they write, a step with a due date is
/// scheduled, and a sweep is run at the reminder's instant through the bot's test hook (Development + local mode only).
/// </summary>
public sealed class ReminderPlaygroundTests(EndToEndEnvironment env) : IClassFixture<EndToEndEnvironment>
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private const string Conversation = EndToEndEnvironment.ConversationId;

    // The Playground's signed-in test user (Alex Wilber) carries this Entra object id on every activity.
    private const string PlaygroundUserAadId = "00000000-0000-0000-0000-0000000000020";

    [Fact]
    public async Task Sweep_AtReminderInstant_ReminderCardArrivesWithDiterima()
    {
        await env.StepAsync("A reminder in the Playground", async () =>
        {
            var playground = env.Playground;
            using var http = new HttpClient { BaseAddress = new Uri(env.BotEndpoint, "/") };

            // The user writes once, so the bot stores their personal conversation.
            await env.StepAsync("Installing and saying \"halo\"", async () =>
            {
                await playground.InstallAsync(Conversation);
                await playground.SendMessageAsync(Conversation, "halo");
            });
            await env.StepAsync("Waiting for the help card", () =>
                playground.WaitForBotActivityAsync(0, a => a.AdaptiveCards().Any(), ReplyTimeout, "the help card after \"halo\""));

            // A step due in ten days; the hook answers with the instant of its first reminder.
            var title = "A.3 Pelaksanaan advokasi - FGD Pemda E2E";
            var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var scheduled = await env.StepAsync("Scheduling the step's reminders", async () =>
            {
                using var response = await http.PostAsJsonAsync("_test/reminders/schedule", new
                {
                    subjectId = "kegiatan/E2E1/A.3", recipientId = PlaygroundUserAadId, unitId = "bbpom-medan", dueDate = due, title, sifat = "Biasa",
                });
                response.EnsureSuccessStatusCode();
                return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["nextAt"]!.GetValue<DateTimeOffset>();
            });

            var before = playground.BotActivities().Count;
            var result = await env.StepAsync("Sweeping at the reminder's instant", async () =>
            {
                var at = Uri.EscapeDataString(scheduled.AddSeconds(30).ToString("O", CultureInfo.InvariantCulture));
                using var response = await http.PostAsync($"_test/reminders/sweep?now={at}", null);
                response.EnsureSuccessStatusCode();
                return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            });
            Assert.Equal(1, result["itemsSent"]!.GetValue<int>());

            var reminder = await env.StepAsync("Waiting for the reminder card", () =>
                playground.WaitForBotActivityAsync(before, a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Contains(title)), ReplyTimeout, "the reminder card"));
            Assert.InRange(reminder.StatusCode, 200, 299);
            var card = reminder.AdaptiveCards().Single();
            Assert.Contains(CardJson.Texts(card), t => t.StartsWith("H-3", StringComparison.Ordinal));

            // The card offers "Diterima". The Playground answers proactive sends with 202 and no message id, so the click
            // (which needs the message as replyToId) is covered by the turn tests (ReminderTurnTests) instead.
            Assert.NotNull(CardJson.FindExecuteAction(card, "Diterima"));
        });
    }
}
