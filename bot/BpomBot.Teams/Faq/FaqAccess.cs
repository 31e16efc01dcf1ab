using BpomBot.Domain.Abstractions;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Faq;

/// <summary>Who may act on tickets and read the feedback report.</summary>
public sealed class FaqAccess(IEnumerable<IRosterRepository> rosters)
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

    public static bool HasRole(PersonRecord person, string role) =>
        person?.Roles.Any(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)) == true;
}
