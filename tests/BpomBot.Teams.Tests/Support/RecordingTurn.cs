using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Tests.Support;

/// <summary>A turn context that records what the handlers send, for turn-level tests without HTTP.</summary>
public sealed class RecordingTurn(Activity activity) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public InvokeResponse? InvokeResponse { get; set; }

    public List<Activity> Sent { get; } = [];

    public List<(string Id, Activity Activity)> Updated { get; } = [];

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Sent.Add(activity);
        return Task.FromResult(new ResourceResponse { Id = $"sent-{Sent.Count}" });
    }

    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        Updated.Add((activityId, activity));
        return Task.FromResult(new ResourceResponse { Id = activityId });
    }
}
