using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

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
