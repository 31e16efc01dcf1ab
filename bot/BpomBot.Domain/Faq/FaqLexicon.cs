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
        IReadOnlySet<string> rootsId,
        IReadOnlyDictionary<string, string>? concepts = null,
        IReadOnlyDictionary<string, FaqText>? otherAgencies = null)
    {
        Concepts = concepts ?? new Dictionary<string, string>(StringComparer.Ordinal);
        OtherAgencies = otherAgencies ?? new Dictionary<string, FaqText>(StringComparer.Ordinal);
        Slang = slang;
        StopwordsId = stopwordsId;
        StopwordsEn = stopwordsEn;
        RootsId = rootsId;
    }

    public IReadOnlyDictionary<string, string[]> Slang { get; }

    public IReadOnlySet<string> StopwordsId { get; }

    public IReadOnlySet<string> StopwordsEn { get; }

    public IReadOnlySet<string> RootsId { get; }

    /// <summary>Product words mapped to the category term the knowledge base uses ("lipstik" → "kosmetik").</summary>
    public IReadOnlyDictionary<string, string> Concepts { get; }

    /// <summary>Words that belong to another agency's business ("paspor" → Kantor Imigrasi).</summary>
    public IReadOnlyDictionary<string, FaqText> OtherAgencies { get; }

    public static FaqLexicon Embedded { get; } = LoadEmbedded();

    private static FaqLexicon LoadEmbedded()
    {
        var slang = Pairs("slang.tsv").ToDictionary(p => p.Key, p => p.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        var concepts = Pairs("concepts.tsv").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var agencies = new Dictionary<string, FaqText>(StringComparer.Ordinal);
        foreach (var line in Lines(FaqData.ReadTable("other-agencies.tsv")))
        {
            var parts = line.Split('\t', StringSplitOptions.TrimEntries);
            agencies[parts[0]] = parts.Length == 3 && parts.All(p => p.Length > 0)
                ? new FaqText(parts[1], parts[2])
                : throw new InvalidOperationException($"other-agencies.tsv: line '{line}' must be 'word<TAB>Indonesian<TAB>English'");
        }

        return new FaqLexicon(
            slang,
            Words(FaqData.ReadTable("stopwords-id.txt")),
            Words(FaqData.ReadTable("stopwords-en.txt")),
            Words(FaqData.ReadTable("roots-id.txt")),
            concepts,
            agencies);
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string file)
    {
        foreach (var line in Lines(FaqData.ReadTable(file)))
        {
            var parts = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            yield return parts.Length == 2
                ? new(parts[0], parts[1])
                : throw new InvalidOperationException($"{file}: line '{line}' must be 'word<TAB>replacement'");
        }
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));

    private static HashSet<string> Words(string text) =>
        new(Lines(text).SelectMany(l => l.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);
}
