using System.CommandLine;
using BpomBot.Host.Cli;

namespace BpomBot.Host.Tests.Operations;

public sealed class ServeSettingsTests
{
    [Theory]
    [InlineData("--Observability:OtlpEndpoint=not a url", "Observability:OtlpEndpoint")]
    [InlineData("--Observability:OtlpEndpoint=ftp://127.0.0.1/", "Observability:OtlpEndpoint")]
    [InlineData("--Observability:OtlpProtocol=thrift", "Observability:OtlpProtocol")]
    [InlineData("--Bot:MaxBodyBytes=10", "Bot:MaxBodyBytes")]
    [InlineData("--Bot:AppType=UserAssignedMSI", "Bot:AppType")]
    public async Task Serve_BadSetting_Exits2NamingTheSetting(string setting, string named)
    {
        var (code, stderr) = await ServeAsync("--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=None", "--Storage:InMemory=true", setting);

        Assert.Equal(2, code);
        Assert.Contains("invalid setting", stderr);
        Assert.Contains(named, stderr);
    }

    private static async Task<(int Code, string Stderr)> ServeAsync(params string[] args)
    {
        var root = new RootCommand { ServeCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await root.Parse(["serve", .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stderr.ToString());
    }
}
