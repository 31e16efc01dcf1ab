using System.Text.Json;
using System.Text.RegularExpressions;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

/// <summary>Turns an inbound message into <see cref="MessageInput"/>: strips the bot mention and detects English.</summary>
public static partial class MessageInputParser
{
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "hello", "hi", "hey", "help", "what", "how", "can", "you", "please", "the", "is", "are", "my", "show",
        "start", "task", "tasks", "thanks", "thank", "do", "does", "where", "when", "who", "which", "i", "me", "done", "next",
        "skip", "cancel", "pause", "resume", "history", "activity", "step", "this", "for", "of", "plan", "schedule",
        "finished", "approvals", "report", "new", "want", "register", "registered", "product", "ask", "question",
    };

    private static readonly HashSet<string> IndonesianWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "halo", "hai", "bantuan", "apa", "bagaimana", "saya", "tolong", "mulai", "tugas", "terima", "kasih",
        "yang", "dan", "ini", "itu", "di", "ke", "dari", "untuk", "bisa", "anda", "kapan", "siapa", "mana",
        "disposisi", "langkah", "kegiatan", "tunda", "selamat", "pagi", "siang", "sore", "malam", "tanya", "petugas",
    };

    public static MessageInput Parse(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = StripBotMention(activity);
        return new MessageInput(text, DetectLanguage(text));
    }

    /// <summary>Removes the <c>&lt;at&gt;…&lt;/at&gt;</c> text of mentions of the bot and normalises whitespace.</summary>
    public static string StripBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.ValueEquals("mention")
                && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && string.Equals(id.GetString(), activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase)
                && entity.TryGetProperty("text", out var mentionText) && mentionText.GetString() is { Length: > 0 } m)
            {
                text = text.Replace(m, " ", StringComparison.Ordinal);
            }
        }

        if (activity.Recipient?.Name is { Length: > 0 } botName)
        {
            text = text.Replace($"<at>{botName}</at>", " ", StringComparison.OrdinalIgnoreCase);
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>English when the text has more English than Indonesian marker words; Indonesian otherwise.</summary>
    public static Language DetectLanguage(string text) => DetectClearLanguage(text) ?? Language.Indonesian;

    /// <summary>
    /// The language the marker words clearly show: English or Indonesian when one side has more; null when they tie
    /// (a number, a link, a name), which says nothing about the writer.
    /// </summary>
    public static Language? DetectClearLanguage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int english = 0, indonesian = 0;
        foreach (Match word in Word().Matches(text))
        {
            english += EnglishWords.Contains(word.Value) ? 1 : 0;
            indonesian += IndonesianWords.Contains(word.Value) ? 1 : 0;
        }

        return english > indonesian ? Language.English : indonesian > english ? Language.Indonesian : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
