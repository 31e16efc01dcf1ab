using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Routing;

/// <summary>Fallback message handler: answers greetings, "bantuan"/"help" and any unrecognised text with the help card.</summary>
public sealed class HelpMessageHandler : IMessageHandler
{
    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "halo", "hai", "hi", "hello", "hey", "bantuan", "help", "menu", "?", "",
    };

    public int Order => int.MaxValue;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        var understood = HelpWords.Contains(input.Text.TrimEnd('!', '.', ' '));
        await turn.SendAsync(AdaptiveCard.ToMessage(HelpCard.Build(input.Language, understood)), cancellationToken);
        return true;
    }
}
