using System.Collections.Concurrent;
using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Proactive;

/// <summary>
/// Stores the personal conversation of everyone who installs the bot or writes to it, so reminders can reach them
/// later. Runs first among message handlers and never claims the message. Writes the first time this process sees a
/// person in a conversation, and never reads.
/// </summary>
public sealed class ConversationReferenceCapture(IConversationReferenceRepository references, KnownConversations known, TimeProvider timeProvider)
    : IConversationEventHandler, IMessageHandler
{

    public int Order => int.MinValue;

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await CaptureAsync(turn.Activity, cancellationToken);
    }

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await CaptureAsync(turn.Activity, cancellationToken);
        return false;
    }

    private async Task CaptureAsync(Activity activity, CancellationToken cancellationToken)
    {
        var user = activity.From?.AadObjectId;
        var conversationId = activity.Conversation?.Id;
        var personal = activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;
        if (!personal || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activity.ServiceUrl)
            || activity.Action == "remove")
        {
            return;
        }

        var fingerprint = (conversationId, activity.ServiceUrl);
        if (known.Map.TryGetValue(user, out var seen) && seen == fingerprint)
        {
            return;
        }

        // No read first: the channel just stated the reference, so it is stored as is (one write per person and
        // process, and again only when their conversation or serviceUrl changes).
        await references.SaveAsync(
            new ConversationReferenceRecord(
                conversationId, user, activity.TenantId ?? string.Empty, activity.ServiceUrl,
                JsonSerializer.Serialize(activity.GetConversationReference(), BotJson.Options), timeProvider.GetUtcNow()),
            cancellationToken);

        known.Map[user] = fingerprint;
    }
}

/// <summary>Per-process memory of references already stored (user → conversation and serviceUrl), to skip needless writes.</summary>
public sealed class KnownConversations
{
    public ConcurrentDictionary<string, (string ConversationId, string ServiceUrl)> Map { get; } = new(StringComparer.Ordinal);
}
