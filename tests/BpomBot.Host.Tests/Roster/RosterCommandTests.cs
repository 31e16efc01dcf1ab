using BpomBot.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace BpomBot.Host.Tests.Roster;

public sealed class RosterCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bpombot-roster-");

    public void Dispose() => _dir.Delete(recursive: true);

    private FileInfo Write(string text)
    {
        var path = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        return new FileInfo(path);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(FileInfo file, bool dryRun = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await RosterCommand.ImportAsync(file, dryRun, stdout, stderr,
            b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:InMemory"] = "true" }), CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Import_BadRows_Exit2_EveryLineOnStderr_NothingOnStdout()
    {
        var (code, stdout, stderr) = await RunAsync(Write("""
            aad_object_id,name,email,unit_id,roles
            11111111-1111-1111-1111-111111111111,Ani,ani@pom.go.id,bbpom-bandung,pelaksana
            xyz,Budi,budi@pom.go.id,bbpom-bandung,pelaksana
            22222222-2222-2222-2222-222222222222,Cici,cici@pom.go.id,bbpom-nowhere,raja
            """));

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("baris 3:", stderr);
        Assert.Contains("baris 4:", stderr);
        Assert.DoesNotContain("baris 2:", stderr);
    }

    [Fact]
    public async Task Import_ValidFile_StoresAndReportsCounts()
    {
        var file = Write("""
            aad_object_id,name,email,unit_id,roles
            11111111-1111-1111-1111-111111111111,Ani,ani@pom.go.id,bbpom-bandung,pelaksana
            22222222-2222-2222-2222-222222222222,Budi,budi@pom.go.id,bbpom-bandung,kepala upt;admin
            """);

        Assert.Equal((0, "Valid: 2 orang siap diimpor (tidak disimpan karena --dry-run)."), ((await RunAsync(file, dryRun: true)).Code, (await RunAsync(file, dryRun: true)).Out.Trim()));
        var (code, stdout, stderr) = await RunAsync(file);
        Assert.Equal((0, "Roster diimpor: 2 orang baru, 0 diperbarui.", ""), (code, stdout.Trim(), stderr));
    }

    [Fact]
    public async Task Import_MissingFile_Exit2()
    {
        var (code, _, stderr) = await RunAsync(new FileInfo(Path.Combine(_dir.FullName, "tidak-ada.csv")));
        Assert.Equal(2, code);
        Assert.Contains("tidak ditemukan", stderr);
    }
}
