namespace BpomBot.Domain.Faq;

/// <summary>
/// The FAQ data files shipped inside this assembly (Data/faq/**): knowledge base and lexicon tables. When the
/// environment variable <see cref="OverrideVariable"/> names a folder laid out like Data/faq, files are read from there
/// instead, so an editor can try a change with `bpombot faq eval` without rebuilding.
/// </summary>
public static class FaqData
{
    public const string OverrideVariable = "BPOMBOT_FAQ_DATA";
    private const string Prefix = "faq/";

    private static string? OverrideFolder => Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } dir && Directory.Exists(dir) ? dir : null;

    /// <summary>The knowledge-base files (Data/faq/kb/*.yaml) as (file name, text), ordered by name.</summary>
    public static IReadOnlyList<(string Name, string Text)> KnowledgeBaseFiles() => OverrideFolder is { } dir
        ? [.. Directory.GetFiles(Path.Combine(dir, "kb"), "*.yaml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))]
        : [.. ResourceNames("kb/").Select(n => (n[(Prefix.Length + 3)..], Read(n)))];

    internal static string ReadTable(string fileName) =>
        OverrideFolder is { } dir ? File.ReadAllText(Path.Combine(dir, fileName)) : Read(Prefix + fileName);

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
