using System.Text.RegularExpressions;

namespace BpomBot.Domain.Faq.Candidates;

/// <summary>
/// Cleans a citizen's question before it is stored as a candidate variant or a declined question: markup is removed,
/// and e-mail addresses, phone numbers and long digit runs (NIK, account numbers) are stripped, so no personal data is
/// kept. Official short numbers (1500533, 1708) are not personal and stay.
/// </summary>
public static partial class FaqPersonalData
{
    /// <summary>Longest question kept (longer ones are clipped at a word boundary).</summary>
    public const int MaxLength = 300;

    public static (string Text, bool Removed) Scrub(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = Markup().Replace(question, " ");
        var before = text;
        text = Email().Replace(text, " ");
        text = Phone().Replace(text, " ");
        text = LongNumber().Replace(text, " ");
        var removed = !string.Equals(before, text, StringComparison.Ordinal);
        text = MarkdownChars().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim();
        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf(' ', MaxLength);
            text = text[..(cut > MaxLength / 2 ? cut : MaxLength)];
        }

        return (text, removed);
    }

    /// <summary>The form used to compare questions: lower case, letters and digits only, single spaces.</summary>
    public static string Normalise(string question) =>
        Spaces().Replace(NonWord().Replace(question.ToLowerInvariant(), " "), " ").Trim();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(\+?62|\b0)[\s.-]?8\d{1,3}([\s.-]?\d{2,4}){2,3}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\d[\d\s.-]{7,}\d")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[*_`#>\[\]|~]")]
    private static partial Regex MarkdownChars();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
