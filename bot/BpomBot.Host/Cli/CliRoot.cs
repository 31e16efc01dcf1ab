using BpomBot.Domain.Calendar;
using System.CommandLine;

namespace BpomBot.Host.Cli;

/// <summary>
/// The `bpombot` command line. `serve` is the default when no command is given (nothing, or only host options such as
/// --urls); an unknown command is refused with the list of commands and never starts the server.
/// </summary>
internal static class CliRoot
{
    /// <summary>Exit code for bad input (unknown command, invalid arguments).</summary>
    public const int BadInput = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("BpomBot: the Teams assistant for BPOM officers and leaders.");
        root.Subcommands.Add(ServeCommand.Create());
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
        root.Subcommands.Add(UnderstandCommand.Create());
        root.Subcommands.Add(RekapCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Create();
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        var first = args.Length > 0 ? args[0] : null;
        var isCommand = first is not null && root.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first));
        var isRootOption = first is "--help" or "-h" or "-?" or "--version";
        if (!isCommand && !isRootOption)
        {
            // Host options (--urls …, --Section:Key=value, Key=value) mean `serve`; any other word is a mistyped command.
            if (first is not null && !first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal))
            {
                await configuration.Error.WriteLineAsync($"bpombot: unknown command '{first}'. Commands:");
                foreach (var command in root.Subcommands.Where(c => !c.Hidden))
                {
                    await configuration.Error.WriteLineAsync($"  {command.Name,-10} {command.Description}");
                }

                await configuration.Error.WriteLineAsync("Run 'bpombot <command> --help' for a command's options.");
                return BadInput;
            }

            args = ["serve", .. args];
        }

        return await root.Parse(args).InvokeAsync(configuration);
    }
}
