using BpomBot.Domain.Abstractions;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

/// <summary>
/// The language a person is known to write in, without reading storage: what this process last stored for them
/// (<see cref="KnownConversations"/>: the language of their last clear message, else their locale), else the
/// activity's own locale (en-* is English, id-* Indonesian).
/// </summary>
public static class PersonLanguage
{
    /// <summary>The known language, and whether it came from the in-process map (which the capture fills this turn).</summary>
    public static (Language? Language, bool FromMap) Of(Activity activity, KnownConversations? known)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (known is not null && activity.From?.AadObjectId is { Length: > 0 } user && known.Map.TryGetValue(user, out var seen))
        {
            return (FromCode(seen.Language) ?? FromLocale(seen.Locale) ?? FromLocale(activity.Locale), true);
        }

        return (FromLocale(activity.Locale), false);
    }

    private static Language? FromCode(string? code) => code switch
    {
        ConversationReferenceRecord.English => Language.English,
        ConversationReferenceRecord.Indonesian => Language.Indonesian,
        _ => null,
    };

    private static Language? FromLocale(string? locale) =>
        locale is null ? null
        : locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English
        : locale.StartsWith("id", StringComparison.OrdinalIgnoreCase) ? Language.Indonesian
        : null;
}
