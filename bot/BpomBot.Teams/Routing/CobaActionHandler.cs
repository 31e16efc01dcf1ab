using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

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
