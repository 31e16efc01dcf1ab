namespace BpomBot.Teams.Conversation.Views;

/// <summary>Text shaping for chat and cards: one line, shortened at a word boundary, never mid-word.</summary>
public static class Text
{
    /// <summary>
    /// <paramref name="text"/> on one line; when longer than <paramref name="max"/>, cut at the last sentence end (or
    /// else the last space) before it, trailing punctuation dropped, with "…".
    /// </summary>
    public static string Fold(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max) return flat;
        var sentence = SentenceEnd(flat, max);
        if (sentence > max / 2) return flat[..sentence] + "…"; // end on a whole sentence
        var cut = flat.LastIndexOf(' ', Math.Max(0, max - 1));
        var head = cut > max / 2 ? flat[..cut] : flat[..(max - 1)];
        return head.TrimEnd(' ', ',', ';', ':', '.', '(', '-') + "…";
    }

    /// <summary>
    /// The end of the last sentence that fits in <paramref name="max"/> characters (before its full stop), skipping list
    /// markers such as "f." or "2."; -1 when none.
    /// </summary>
    private static int SentenceEnd(string flat, int max)
    {
        for (var i = flat.LastIndexOf(". ", Math.Min(flat.Length - 1, Math.Max(0, max - 2)), StringComparison.Ordinal); i > 0;
             i = flat.LastIndexOf(". ", i - 1, StringComparison.Ordinal))
        {
            var wordStart = flat.LastIndexOf(' ', i - 1) + 1;
            if (i - wordStart > 2) return i;
            if (i < 2) break;
        }

        return -1;
    }

    /// <summary>A sentence with exactly one final full stop (no "Makanan.:" or "..").</summary>
    public static string Sentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimEnd('.');
        return trimmed.Length == 0 ? trimmed : trimmed + ".";
    }
}
