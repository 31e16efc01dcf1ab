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
            catch (Exception ex) when (SettingProblems(ex) is { Count: > 0 } problems)
            {
                // Bad settings are bad input: say which setting, no stack trace.
                foreach (var problem in problems)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"bpombot: invalid setting: {problem}");
                }

                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// The setting problems an exception reports: options validation (one options type, or several in an AggregateException),
    /// or a value the configuration binder could not convert (its message names the setting). Empty for anything else.
    /// </summary>
    private static List<string> SettingProblems(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => SettingProblems(e).Count > 0) =>
            [.. aggregate.InnerExceptions.SelectMany(SettingProblems)],
        InvalidOperationException binder when binder.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [binder.Message],
        _ => [],
    };
}
