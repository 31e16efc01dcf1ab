using BpomBot.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace BpomBot.Host.Tests.Cli;

public sealed class CalendarOverrideCommandTests
{
    private static Action<IConfigurationBuilder> InMemory => b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:InMemory"] = "true" });

    private static async Task<(int Code, string Out, string Err)> RunAsync(CalendarOverrideCommand.Request request)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CalendarOverrideCommand.RunAsync(request, stdout, stderr, InMemory, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Override_UnitClosure_IsStoredAndReported()
    {
        var (code, output, error) = await RunAsync(new("2026-07-20", Libur: true, Kerja: false, "bbpom-medan", "banjir", "admin@pom.go.id", List: false));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("2026-07-20 bukan hari kerja (bbpom-medan)", output);
    }

    [Theory]
    [InlineData("2026-02-31", true, false, "x", "y", "tanggal tidak valid")]
    [InlineData("2026-07-20", true, true, "x", "y", "--libur atau --kerja")]
    [InlineData("2026-07-20", true, false, "", "y", "--alasan dan --oleh wajib")]
    [InlineData("2028-01-03", true, false, "x", "y", "kalender HK tahun 2028 belum tersedia")]
    public async Task Override_BadInput_Exits2WithReason(string date, bool libur, bool kerja, string reason, string by, string expected)
    {
        var (code, output, error) = await RunAsync(new(date, libur, kerja, null, reason, by, List: false));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Override_UnknownUnit_Exits2NamingIt()
    {
        var (code, _, error) = await RunAsync(new("2026-07-20", true, false, "balai-tidak-ada", "banjir", "admin", false));

        Assert.Equal(2, code);
        Assert.Contains("balai-tidak-ada", error);
    }
}
