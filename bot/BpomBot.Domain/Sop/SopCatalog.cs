using System.Reflection;

namespace BpomBot.Domain.Sop;

/// <summary>The SOP definitions the bot knows, every revision kept so a kegiatan keeps the one it started with.</summary>
public interface ISopCatalog
{
    IReadOnlyList<SopDefinition> All { get; }

    /// <summary>The newest revision of an SOP, or null.</summary>
    SopDefinition? Latest(string code);

    /// <summary>A given revision of an SOP, or null.</summary>
    SopDefinition? Get(string code, string version);
}

public sealed class SopCatalog(IEnumerable<SopDefinition> definitions) : ISopCatalog
{
    private const string ResourcePrefix = "BpomBot.Domain.Data.sop.";

    public IReadOnlyList<SopDefinition> All { get; } = [.. definitions];

    public SopDefinition? Latest(string code) =>
        All.Where(d => SameCode(d.Code, code)).OrderByDescending(d => d.Revision.Date).FirstOrDefault();

    public SopDefinition? Get(string code, string version) =>
        All.FirstOrDefault(d => SameCode(d.Code, code) && d.Version == version);

    /// <summary>Loads every SOP file embedded under Data/sop; throws <see cref="SopDefinitionException"/> on an invalid one.</summary>
    public static SopCatalog LoadEmbedded()
    {
        var assembly = typeof(SopCatalog).Assembly;
        var definitions = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                        && n.EndsWith(".json", StringComparison.Ordinal)
                        && !n.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => SopDefinitionLoader.LoadOrThrow(ReadResource(assembly, n), n));
        return new SopCatalog(definitions);
    }

    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} not found");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>"POM-04.01/CFM.01/SOP.01" and the file-name form "POM-04.01-CFM.01-SOP.01" are the same code.</summary>
    private static bool SameCode(string a, string b) =>
        string.Equals(a.Replace('/', '-'), b.Replace('/', '-'), StringComparison.OrdinalIgnoreCase);
}
