using BpomBot.Domain.Disposisi;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Disposisi;

/// <summary>"disposisi": the leader's pending disposisi (and those of leaders they act for as Plt/Plh), oldest first.</summary>
public sealed class DisposisiInboxHandler(DisposisiService service) : IMessageHandler
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "disposisi", "kotak disposisi", "daftar disposisi", "inbox disposisi", "disposisi saya",
    };

    public int Order => 100;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        if (!Words.Contains(input.Text.TrimEnd('.', '!', '?', ' '))) return false;
        var items = await service.InboxAsync(DisposisiActions.ActorId(turn), cancellationToken);
        await turn.SendAsync(AdaptiveCard.ToMessage(DisposisiCard.Inbox(items)), cancellationToken);
        return true;
    }
}
