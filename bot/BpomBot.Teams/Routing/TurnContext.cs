using BpomBot.Teams.Connector;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

/// <summary>Turn context that answers through the Bot Connector REST API.</summary>
public sealed class TurnContext(Activity activity, IConnectorClient connector) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Replies to an inbound message; for other activity types sends to the conversation.</summary>
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (serviceUrl, conversationId) = Target();
        activity.From ??= Activity.Recipient;
        activity.Recipient ??= Activity.From;
        activity.Conversation ??= Activity.Conversation;
        return Activity.Type == ActivityTypes.Message && Activity.Id is { Length: > 0 } id
            ? connector.ReplyToActivityAsync(serviceUrl, conversationId, id, activity, cancellationToken)
            : connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (serviceUrl, conversationId) = Target();
        activity.Id = activityId;
        activity.Conversation ??= Activity.Conversation;
        return connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
    }

    private (string ServiceUrl, string ConversationId) Target() =>
        (Activity.ServiceUrl ?? throw new InvalidOperationException("The inbound activity has no serviceUrl."),
         Activity.Conversation?.Id ?? throw new InvalidOperationException("The inbound activity has no conversation id."));
}
