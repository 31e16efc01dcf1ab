using System.CommandLine;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the bot's HTTP endpoint (default). Host options such as --urls pass through to ASP.NET Core.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var app = BotHost.Build([.. parse.UnmatchedTokens]);
                await app.RunAsync(cancellationToken);
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                // Bad settings are bad input: say which setting, no stack trace.
                foreach (var failure in ex.Failures)
                {
                    await Console.Error.WriteLineAsync($"bpombot: invalid setting: {failure}");
                }

                return 2;
            }
        });
        return command;
    }
}
