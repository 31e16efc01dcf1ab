using System.CommandLine;
using BpomBot.Host.Cli;

namespace BpomBot.Host.Tests.Packaging;

public sealed class PackageCommandTests
{
    [Fact]
    public async Task Invoke_LocalEnvironment_Exits0AndPrintsZipPath()
    {
        var outDir = RepoPaths.NewTempDirectory();

        var (code, stdout, stderr) = await RunAsync("package", "--env", "local", "--out", outDir, "--manifests", RepoPaths.Manifests);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var zipPath = stdout.Split('\n')[0].Trim();
        Assert.True(File.Exists(zipPath), $"'{zipPath}' was not written");
        Assert.StartsWith(outDir, zipPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnknownEnvironment_Exits2ListingKnownOnes()
    {
        var (code, stdout, stderr) = await RunAsync("package", "--env", "staging", "--out", RepoPaths.NewTempDirectory(), "--manifests", RepoPaths.Manifests);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("Unknown environment 'staging'", stderr, StringComparison.Ordinal);
        Assert.Contains("local, production, test", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PathLikeEnvironment_Exits2()
    {
        var (code, _, stderr) = await RunAsync("package", "--env", "../manifests/environments/local", "--manifests", RepoPaths.Manifests);

        Assert.Equal(2, code);
        Assert.Contains("Unknown environment", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("01.0.0")]
    [InlineData("v1.0.0")]
    [InlineData("1.0.0.0")]
    [InlineData("")]
    public async Task Invoke_InvalidVersion_Exits2WithFormatHint(string version)
    {
        var outDir = RepoPaths.NewTempDirectory();

        var (code, _, stderr) = await RunAsync("package", "--env", "local", "--version", version, "--out", outDir, "--manifests", RepoPaths.Manifests);

        Assert.Equal(2, code);
        Assert.Contains("MAJOR.MINOR.PATCH", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(outDir));
    }

    [Theory]
    [InlineData("--bot-id", "not-a-guid")]
    [InlineData("--app-id", "1234")]
    public async Task Invoke_InvalidGuid_Exits2(string option, string value)
    {
        var (code, _, stderr) = await RunAsync("package", "--env", "local", option, value, "--out", RepoPaths.NewTempDirectory(), "--manifests", RepoPaths.Manifests);

        Assert.Equal(2, code);
        Assert.Contains($"'{value}': expected a GUID", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TestWithoutBotId_Exits2NamingTheOption()
    {
        var (code, _, stderr) = await RunAsync("package", "--env", "test", "--out", RepoPaths.NewTempDirectory(), "--manifests", RepoPaths.Manifests);

        Assert.Equal(2, code);
        Assert.Contains("--bot-id", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_InvalidBotDomain_Exits2()
    {
        var (code, _, stderr) = await RunAsync(
            "package", "--env", "local", "--bot-domain", "https://bpombot.example.com/api", "--out", RepoPaths.NewTempDirectory(), "--manifests", RepoPaths.Manifests);

        Assert.Equal(2, code);
        Assert.Contains("Invalid bot domain", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_MissingEnv_Exits2()
    {
        var (code, _, stderr) = await RunAsync("package", "--manifests", RepoPaths.Manifests);

        Assert.Equal(2, code);
        Assert.Contains("Missing --env", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ManifestsFolderWithoutTemplate_Exits2()
    {
        var (code, _, stderr) = await RunAsync("package", "--env", "local", "--manifests", RepoPaths.NewTempDirectory());

        Assert.Equal(2, code);
        Assert.Contains("manifest.template.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliRoot_PackageWithUnknownEnvironment_IsRegisteredAndExits2()
    {
        var code = await CliRoot.RunAsync(["package", "--env", "nowhere", "--manifests", RepoPaths.Manifests]);

        Assert.Equal(2, code);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand { PackageCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
