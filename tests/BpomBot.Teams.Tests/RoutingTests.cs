using System.Text.Json.Nodes;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BpomBot.Teams.Tests;

public sealed class RoutingTests
{
    private static ActivityRouter Router(IMessageHandler? extra = null, ICardActionHandler? extraAction = null) => new(
        extra is null ? [new HelpMessageHandler()] : [new HelpMessageHandler(), extra],
        extraAction is null ? [new CobaActionHandler()] : [new CobaActionHandler(), extraAction],
        [new WelcomeHandler()],
        NullLogger<ActivityRouter>.Instance);

    private static JsonObject SingleCard(RecordingTurn turn)
    {
        var sent = Assert.Single(turn.Sent);
        var attachment = Assert.Single(sent.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = Assert.IsType<JsonObject>(attachment.Content);
        Assert.Equal("1.5", (string?)card["version"]);
        return card;
    }

    private static string CardText(JsonObject card) => card.ToJsonString();

    [Theory]
    [InlineData("halo")]
    [InlineData("bantuan")]
    [InlineData("apa kabar, saya mau tanya")]
    public async Task RouteAsync_IndonesianMessage_SendsIndonesianHelpCardWithCobaButton(string text)
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_personal", b => b["text"] = text));

        await Router().RouteAsync(turn);

        var card = SingleCard(turn);
        Assert.Contains("Halo, saya BpomBot", CardText(card));
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal(Verbs.Coba, (string?)action["verb"]);
        Assert.Equal("Coba", (string?)action["title"]);
        Assert.Null(turn.InvokeResponse);
    }

    [Fact]
    public async Task RouteAsync_EnglishMessage_SendsEnglishHelp()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_personal", b => b["text"] = "hello bot, what can you do?"));

        await Router().RouteAsync(turn);

        var card = CardText(SingleCard(turn));
        Assert.Contains("Hello, I am BpomBot", card);
        Assert.DoesNotContain("Halo, saya", card);
    }

    [Theory]
    [InlineData("id-ID", "belum memahami")]
    [InlineData("en-US", "did not understand")] // gibberish shows no language: the client's locale decides
    public async Task RouteAsync_UnrecognisedText_SaysNotUnderstoodAndShowsHelp(string locale, string expected)
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_personal", b =>
        {
            b["text"] = "xyzzy";
            b["locale"] = locale;
        }));

        await Router().RouteAsync(turn);

        // Gibberish gets one short line, not the whole help card.
        var reply = Assert.Single(turn.Sent);
        Assert.Contains(expected, reply.Text);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task RouteAsync_GreetingHalo_DoesNotSayNotUnderstood()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_personal", b => b["text"] = "Halo!"));

        await Router().RouteAsync(turn);

        Assert.DoesNotContain("belum memahami", CardText(SingleCard(turn)));
    }

    [Theory]
    [InlineData("playground_message_channel_mention", "channel with mention")]
    [InlineData("playground_message_groupChat_mention", null)]
    public void Parse_GroupMention_StripsBotMention(string capture, string? expected)
    {
        var activity = Captures.Activity(capture);

        var input = MessageInputParser.Parse(activity);

        Assert.DoesNotContain("<at>", input.Text);
        Assert.DoesNotContain("Test Bot", input.Text);
        if (expected is not null)
        {
            Assert.Equal(expected, input.Text);
        }
    }

    [Fact]
    public void Parse_MentionOfSomeoneElse_IsKept()
    {
        var activity = Captures.Activity("playground_message_personal", b => b["text"] = "<at>Budi</at> tolong cek");

        Assert.Equal("<at>Budi</at> tolong cek", MessageInputParser.Parse(activity).Text);
    }

    [Theory]
    [InlineData("halo", Language.Indonesian)]
    [InlineData("tolong tampilkan tugas saya", Language.Indonesian)]
    [InlineData("hello, please show my tasks", Language.English)]
    [InlineData("mulai", Language.Indonesian)]
    [InlineData("", Language.Indonesian)]
    public void DetectLanguage_Text_ReturnsExpected(string text, Language expected) =>
        Assert.Equal(expected, MessageInputParser.DetectLanguage(text));

    [Fact]
    public async Task RouteAsync_BotAddedToPersonalChat_SendsWelcomeHelp()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_conversationUpdate_membersAdded_personal"));

        await Router().RouteAsync(turn);

        Assert.Contains("Halo, saya BpomBot", CardText(SingleCard(turn)));
    }

    [Fact]
    public async Task RouteAsync_BotAddedToTeam_SendsWelcomeHelp()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_conversationUpdate_team_botAdded"));

        await Router().RouteAsync(turn);

        SingleCard(turn);
    }

    [Fact]
    public async Task RouteAsync_OnlyUserAdded_SendsNothing()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_conversationUpdate_membersAdded_personal",
            b => b["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-id-9" })));

        await Router().RouteAsync(turn);

        Assert.Empty(turn.Sent);
    }

    [Theory]
    [InlineData("playground_installationUpdate_personal")]
    [InlineData("playground_installationUpdate_team")]
    public async Task RouteAsync_InstallationUpdate_DoesNotWelcomeTwice(string capture)
    {
        var turn = new RecordingTurn(Captures.Activity(capture));

        await Router().RouteAsync(turn);

        Assert.Empty(turn.Sent);
    }

    [Fact]
    public async Task RouteAsync_CobaInvoke_ReturnsUpdatedCard()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_invoke_adaptiveCard_action", b =>
        {
            b["value"]!["action"]!["verb"] = Verbs.Coba;
            b["value"]!["action"]!["data"] = new JsonObject { ["lang"] = "id" };
        }));

        await Router().RouteAsync(turn);

        var response = Assert.IsType<InvokeResponse>(turn.InvokeResponse);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response.Type);
        Assert.Equal("1.5", (string?)response.Value!["version"]);
        Assert.Contains("Berhasil", response.Value.ToJsonString());
        Assert.Empty(turn.Sent);
    }

    [Fact]
    public async Task RouteAsync_HelpCardButtonRoundTrip_ReturnsCardInSameLanguage()
    {
        var message = new RecordingTurn(Captures.Activity("playground_message_personal", b => b["text"] = "help please"));
        await Router().RouteAsync(message);
        var button = SingleCard(message)["actions"]![0]!;

        var invoke = new RecordingTurn(Captures.Activity("playground_invoke_adaptiveCard_action", b =>
        {
            b["value"]!["action"]!["verb"] = button["verb"]!.DeepClone();
            b["value"]!["action"]!["data"] = button["data"]!.DeepClone();
        }));
        await Router().RouteAsync(invoke);

        Assert.Contains("It works!", invoke.InvokeResponse!.Value!.ToJsonString());
    }

    [Fact]
    public async Task RouteAsync_SubmitFallbackWithVerb_ReplacesCardMessage()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_actionSubmit_value",
            b => b["value"] = new JsonObject { ["verb"] = Verbs.Coba }));

        await Router().RouteAsync(turn);

        Assert.Empty(turn.Sent);
        var (id, update) = Assert.Single(turn.Updated);
        Assert.Equal(turn.Activity.ReplyToId, id);
        Assert.Contains("Berhasil", update.Attachments![0].Content!.ToJsonString());
    }

    [Fact]
    public async Task RouteAsync_SubmitWithoutKnownVerb_FallsBackToHelp()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_actionSubmit_value", b => b["locale"] = "id-ID"));

        await Router().RouteAsync(turn);

        Assert.Empty(turn.Updated);
        Assert.Contains("bantuan", Assert.Single(turn.Sent).Text);
    }

    [Fact]
    public async Task RouteAsync_UnknownVerb_ReturnsErrorInvokeBody()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_invoke_adaptiveCard_action"));

        await Router().RouteAsync(turn);

        Assert.Equal(400, turn.InvokeResponse!.StatusCode);
        Assert.Equal(InvokeResponse.ErrorType, turn.InvokeResponse.Type);
        Assert.Equal("UnknownVerb", (string?)turn.InvokeResponse.Value!["code"]);
    }

    [Fact]
    public async Task RouteAsync_InvokeWithoutExecuteAction_ReturnsBadRequestBody()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_invoke_adaptiveCard_action",
            b => b["value"]!["action"]!["type"] = "Action.Submit"));

        await Router().RouteAsync(turn);

        Assert.Equal(400, turn.InvokeResponse!.StatusCode);
    }

    [Fact]
    public async Task RouteAsync_EarlierMessageHandlerClaimsText_HelpNotSent()
    {
        var tasks = new ClaimingHandler("tugas");
        var turn = new RecordingTurn(Captures.Activity("playground_message_personal", b => b["text"] = "tugas"));

        await Router(tasks).RouteAsync(turn);

        Assert.Equal(1, tasks.Calls);
        Assert.Equal("tugas saya", Assert.Single(turn.Sent).Text);
    }

    [Theory]
    [InlineData("id-ID", false)]
    [InlineData("en-US", true)] // "boom" shows no language: the client's locale decides
    public async Task RouteAsync_HandlerThrows_SendsApologyInTheLocalesLanguage(string locale, bool english)
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_personal", b =>
        {
            b["text"] = "boom";
            b["locale"] = locale;
        }));

        await Router(new ThrowingHandler()).RouteAsync(turn);

        Assert.Equal(english ? ActivityRouter.ApologyEnglish : ActivityRouter.Apology, Assert.Single(turn.Sent).Text);
    }

    [Theory]
    [InlineData("please show my tasks", true)]
    [InlineData("tolong tampilkan tugas saya", false)]
    public async Task RouteAsync_HandlerThrows_ApologisesInTheWritersLanguage(string text, bool english)
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_personal", b => b["text"] = text));

        await Router(new ThrowingHandler()).RouteAsync(turn);

        Assert.Equal(english ? ActivityRouter.ApologyEnglish : ActivityRouter.Apology, Assert.Single(turn.Sent).Text);
    }

    [Fact]
    public async Task RouteAsync_EnglishCardActionThrows_ApologisesInEnglish()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_invoke_adaptiveCard_action", b =>
        {
            b["value"]!["action"]!["verb"] = "approve";
            b["value"]!["action"]!["data"] = new JsonObject { ["lang"] = "en" };
        }));

        await Router(extraAction: new ThrowingAction()).RouteAsync(turn);

        Assert.Equal(ActivityRouter.ApologyEnglish, (string?)turn.InvokeResponse!.Value);
    }

    [Fact]
    public async Task RouteAsync_CardActionThrows_ReturnsApologyAsInvokeMessage()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_invoke_adaptiveCard_action"));

        await Router(extraAction: new ThrowingAction()).RouteAsync(turn);

        Assert.Equal(InvokeResponse.MessageType, turn.InvokeResponse!.Type);
        Assert.Equal(ActivityRouter.Apology, (string?)turn.InvokeResponse.Value);
    }

    [Fact]
    public void Constructor_DuplicateVerb_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Router(extraAction: new CobaActionHandler()));

    [Fact]
    public async Task RouteAsync_UnknownActivityType_DoesNothing()
    {
        var turn = new RecordingTurn(Captures.Activity("playground_message_personal", b => b["type"] = "messageReaction"));

        await Router().RouteAsync(turn);

        Assert.Empty(turn.Sent);
        Assert.Null(turn.InvokeResponse);
    }

    private sealed class ClaimingHandler(string command) : IMessageHandler
    {
        public int Calls { get; private set; }

        public int Order => 100;

        public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
        {
            if (!input.Text.Equals(command, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            Calls++;
            await turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = "tugas saya" }, cancellationToken);
            return true;
        }
    }

    private sealed class ThrowingHandler : IMessageHandler
    {
        public int Order => 0;

        public Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("broken");
    }

    private sealed class ThrowingAction : ICardActionHandler
    {
        public string Verb => "approve";

        public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("broken");
    }
}
