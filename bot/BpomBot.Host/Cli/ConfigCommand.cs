using System.CommandLine;
using BpomBot.Host.Options;

namespace BpomBot.Host.Cli;

/// <summary><c>bpombot config table</c>: prints README's Configuration table from appsettings.template.json.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var table = new Command("table", "Print the markdown table of every setting (from appsettings.template.json) for README.");
        table.SetAction(async (parse, cancellationToken) =>
        {
            var template = ConfigurationTemplate.LoadEmbedded();
            var problems = template.Problems().ToList();
            foreach (var problem in problems)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"bpombot: appsettings.template.json: {problem}");
            }

            await parse.InvocationConfiguration.Output.WriteAsync(template.ToMarkdownTable());
            return problems.Count == 0 ? 0 : 2;
        });

        return new Command("config", "Configuration helpers.") { table };
    }
}
