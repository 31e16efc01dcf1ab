namespace BpomBot.Domain.Abstractions;

/// <summary>
/// A sentence the bot says to a person, in both of its languages: a stable <paramref name="Code"/> (what it means; tests
/// and logs use it), the Indonesian and the English text. Built in one place per feature (e.g. DisposisiTexts), so the
/// domain never hands the edge a sentence in one language only; the edge picks the reader's language.
/// </summary>
public sealed record Phrase(string Code, string Indonesian, string English)
{
    public string Text(bool english) => english ? English : Indonesian;

    /// <summary>The Indonesian text (for logs and audit details); a reader gets <see cref="Text"/>.</summary>
    public override string ToString() => Indonesian;
}
