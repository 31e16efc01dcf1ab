using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BpomBot.Teams.Protocol;

/// <summary>
/// A Bot Framework activity: the subset of fields BpomBot reads or writes. Unknown fields are kept in
/// <see cref="Extra"/> so that a round trip loses nothing.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<JsonElement>? Entities { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Tenant of the conversation: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>A message addressed back to the sender of this activity, in the same conversation.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        Text = text,
        Locale = Locale,
    };

    public ConversationReference GetConversationReference() => new(
        ServiceUrl ?? string.Empty, ChannelId, Conversation ?? new ConversationAccount(), From, Recipient, TenantId, Id);
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record Attachment(string ContentType, JsonNode? Content)
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record TeamsChannelData
{
    public TeamsEntity? Tenant { get; init; }
    public TeamsEntity? Team { get; init; }
    public TeamsEntity? Channel { get; init; }
    public string? EventType { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record TeamsEntity
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>What is needed to send to a conversation later (proactive messages).</summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string? ChannelId,
    ConversationAccount Conversation,
    ChannelAccount? User,
    ChannelAccount? Bot,
    string? TenantId,
    string? ActivityId);

/// <summary>Body of <c>POST /v3/conversations</c>.</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IList<ChannelAccount> Members { get; init; } = [];
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
}

/// <summary>Connector answer to send/update/create calls.</summary>
public sealed record ResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
}

public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
}
