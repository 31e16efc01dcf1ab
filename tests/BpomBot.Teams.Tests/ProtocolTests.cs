using System.Text.Json;
using System.Text.Json.Nodes;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Tests.Support;

namespace BpomBot.Teams.Tests;

public sealed class ProtocolTests
{
    [Theory]
    [InlineData("playground_message_channel_mention")]
    [InlineData("playground_installationUpdate_team")]
    [InlineData("playground_invoke_adaptiveCard_action")]
    public void Activity_RoundTrip_PreservesEveryField(string capture)
    {
        var original = Captures.Body(capture);

        var activity = JsonSerializer.Deserialize<Activity>(original.ToJsonString(), BotJson.Options)!;
        var again = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.True(JsonNode.DeepEquals(Normalise(original), Normalise(again)), again.ToJsonString());
    }

    [Fact]
    public void Activity_ChannelMention_ReadsTeamsFields()
    {
        var activity = Captures.Activity("playground_message_channel_mention");

        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("team-id", activity.ChannelData!.Team!.Id);
        Assert.Equal("team-id", activity.ChannelData.Channel!.Id);
        Assert.Equal(TestIdentity.PlaygroundTenantId, activity.TenantId);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", activity.From!.AadObjectId);
    }

    [Fact]
    public void TenantId_OnlyInChannelData_FallsBack()
    {
        var activity = Captures.Activity("playground_message_personal", b => b["conversation"]!.AsObject().Remove("tenantId"));

        Assert.Equal(TestIdentity.PlaygroundTenantId, activity.TenantId);
    }

    [Fact]
    public void InvokeResponse_Serialized_IsUnwrappedStatusCodeTypeValue()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(InvokeResponse.Message("ok"), BotJson.Options))!.AsObject();

        Assert.Equal(["statusCode", "type", "value"], json.Select(p => p.Key).Order().ToArray());
    }

    // Timestamps are re-formatted by DateTimeOffset; compare them as instants.
    private static JsonObject Normalise(JsonNode node)
    {
        var copy = node.DeepClone().AsObject();
        if (copy["timestamp"] is JsonValue ts)
        {
            copy["timestamp"] = DateTimeOffset.Parse(ts.GetValue<string>()).ToUnixTimeMilliseconds();
        }

        return copy;
    }
}
