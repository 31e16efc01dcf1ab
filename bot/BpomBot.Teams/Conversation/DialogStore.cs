using BpomBot.Domain.Abstractions;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// The dialog state of a conversation through <see cref="IDialogStateRepository"/>: one row per conversation (per
/// conversation and user in group chats and channels), read once and written once per turn, one turn at a time.
/// </summary>
internal sealed class DialogStore(IDialogStateRepository dialogs, TimeProvider timeProvider)
{
    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// Turns run in parallel (TurnQueue); turns of one conversation run one at a time here, so quick consecutive
    /// messages do not race on the dialog state. Striped, so memory stays bounded.
    /// </summary>
    public static async Task<IDisposable> EnterAsync(Activity activity, CancellationToken ct)
    {
        var stripe = Gates[(int)((uint)StringComparer.Ordinal.GetHashCode(KeyOf(activity)) % (uint)Gates.Length)];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    public async Task<DialogSession> LoadAsync(Activity activity, CancellationToken ct)
    {
        var key = KeyOf(activity);
        var document = await dialogs.GetAsync(key, ct);
        return new DialogSession(key, document, ConversationState.Deserialize(document?.Json));
    }

    public async Task SaveAsync(DialogSession session, CancellationToken ct)
    {
        var document = session.Document is { } existing
            ? existing with { Json = session.State.Serialize(), UpdatedAt = timeProvider.GetUtcNow() }
            : new DialogStateDocument(session.Key, session.State.Serialize(), timeProvider.GetUtcNow());
        await dialogs.SaveAsync(document, ct);
    }

    /// <summary>Dialog state per conversation; in group chats and channels per conversation and user.</summary>
    private static string KeyOf(Activity activity)
    {
        var conversation = activity.Conversation;
        var id = conversation?.Id ?? "unknown";
        var group = conversation?.IsGroup == true || conversation?.ConversationType is "groupChat" or "channel";
        return group ? $"{id}|{OfficerIdentity.Of(activity).Id}" : id;
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}

/// <summary>A conversation's stored row (null before the first save) and its state being changed this turn.</summary>
internal sealed record DialogSession(string Key, DialogStateDocument? Document, ConversationState State);
