using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Disposisi;

/// <summary>
/// "disposisi": the leader's pending disposisi (and those of leaders they act for as Plt/Plh), oldest first; in English
/// when the leader wrote English (and then every card opened from it is English too).
/// </summary>
public sealed class DisposisiInboxHandler(DisposisiService service) : IMessageHandler
{
    public int Order => 100;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Understood.Intent != Intent.Disposisi) return false;
        var items = await service.InboxAsync(DisposisiActions.ActorId(turn), cancellationToken);
        var english = input.Understood.English ?? input.Language == Language.English;
        await turn.SendAsync(AdaptiveCard.ToMessage(DisposisiCard.Inbox(items, english)), cancellationToken);
        return true;
    }
}
