using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using BpomBot.Host.Packaging;

namespace BpomBot.Host.Tests.Packaging;

/// <summary>
/// Validates the generated manifest against the official Teams JSON schema from the pinned npm package
/// @microsoft/app-manifest, through that package's own validator (node + ajv draft-04; the schemas are draft-04,
/// which the .NET validator in our NuGet copy does not support). Needs `npm ci` at the repository root.
/// </summary>
public sealed class ManifestSchemaTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "tests", "BpomBot.Host.Tests", "Packaging", "validate-manifest.cjs");

    [Theory]
    [InlineData("local")]
    [InlineData("test")]
    [InlineData("production")]
    public async Task GeneratedManifest_EachEnvironment_PassesOfficialSchema(string environment)
    {
        var package = await AppPackageBuilder.BuildAsync(new AppPackageRequest(
            environment, RepoPaths.Manifests, RepoPaths.NewTempDirectory(), BotId: "7b0e2f4c-3d1a-4e5b-9c8d-0a1b2c3d4e5f"));
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var manifestPath = Path.Combine(RepoPaths.NewTempDirectory(), "manifest.json");
        zip.GetEntry("manifest.json")!.ExtractToFile(manifestPath);

        var (code, output) = await ValidateAsync(manifestPath);

        Assert.True(code == 0, $"manifest for '{environment}' fails the Teams schema:\n{output}");
        var manifestVersion = (string?)JsonNode.Parse(package.ManifestJson)!["manifestVersion"];
        Assert.Contains($"valid: v{manifestVersion} schema from @microsoft/app-manifest@", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenManifest_OfficialSchema_ReportsEachProblem()
    {
        var manifest = JsonNode.Parse((await AppPackageBuilder.BuildAsync(new AppPackageRequest(
            "local", RepoPaths.Manifests, RepoPaths.NewTempDirectory()))).ManifestJson)!;
        manifest["name"]!["short"] = new string('x', 31);
        manifest["bots"]![0]!["scopes"] = new JsonArray("everyone");
        manifest.AsObject().Remove("developer");
        var manifestPath = Path.Combine(RepoPaths.NewTempDirectory(), "manifest.json");
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());

        var (code, output) = await ValidateAsync(manifestPath);

        Assert.True(code == 1, $"expected schema errors, got exit {code}:\n{output}");
        Assert.Contains("/name/short", output, StringComparison.Ordinal);
        Assert.Contains("/bots/0/scopes/0", output, StringComparison.Ordinal);
        Assert.Contains("developer", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> ValidateAsync(string manifestPath)
    {
        var packageDir = Path.Combine(RepoPaths.Root, "node_modules", "@microsoft", "app-manifest");
        Assert.True(
            Directory.Exists(Path.Combine(packageDir, "build", "json-schemas", "teams")),
            $"{packageDir} is missing: run 'npm ci --no-audit --no-fund' in {RepoPaths.Root} (the Teams manifest schema comes from the pinned npm package).");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(manifestPath);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Cannot run 'node' ({ex.Message}); Node.js is needed to validate the manifest with the official schema.");
            throw;
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout + await stderr;
            Assert.True(process.ExitCode != 3, $"validator set-up problem: {output}");
            return (process.ExitCode, output);
        }
    }
}
