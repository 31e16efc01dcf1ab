using System.CommandLine;
using BpomBot.Host.Packaging;

namespace BpomBot.Host.Cli;

/// <summary>`bpombot package`: writes the Teams app package (manifest.json + icons, zipped flat) for one environment.</summary>
internal static class PackageCommand
{
    public static Command Create()
    {
        var env = new Option<string>("--env", "-e") { Description = "Environment: a file name under manifests/environments (local, test, production)." };
        var appId = new Option<string?>("--app-id") { Description = "Teams app id (GUID); overrides the environment file." };
        var botId = new Option<string?>("--bot-id") { Description = "Azure Bot app id (GUID; the managed identity's client id for a UAMI bot); overrides the environment file." };
        var version = new Option<string?>("--version") { Description = "App version MAJOR.MINOR.PATCH; overrides the environment file. Bump it on every manifest change." };
        var botDomain = new Option<string?>("--bot-domain") { Description = "Host name for validDomains, e.g. bpombot-test.azurewebsites.net; overrides the environment file." };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: artifacts/app-package next to the manifests folder)." };
        var manifests = new Option<string?>("--manifests") { Description = "The manifests folder (default: found by walking up from the current folder)." };

        var command = new Command("package", "Build the Teams app package zip (manifest.json, color.png, outline.png) for an environment.")
        {
            env, appId, botId, version, botDomain, output, manifests,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var manifestsDirectory = parse.GetValue(manifests) is { Length: > 0 } given
                ? Path.GetFullPath(given)
                : AppPackageBuilder.FindManifestsDirectory(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            if (manifestsDirectory is null || !File.Exists(Path.Combine(manifestsDirectory, AppPackageBuilder.TemplateFileName)))
            {
                await stderr.WriteLineAsync(
                    $"Cannot find {AppPackageBuilder.TemplateFileName}: run from the repository or pass --manifests <folder>.");
                return 2;
            }

            if (parse.GetValue(env) is not { Length: > 0 } environment)
            {
                var known = string.Join(", ", AppPackageBuilder.KnownEnvironments(manifestsDirectory));
                await stderr.WriteLineAsync($"Missing --env. Known environments: {known}.");
                return 2;
            }

            var request = new AppPackageRequest(
                environment,
                manifestsDirectory,
                parse.GetValue(output) is { Length: > 0 } outDir ? outDir : Path.Combine(manifestsDirectory, "..", "artifacts", "app-package"),
                parse.GetValue(appId),
                parse.GetValue(botId),
                parse.GetValue(version),
                parse.GetValue(botDomain));
            try
            {
                var package = await AppPackageBuilder.BuildAsync(request, cancellationToken);
                await stdout.WriteLineAsync(package.ZipPath);
                await stdout.WriteLineAsync(
                    $"environment={package.Environment} appId={package.AppId} botId={package.BotId} version={package.Version}");
                return 0;
            }
            catch (AppPackageException ex)
            {
                await stderr.WriteLineAsync(ex.Message);
                return 2;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"Could not read the template or write the package: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
