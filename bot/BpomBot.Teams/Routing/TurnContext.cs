using BpomBot.Teams.Connector;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

/// <summary>
/// Turn context that answers through the Bot Connector REST API. Buffered (the turn runner's way), it only collects the
/// sends and updates while the handlers run; <see cref="FlushAsync"/> sends them once the turn is committed, and a turn
/// that loses its commit simply drops them, so a turn run twice never speaks twice.
/// </summary>
public sealed class TurnContext(Activity activity, IConnectorClient connector, bool buffered = false) : ITurnContext
{
    private readonly List<(string? UpdateOf, Activity Activity)> pending = [];

    public Activity Activity { get; } = activity;

    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Sends and updates collected and not sent yet (buffered mode).</summary>
    public int Pending => pending.Count;

    /// <summary>Replies to an inbound message; for other activity types sends to the conversation.</summary>
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.From ??= Activity.Recipient;
        activity.Recipient ??= Activity.From;
        activity.Conversation ??= Activity.Conversation;
        if (buffered)
        {
            pending.Add((null, activity));
            return Task.FromResult(new ResourceResponse { Id = string.Empty });
        }

        return SendNowAsync(activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = activityId;
        activity.Conversation ??= Activity.Conversation;
        if (buffered)
        {
            pending.Add((activityId, activity));
            return Task.FromResult(new ResourceResponse { Id = activityId });
        }

        return UpdateNowAsync(activityId, activity, cancellationToken);
    }

    /// <summary>Sends what was collected, in order; a failed send is the caller's to log (the turn is committed by then).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var batch = pending.ToList();
        pending.Clear();
        foreach (var (updateOf, activity) in batch)
        {
            _ = updateOf is null
                ? await SendNowAsync(activity, cancellationToken)
                : await UpdateNowAsync(updateOf, activity, cancellationToken);
        }
    }

    /// <summary>Drops what was collected (the turn was not committed).</summary>
    public void Discard() => pending.Clear();

    private Task<ResourceResponse> SendNowAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (serviceUrl, conversationId) = Target();
        return Activity.Type == ActivityTypes.Message && Activity.Id is { Length: > 0 } id
            ? connector.ReplyToActivityAsync(serviceUrl, conversationId, id, activity, cancellationToken)
            : connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
    }

    private Task<ResourceResponse> UpdateNowAsync(string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var (serviceUrl, conversationId) = Target();
        return connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
    }

    private (string ServiceUrl, string ConversationId) Target() =>
        (Activity.ServiceUrl ?? throw new InvalidOperationException("The inbound activity has no serviceUrl."),
         Activity.Conversation?.Id ?? throw new InvalidOperationException("The inbound activity has no conversation id."));
}
