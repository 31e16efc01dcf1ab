namespace BpomBot.Teams.Conversation.Views;

/// <summary>Text shaping for chat and cards: one line, shortened at a word boundary, never mid-word.</summary>
public static class Text
{
    /// <summary>
    /// <paramref name="text"/> on one line; when longer than <paramref name="max"/>, cut at the last space before it
    /// (trailing punctuation dropped) with "…".
    /// </summary>
    public static string Fold(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max) return flat;
        var cut = flat.LastIndexOf(' ', Math.Max(0, max - 1));
        var head = cut > max / 2 ? flat[..cut] : flat[..(max - 1)];
        return head.TrimEnd(' ', ',', ';', ':', '.', '(', '-') + "…";
    }

    /// <summary>A sentence with exactly one final full stop (no "Makanan.:" or "..").</summary>
    public static string Sentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimEnd('.');
        return trimmed.Length == 0 ? trimmed : trimmed + ".";
    }
}
