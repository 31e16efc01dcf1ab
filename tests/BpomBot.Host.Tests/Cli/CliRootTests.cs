using BpomBot.Domain.Roster;
using BpomBot.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace BpomBot.Host.Tests.Cli;

public sealed class CliRootTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliRoot.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("rekpa", "2026")]
    [InlineData("severe")]
    [InlineData("Roster", "import", "x.csv")]
    public async Task UnknownCommand_ExitsNonZeroWithTheCommandList_AndDoesNotServe(params string[] args)
    {
        // Serving would block here until the host stops; the command must come back with an answer instead.
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(CliRoot.BadInput, code);
        Assert.Empty(output);
        Assert.Contains($"unknown command '{args[0]}'", error);
        foreach (var command in CliRoot.Create().Subcommands)
        {
            Assert.Contains($"  {command.Name} ", error);
        }

        Assert.DoesNotContain("Now listening", error + output);
    }

    [Fact]
    public async Task KnownCommand_StillRuns()
    {
        var (code, output, error) = await RunAsync("hk", "2026-08-14", "1");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("2026-08", output);
    }

    [Fact]
    public async Task Help_ListsCommands()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("roster", output);
        Assert.Contains("override", output);
    }

    [Fact]
    public void Storage_NothingConfigured_UsesTheLocalAzuriteAndSaysSo()
    {
        using var stderr = new StringWriter();

        var configuration = CliStorage.Configuration(stderr, b => b.Sources.Clear());

        Assert.Equal(CliStorage.LocalDefault, configuration["Storage:ConnectionString"]);
        Assert.Contains("./run.sh", stderr.ToString());
    }

    [Fact]
    public void Storage_Configured_IsKeptWithoutNotice()
    {
        using var stderr = new StringWriter();
        const string Custom = "DefaultEndpointsProtocol=http;AccountName=a;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/a;";

        var configuration = CliStorage.Configuration(stderr, b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = Custom }));

        Assert.Equal(Custom, configuration["Storage:ConnectionString"]);
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task RosterImport_UnknownRole_ListsTheValidRoles()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bpombot-roles-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"{RosterCsv.Header}\n11111111-1111-1111-1111-111111111111,Ani,ani@pom.go.id,bbpom-bandung,kepala,\n");
        try
        {
            var (code, output, error) = await RunAsync("roster", "import", file, "--dry-run");

            Assert.Equal(2, code);
            Assert.Empty(output);
            Assert.Contains("peran 'kepala' tidak dikenal", error);
            foreach (var role in RosterRoles.All)
            {
                Assert.Contains(role, error);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
