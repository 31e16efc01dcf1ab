using System.Text.Json.Serialization;

namespace BpomBot.Domain.Abstractions;

/// <summary>
/// What the bot needs to message a person proactively: their personal conversation with the bot, and the language to
/// write in. <paramref name="ReferenceJson"/> is the channel's own reference document, opaque to the domain.
/// <paramref name="Version"/> is the stored row's version (null for a record never saved). <paramref name="Language"/>
/// is what the person last wrote in ("en" or "id", learned from their messages; null until one was clear) and
/// <paramref name="Locale"/> the client's locale from their last activity (e.g. "en-US"), the fallback.
/// </summary>
public sealed record ConversationReferenceRecord(
    string ConversationId,
    string UserAadObjectId,
    string TenantId,
    string ServiceUrl,
    string ReferenceJson,
    DateTimeOffset UpdatedAt,
    string? Version = null,
    string? Language = null,
    string? Locale = null)
{
    public const string English = "en";
    public const string Indonesian = "id";

    /// <summary>
    /// True when proactive messages to this person go out in English: the language of their messages, else an English
    /// client locale; Indonesian otherwise (the bot's language).
    /// </summary>
    [JsonIgnore]
    public bool PrefersEnglish => Language is { } language
        ? language == English
        : Locale?.StartsWith(English, StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>Stored conversation references, one per user (Entra object id).</summary>
public interface IConversationReferenceRepository
{
    /// <summary>The reference last saved for this user (their personal chat), or null.</summary>
    Task<ConversationReferenceRecord?> GetByUserAsync(string userAadObjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the reference the channel just reported for its user, replacing any earlier one, and returns it with its
    /// new version. A whole-value write, not a read-modify-write: the channel states the reference on every activity, so
    /// the newest report is the right one and no earlier update can be lost by overwriting it.
    /// </summary>
    Task<ConversationReferenceRecord> SaveAsync(ConversationReferenceRecord record, CancellationToken cancellationToken = default);
}
