using System.Net;
using System.Text.Json.Nodes;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Teams.Tests;

/// <summary>POST /api/messages on real Kestrel in local mode (no app id), replies going to a fake connector.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private BotServer server = null!;

    public async Task InitializeAsync() => server = await BotServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Post_CapturedPersonalMessage_Returns200AndRepliesWithHelpCard()
    {
        var response = await server.PostCaptureAsync("playground_message_personal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(server.Connector.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal("/_connector/v3/conversations/personal-conv-1/activities/878d9320-2905-40f1-b24e-6978b6a44890", reply.RawTarget);
        Assert.Null(reply.Authorization);
        Assert.Equal("message", (string?)reply.Body!["type"]);
        Assert.Equal("878d9320-2905-40f1-b24e-6978b6a44890", (string?)reply.Body["replyToId"]);
        Assert.Equal("user-id-0", (string?)reply.Body["recipient"]!["id"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply.Body["attachments"]![0]!["contentType"]);
    }

    [Fact]
    public async Task Post_CapturedChannelMention_RepliesIntoEscapedThreadConversation()
    {
        var response = await server.PostCaptureAsync("playground_message_channel_mention");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(server.Connector.Requests);
        Assert.StartsWith("/_connector/v3/conversations/team-id%3Bmessageid%3D1795339693688/activities/", reply.RawTarget);
    }

    [Fact]
    public async Task Post_CobaInvoke_ReturnsUnwrappedInvokeBodyWithCard()
    {
        var response = await server.PostCaptureAsync("playground_invoke_adaptiveCard_action",
            b => b["value"]!["action"]!["verb"] = Verbs.Coba);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        Assert.False(body.ContainsKey("status"));
        Assert.False(body.ContainsKey("body"));
        Assert.Empty(server.Connector.Requests);
    }

    [Fact]
    public async Task Post_CapturedInvokeWithUnknownVerb_Returns200WithErrorBody()
    {
        var response = await server.PostCaptureAsync("playground_invoke_adaptiveCard_action");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
    }

    [Fact]
    public async Task Post_UnknownInvokeName_Returns501()
    {
        var response = await server.PostCaptureAsync("playground_invoke_adaptiveCard_action", b => b["name"] = "composeExtension/query");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Theory]
    [InlineData("playground_conversationUpdate_membersAdded_personal", 1)]
    [InlineData("playground_installationUpdate_personal", 0)]
    [InlineData("playground_message_actionSubmit_value", 1)]
    public async Task Post_CapturedActivity_Returns200(string capture, int expectedSends)
    {
        var response = await server.PostCaptureAsync(capture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedSends, server.Connector.Requests.Count);
    }

    [Fact]
    public async Task Post_Message_IsAcknowledgedOnlyAfterTheTurnRan()
    {
        var body = Captures.Body("playground_message_personal");
        body["serviceUrl"] = server.Connector.ServiceUrl.ToString();

        var response = await server.Http.PostAsync("api/messages", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        // No waiting for a queue: when the 200 arrives the turn is done and its reply is out.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Services.GetRequiredService<TurnRunner>().Completed);
        Assert.NotEmpty(server.Connector.Requests);
    }

    [Fact]
    public async Task Post_SameMessageTwice_IsHandledOnce()
    {
        var body = Captures.Body("playground_message_personal");
        body["serviceUrl"] = server.Connector.ServiceUrl.ToString();

        var first = await server.PostAsync(body.ToJsonString());
        var replies = server.Connector.Requests.Count;
        var again = await server.PostAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(replies > 0);
        Assert.Equal(replies, server.Connector.Requests.Count);
    }

    [Fact]
    public async Task Post_SameInvokeTwice_AnswersTheFirstAnswerAgain()
    {
        var body = Captures.Body("playground_invoke_adaptiveCard_action");
        body["value"]!["action"]!["verb"] = Verbs.Coba;
        body["serviceUrl"] = server.Connector.ServiceUrl.ToString();

        var first = await server.PostAsync(body.ToJsonString());
        var again = await server.PostAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_BotAdded_WelcomeIsSentToConversationNotAsReply()
    {
        await server.PostCaptureAsync("playground_conversationUpdate_membersAdded_personal");

        Assert.Equal("/_connector/v3/conversations/personal-conv-1/activities", Assert.Single(server.Connector.Requests).RawTarget);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200NoOp()
    {
        var response = await server.PostAsync("""{"type":"somethingNew","id":"1","serviceUrl":"http://127.0.0.1:1/"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(server.Connector.Requests);
    }

    [Theory]
    [InlineData("{not json", "malformed JSON")]
    [InlineData("""{"text":"halo"}""", "activity type is missing")]
    [InlineData("[]", "malformed JSON")]
    [InlineData("null", "activity type is missing")]
    [InlineData("""{"type":"message","timestamp":"not-a-date"}""", "malformed JSON")]
    public async Task Post_BadBody_Returns400WithReason(string json, string reason)
    {
        var response = await server.PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413()
    {
        var huge = new JsonObject { ["type"] = "message", ["text"] = new string('a', 300 * 1024) }.ToJsonString();

        var response = await server.PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.Connector.Requests);
    }

    [Fact]
    public async Task Post_OversizedChunkedBody_Returns413()
    {
        var huge = new JsonObject { ["type"] = "message", ["text"] = new string('a', 300 * 1024) }.ToJsonString();
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_LocalModeFromNonLoopbackCaller_Returns401()
    {
        var body = Captures.Body("playground_message_personal").ToJsonString();

        var response = await server.PostAsync(body, remoteIp: "10.1.2.3");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Connector.Requests);
    }

    [Fact]
    public async Task Post_ConnectorFailsAfterTheCommit_StillReturns200_WithoutClaimingTheTurnFailed()
    {
        // Replies go out after the turn is stored: a connector failure then is logged, not answered with an apology
        // (the turn was saved), and the activity counts as handled.
        server.Connector.Then(400);
        server.Connector.Then(400);

        var response = await server.PostCaptureAsync("playground_message_personal");
        var body = Captures.Body("playground_message_personal");
        var handled = await server.Services.GetRequiredService<BpomBot.Domain.Abstractions.ITurnLedger>()
            .ReadAsync((string)body["conversation"]!["id"]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(server.Connector.Requests);
        Assert.True(handled.Handled.Contains((string)body["id"]!));
    }
}
