using System.Text.Json.Nodes;
using BpomBot.EndToEnd.Tests.Infrastructure;

namespace BpomBot.EndToEnd.Tests;

/// <summary>The help card round trip through the real Agents Playground (channel msteams), driven over its HTTP API.</summary>
public sealed class HelpCardPlaygroundTests(EndToEndEnvironment env) : IClassFixture<EndToEndEnvironment>
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private const string Conversation = EndToEndEnvironment.ConversationId;

    [Fact]
    public async Task Halo_ThenCoba_HelpCardArrivesAndIsReplacedByTheTriedCard()
    {
        // Any failed assertion is reported with the bot's, Azurite's and the Playground's output.
        await env.StepAsync("The help card round trip", async () =>
        {
            var playground = env.Playground;

            // Installing the app welcomes the user with the help card.
            await env.StepAsync("Installing the app in the personal chat", () => playground.InstallAsync(Conversation));
            var welcome = await env.StepAsync("Waiting for the welcome card", () =>
                playground.WaitForBotActivityAsync(0, HasCobaButton, ReplyTimeout, "a welcome card with a \"Coba\" button"));
            Assert.Equal(201, welcome.StatusCode);

            // The user says "halo": the help card arrives.
            var sentBefore = playground.BotActivities().Count;
            await env.StepAsync("Sending \"halo\"", () => playground.SendMessageAsync(Conversation, "halo"));
            var reply = await env.StepAsync("Waiting for the help card", () =>
                playground.WaitForBotActivityAsync(sentBefore, HasCobaButton, ReplyTimeout, "a help card with a \"Coba\" button after \"halo\""));
            Assert.Equal(201, reply.StatusCode);
            Assert.False(string.IsNullOrEmpty(reply.Id), "The mock connector gave the help card message no id.");
            Assert.Equal(Conversation, reply.Activity["conversation"]?["id"]?.GetValue<string>());
            var card = reply.AdaptiveCards().Single();
            Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
            Assert.Equal("1.5", card["version"]?.GetValue<string>());
            Assert.Contains(CardJson.Texts(card), t => t.Contains("BpomBot", StringComparison.Ordinal));

            // The user clicks "Coba": the Playground invokes adaptiveCard/action and shows the card the bot returns.
            var coba = CardJson.FindExecuteAction(card, "Coba")!;
            var answer = await env.StepAsync("Clicking \"Coba\"", () => playground.InvokeAsync(Conversation, coba, reply.Id!));
            Assert.True(
                answer["type"]?.GetValue<string>() == PlaygroundClient.AdaptiveCardType,
                $"The invoke answer is not an Adaptive Card: {answer.ToJsonString()}");
            var updated = Assert.IsType<JsonObject>(answer["value"]);
            Assert.Equal("AdaptiveCard", updated["type"]?.GetValue<string>());
            Assert.Contains("Berhasil!", CardJson.Texts(updated));
            Assert.Null(CardJson.FindExecuteAction(updated, "Coba"));
            Assert.NotEqual(CardJson.Texts(card), CardJson.Texts(updated));
        });
    }

    private static bool HasCobaButton(SentActivity sent) =>
        sent.AdaptiveCards().Any(card => CardJson.FindExecuteAction(card, "Coba") is not null);
}
