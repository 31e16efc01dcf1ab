using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using BpomBot.Host.Cli;
using BpomBot.Host.Options;
using BpomBot.Host.Tests.Packaging;
using BpomBot.Storage;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;

namespace BpomBot.Host.Tests.Operations;

public sealed partial class ConfigurationTemplateTests
{
    private static readonly string TemplatePath = Path.Combine(RepoPaths.Root, "appsettings.template.json");

    public static TheoryData<Type, string> OptionsClasses => new()
    {
        { typeof(BotOptions), BotOptions.Section },
        { typeof(ConnectorOptions), "Bot:Connector" },
        { typeof(StorageOptions), StorageOptions.SectionName },
        { typeof(ObservabilityOptions), ObservabilityOptions.Section },
    };

    [Fact]
    public void Template_EverySetting_HasExactlyOneMeaning()
    {
        var template = LoadFromRepo();

        Assert.Empty(template.Problems());
        Assert.True(template.Paths.Count >= 20, $"only {template.Paths.Count} settings parsed");
    }

    [Theory]
    [MemberData(nameof(OptionsClasses))]
    public void Template_EveryBoundOptionsProperty_IsListed(Type options, string section)
    {
        var template = LoadFromRepo();
        var bound = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetSetMethod() is not null)
            .Select(p => section + ":" + p.Name)
            .ToList();

        var missing = bound.Where(path => !template.Paths.Contains(path, StringComparer.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(bound);
        Assert.True(missing.Count == 0, "Not in appsettings.template.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Readme_ConfigurationTable_MatchesTemplate()
    {
        var expected = TableRows(LoadFromRepo().ToMarkdownTable());
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var begin = readme.IndexOf("<!-- config:begin -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- config:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no <!-- config:begin --> … <!-- config:end --> section.");

        var actual = TableRows(readme[begin..end]);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0 && expected.SequenceEqual(actual),
            "README configuration table differs from appsettings.template.json (regenerate with `bpombot config table`).\n"
            + "Missing or changed:\n" + string.Join("\n", missing) + "\nNot in the template:\n" + string.Join("\n", extra));
    }

    [Fact]
    public async Task ConfigTable_Cli_PrintsEverySettingOfTheShippedTemplate()
    {
        var root = new RootCommand { ConfigCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await root.Parse(["config", "table"]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(LoadFromRepo().ToMarkdownTable(), stdout.ToString());
        Assert.Contains("| `Storage:TableEndpoint` | `Storage__TableEndpoint` |", stdout.ToString());
    }

    [Fact]
    public void Parse_SettingWithoutMeaning_ReportsIt()
    {
        using var json = new MemoryStream("""{"$doc":{"A:B":"x","A:Gone":"y"},"A":{"B":"{{1}}","C":"{{2}}"}}"""u8.ToArray());

        var problems = ConfigurationTemplate.Parse(json).Problems().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("A:C", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("A:Gone", StringComparison.Ordinal));
    }

    [Fact]
    public void Bicep_EveryAppSettingOfTheApp_IsATemplateSetting()
    {
        var template = LoadFromRepo();
        var bicep = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.bicep"));
        var names = AppSettingName().Matches(bicep).Select(m => m.Groups[1].Value).Distinct().ToList();

        var unknown = names.Where(n => !template.Paths.Contains(n.Replace("__", ":", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase)).ToList();

        Assert.Contains("Storage__TableEndpoint", names);
        Assert.True(unknown.Count == 0, "main.bicep sets settings the app does not bind: " + string.Join(", ", unknown));
    }

    private static ConfigurationTemplate LoadFromRepo()
    {
        using var stream = File.OpenRead(TemplatePath);
        return ConfigurationTemplate.Parse(stream);
    }

    private static List<string> TableRows(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("| `", StringComparison.Ordinal))];

    [GeneratedRegex(@"name:\s*'((?:Bot|Storage|Observability|Logging)__[A-Za-z_]+)'")]
    private static partial Regex AppSettingName();
}
