using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BpomBot.Host.Tests.Packaging;

/// <summary>The package's validDomains must name the Web App that infra/ deploys for the same environment.</summary>
public sealed partial class EnvironmentConsistencyTests
{
    [Theory]
    [InlineData("test")]
    [InlineData("production")]
    public void EnvironmentFile_BotDomain_IsTheWebAppFromTheBicepParameters(string environment)
    {
        var parameters = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", $"main.{environment}.bicepparam"));
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Manifests, "environments", $"{environment}.json")))!;

        Assert.Equal(environment, Param(parameters, "environmentName"));
        Assert.Equal($"{Param(parameters, "webAppName")}.azurewebsites.net", (string?)settings["botDomain"]);
    }

    private static string Param(string bicepParameters, string name)
    {
        var match = ParamPattern().Matches(bicepParameters).SingleOrDefault(m => m.Groups[1].Value == name);
        Assert.True(match is not null, $"param {name} not found");
        return match.Groups[2].Value;
    }

    [GeneratedRegex(@"^param (\w+) = '([^']*)'", RegexOptions.Multiline)]
    private static partial Regex ParamPattern();
}
