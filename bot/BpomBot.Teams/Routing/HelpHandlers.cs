using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;

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

/// <summary>The "Coba" button: answers the invoke with an updated card.</summary>
public sealed class CobaActionHandler : ICardActionHandler
{
    public string Verb => Verbs.Coba;

    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var language = action.GetString("lang") == "en" ? Language.English : Language.Indonesian;
        return Task.FromResult(InvokeResponse.Card(HelpCard.BuildTried(language)));
    }
}

/// <summary>Welcomes a conversation with the help card when the bot itself is added to it.</summary>
/// <remarks>
/// Teams sends both <c>installationUpdate</c> and <c>conversationUpdate</c> on install; welcoming on the
/// <c>membersAdded</c> that contains the bot only avoids a double welcome and also covers team installs.
/// </remarks>
public sealed class WelcomeHandler : IConversationEventHandler
{
    public int Order => 1000;

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var botAdded = activity.Type == ActivityTypes.ConversationUpdate
            && activity.MembersAdded?.Any(m => m.Id is not null && string.Equals(m.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase)) == true;
        if (botAdded)
        {
            // Nobody has written anything yet, so the welcome is in Indonesian.
            await turn.SendAsync(AdaptiveCard.ToMessage(HelpCard.Build(Language.Indonesian)), cancellationToken);
        }
    }
}
