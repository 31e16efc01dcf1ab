using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Faq;

/// <summary>Who may act on tickets and read the feedback report, and the language to tell them so in.</summary>
public sealed class FaqAccess(IEnumerable<IRosterRepository> rosters, KnownConversations? known = null, IConversationReferenceRepository? references = null)
{
    /// <summary>Roster role of contact-centre officers.</summary>
    public const string OfficerRole = "petugas-halobpom";

    public const string AdminRole = "admin";

    /// <summary>The roster entry of the sender, when a roster is registered and knows them.</summary>
    public async Task<PersonRecord?> FindAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.AadObjectId is not { Length: > 0 } id)
        {
            return null;
        }

        foreach (var roster in rosters)
        {
            if (await roster.GetPersonAsync(id, cancellationToken) is { } person)
            {
                return person;
            }
        }

        return null;
    }

    /// <summary>
    /// A HALOBPOM officer: the action comes from the contact-centre channel, and when the roster knows the person
    /// they hold the officer (or admin) role. People the roster does not know count as officers by channel membership.
    /// </summary>
    public static bool IsOfficer(FaqChatOptions options, Activity activity, PersonRecord? person)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(activity);
        return options.IsContactCentre(activity.Conversation?.Id) && (person is null || HasRole(person, OfficerRole) || HasRole(person, AdminRole));
    }

    /// <summary>
    /// The language to answer a card click in: the card's own (<c>lang</c> in its data) when it carries one, else the
    /// clicker's known language (what their messages showed, else their locale); Indonesian when nothing is known.
    /// </summary>
    public FaqLanguage LanguageOf(Activity activity, CardAction? action = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return action?.GetString("lang") switch
        {
            "en" => FaqLanguage.En,
            "id" => FaqLanguage.Id,
            _ => PersonLanguage.Of(activity, known).Language == Language.English ? FaqLanguage.En : FaqLanguage.Id,
        };
    }

    /// <summary>
    /// The language to write to a person who is not in this turn (the asker of a ticket, days later): what this process
    /// knows of them, else their stored conversation reference (one read; the reply is a rare, proactive message).
    /// </summary>
    public async Task<FaqLanguage> LanguageOfAsync(string userAadObjectId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userAadObjectId)) return FaqLanguage.Id;
        bool english;
        if (known is not null && known.Map.TryGetValue(userAadObjectId, out var seen))
        {
            english = seen.Language is { } language ? language == ConversationReferenceRecord.English
                : seen.Locale?.StartsWith(ConversationReferenceRecord.English, StringComparison.OrdinalIgnoreCase) == true;
        }
        else
        {
            english = references is not null && (await references.GetByUserAsync(userAadObjectId, cancellationToken))?.PrefersEnglish == true;
        }

        return english ? FaqLanguage.En : FaqLanguage.Id;
    }

    public static bool HasRole(PersonRecord person, string role) =>
        person?.Roles.Any(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)) == true;
}
