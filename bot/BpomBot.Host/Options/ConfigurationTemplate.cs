using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BpomBot.Host.Options;

/// <summary>One setting of appsettings.template.json: its path (<c>Bot:AppId</c>), example or default, and meaning.</summary>
internal sealed record TemplateSetting(string Path, string Example, string Meaning)
{
    public string EnvironmentVariable => Path.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>
/// appsettings.template.json (embedded in the host): every leaf under the sections is a setting with a <c>{{placeholder}}</c>,
/// and <c>$doc</c> maps each setting path to a one-line meaning. An array counts as one setting.
/// </summary>
internal sealed class ConfigurationTemplate
{
    public const string DocKey = "$doc";
    private const string ResourceName = "BpomBot.Host.appsettings.template.json";

    private ConfigurationTemplate(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> docs, IReadOnlyDictionary<string, string> examples)
    {
        Paths = paths;
        Docs = docs;
        Examples = examples;
    }

    /// <summary>Setting paths in file order.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The <c>$doc</c> entries by setting path.</summary>
    public IReadOnlyDictionary<string, string> Docs { get; }

    private IReadOnlyDictionary<string, string> Examples { get; }

    /// <summary>Settings with both a value and a meaning, in file order.</summary>
    public IEnumerable<TemplateSetting> Settings =>
        Paths.Where(Docs.ContainsKey).Select(p => new TemplateSetting(p, Examples[p], Docs[p]));

    public static ConfigurationTemplate LoadEmbedded()
    {
        using var stream = typeof(ConfigurationTemplate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Parse(stream);
    }

    public static ConfigurationTemplate Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new List<string>();
        var examples = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var docs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == DocKey)
            {
                foreach (var doc in property.Value.EnumerateObject())
                {
                    docs[doc.Name] = doc.Value.GetString() ?? string.Empty;
                }
            }
            else if (!property.Name.StartsWith('_'))
            {
                Collect(property.Name, property.Value, paths, examples);
            }
        }

        return new ConfigurationTemplate(paths, docs, examples);
    }

    /// <summary>Problems between the values and <c>$doc</c>: settings without a meaning, meanings without a setting.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var path in Paths.Where(p => !Docs.ContainsKey(p)))
        {
            yield return $"{path} has no entry in {DocKey}.";
        }

        foreach (var path in Docs.Keys.Where(d => !Paths.Contains(d, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{DocKey} entry {path} is not a setting in the template.";
        }
    }

    /// <summary>The README table: one row per setting.</summary>
    public string ToMarkdownTable()
    {
        var table = new StringBuilder();
        table.Append("| Setting | Environment variable | Example / default | Meaning |\n");
        table.Append("|---|---|---|---|\n");
        foreach (var setting in Settings)
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{setting.Path}` | `{setting.EnvironmentVariable}` | `{Cell(setting.Example)}` | {Cell(setting.Meaning)} |\n");
        }

        return table.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void Collect(string path, JsonElement value, List<string> paths, Dictionary<string, string> examples)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in value.EnumerateObject())
            {
                Collect(path + ":" + child.Name, child.Value, paths, examples);
            }

            return;
        }

        paths.Add(path);
        examples[path] = value.ValueKind == JsonValueKind.Array
            ? string.Join(", ", value.EnumerateArray().Select(Example))
            : Example(value);
    }

    private static string Example(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
        return text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal) ? text[2..^2] : text;
    }
}
