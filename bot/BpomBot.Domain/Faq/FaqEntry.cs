namespace BpomBot.Domain.Faq;

/// <summary>Text in the two languages the bot speaks.</summary>
public sealed record FaqText(string Id, string En)
{
    public string For(FaqLanguage language) => language == FaqLanguage.En ? En : Id;
}

public enum FaqLanguage
{
    Id,
    En,
}

/// <summary>
/// One FAQ topic as reviewed by a person. <see cref="SourceFile"/> names the knowledge-base file it came from,
/// so validation errors can point at it. <see cref="Source"/> names the regulation or official page the answer rests on.
/// </summary>
public sealed record FaqEntry(
    string Id,
    string Category,
    FaqText Title,
    IReadOnlyList<string> QuestionsId,
    IReadOnlyList<string> QuestionsEn,
    IReadOnlyList<string> Keywords,
    FaqText Answer,
    IReadOnlyList<string> Links,
    DateOnly LastReviewed,
    string SourceFile,
    string? Source = null);
