namespace BpomBot.Domain.Faq;

/// <summary>The FAQ data files shipped inside this assembly (Data/faq/**): knowledge base and lexicon tables.</summary>
public static class FaqData
{
    private const string Prefix = "faq/";

    /// <summary>The knowledge-base files (Data/faq/kb/*.yaml) as (file name, text), ordered by name.</summary>
    public static IReadOnlyList<(string Name, string Text)> KnowledgeBaseFiles() =>
        [.. ResourceNames("kb/").Select(n => (n[(Prefix.Length + 3)..], Read(n)))];

    internal static string ReadTable(string fileName) => Read(Prefix + fileName);

    private static IEnumerable<string> ResourceNames(string folder) =>
        typeof(FaqData).Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(Prefix + folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string Read(string name)
    {
        var assembly = typeof(FaqData).Assembly;
        var actual = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == name)
            ?? throw new InvalidOperationException($"embedded FAQ data file '{name}' is missing");
        using var stream = assembly.GetManifestResourceStream(actual)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
