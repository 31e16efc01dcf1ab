using System.CommandLine;

namespace BpomBot.Host.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the bot's HTTP endpoint (default). Host options such as --urls pass through to ASP.NET Core.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var app = BotHost.Build([.. parse.UnmatchedTokens]);
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
