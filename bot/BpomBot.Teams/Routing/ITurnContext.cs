using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

/// <summary>One inbound activity and the ways a handler can answer it. Lets handlers run without HTTP.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Sends a message into the conversation of the inbound activity, as a reply to it.</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Replaces an earlier bot message (e.g. a card) in the conversation of the inbound activity.</summary>
    Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>The synchronous invoke answer; set by card-action handlers.</summary>
    InvokeResponse? InvokeResponse { get; set; }
}
