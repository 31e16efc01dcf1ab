using BpomBot.Domain.Calendar;
using System.CommandLine;

namespace BpomBot.Host.Cli;

/// <summary>The `bpombot` command line. `serve` is the default; each area adds its own subcommands here.</summary>
internal static class CliRoot
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("BpomBot: the Teams assistant for BPOM officers and leaders.");
        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        // Area commands register here, one line each.
        root.Subcommands.Add(PackageCommand.Create());
        root.Subcommands.Add(SopCommand.Create(() => new WorkingDayCalendar(HolidaySet.LoadEmbedded())));
        root.Subcommands.Add(HkCommand.Create());
        root.Subcommands.Add(HolidaysCommand.Create());
        root.Subcommands.Add(CalendarOverrideCommand.Create());
        root.Subcommands.Add(DateCommand.Create());
        root.Subcommands.Add(FaqCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(RosterCommand.Create());
        root.Subcommands.Add(RekapCommand.Create());

        // No subcommand (or only host options such as --urls) means `serve`.
        var first = args.Length > 0 ? args[0] : null;
        var isSubcommand = first is not null && root.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first));
        var isRootOption = first is "--help" or "-h" or "-?" or "--version";
        if (!isSubcommand && !isRootOption)
        {
            args = ["serve", .. args];
        }

        return await root.Parse(args).InvokeAsync();
    }
}
