namespace BpomBot.Domain.Faq;

/// <summary>
/// The language tables behind retrieval: chat slang/abbreviation expansions, stopwords per language and a compact list
/// of Indonesian root words. Loaded from Data/faq/*.tsv|txt so a reviewer can edit them without code.
/// </summary>
public sealed class FaqLexicon
{
    public FaqLexicon(
        IReadOnlyDictionary<string, string[]> slang,
        IReadOnlySet<string> stopwordsId,
        IReadOnlySet<string> stopwordsEn,
        IReadOnlySet<string> rootsId)
    {
        Slang = slang;
        StopwordsId = stopwordsId;
        StopwordsEn = stopwordsEn;
        RootsId = rootsId;
    }

    public IReadOnlyDictionary<string, string[]> Slang { get; }

    public IReadOnlySet<string> StopwordsId { get; }

    public IReadOnlySet<string> StopwordsEn { get; }

    public IReadOnlySet<string> RootsId { get; }

    public static FaqLexicon Embedded { get; } = LoadEmbedded();

    private static FaqLexicon LoadEmbedded()
    {
        var slang = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in Lines(FaqData.ReadTable("slang.tsv")))
        {
            var parts = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new InvalidOperationException($"slang.tsv: line '{line}' must be 'slang<TAB>standard words'");
            }

            slang[parts[0]] = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        return new FaqLexicon(
            slang,
            Words(FaqData.ReadTable("stopwords-id.txt")),
            Words(FaqData.ReadTable("stopwords-en.txt")),
            Words(FaqData.ReadTable("roots-id.txt")));
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));

    private static HashSet<string> Words(string text) =>
        new(Lines(text).SelectMany(l => l.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);
}
