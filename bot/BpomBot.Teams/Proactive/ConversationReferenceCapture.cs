using System.Collections.Concurrent;
using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Proactive;

/// <summary>
/// Stores the personal conversation of everyone who installs the bot or writes to it, so reminders and disposisi cards
/// can reach them later, with the language to write to them in: the language of their last message that shows one
/// clearly (a command word, or more marker words of one language; a number or a link says nothing), and the client's
/// locale as the fallback. Runs first among message handlers and never claims the message. Writes the first time this
/// process sees a person in a conversation, and again only when the conversation, serviceUrl, language or locale
/// changes; reads only on a first sight that says nothing about the language (to keep the language learned before).
/// </summary>
public sealed class ConversationReferenceCapture(IConversationReferenceRepository references, KnownConversations known, TimeProvider timeProvider)
    : IConversationEventHandler, IMessageHandler
{
    public int Order => int.MinValue;

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await CaptureAsync(turn.Activity, null, cancellationToken);
    }

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        await CaptureAsync(turn.Activity, WrittenLanguage(input), cancellationToken);
        return false;
    }

    /// <summary>
    /// "en" or "id" when the message shows its writer's language: an English or Indonesian command word (not one the
    /// command menu lists in both languages, such as "disposisi"), else (for a sentence, not a bare command) more marker
    /// words of one language; null otherwise.
    /// </summary>
    public static string? WrittenLanguage(MessageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Text)) return null;
        var understood = input.Understood;
        if (understood.Explicit && IntentCatalog.Info(understood.Intent) is { } info && info.Word == info.EnglishWord
            && input.Text.Trim().Equals(info.Word, StringComparison.OrdinalIgnoreCase))
        {
            return null; // the menu's word in both languages ("disposisi", "status")
        }

        var english = understood.English
            ?? (understood.Explicit ? null : MessageInputParser.DetectClearLanguage(input.Text) is { } clear ? clear == Language.English : null);
        return english switch
        {
            true => ConversationReferenceRecord.English,
            false => ConversationReferenceRecord.Indonesian,
            null => null,
        };
    }

    private async Task CaptureAsync(Activity activity, string? written, CancellationToken cancellationToken)
    {
        var user = activity.From?.AadObjectId;
        var conversationId = activity.Conversation?.Id;
        var personal = activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;
        if (!personal || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activity.ServiceUrl)
            || activity.Action == "remove")
        {
            return;
        }

        var locale = string.IsNullOrWhiteSpace(activity.Locale) ? null : activity.Locale;
        var seen = known.Map.GetValueOrDefault(user);
        var language = written ?? seen?.Language;
        if (seen is not null && seen.ConversationId == conversationId && seen.ServiceUrl == activity.ServiceUrl && seen.Language == language
            && (locale is null || locale == seen.Locale))
        {
            return;
        }

        if (seen is null && written is null)
        {
            // First sight in this process and nothing said about the language: keep what was learned before.
            var stored = await references.GetByUserAsync(user, cancellationToken);
            language = stored?.Language;
            locale ??= stored?.Locale;
        }

        locale ??= seen?.Locale;

        // Otherwise no read: the channel just stated the reference, so it is stored as is.
        await references.SaveAsync(
            new ConversationReferenceRecord(
                conversationId, user, activity.TenantId ?? string.Empty, activity.ServiceUrl,
                JsonSerializer.Serialize(activity.GetConversationReference(), BotJson.Options), timeProvider.GetUtcNow(),
                Language: language, Locale: locale),
            cancellationToken);

        known.Map[user] = new KnownConversation(conversationId, activity.ServiceUrl, language, locale);
    }
}

/// <summary>What this process last stored for a person: conversation, serviceUrl, language and locale.</summary>
public sealed record KnownConversation(string ConversationId, string ServiceUrl, string? Language, string? Locale);

/// <summary>Per-process memory of references already stored (user → what was stored), to skip needless writes.</summary>
public sealed class KnownConversations
{
    public ConcurrentDictionary<string, KnownConversation> Map { get; } = new(StringComparer.Ordinal);
}
