using System.Net;
using System.Text;
using BpomBot.Teams.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Tests;

public sealed class BotHostTests
{
    private static async Task<(WebApplication App, HttpClient Http)> StartAsync(params string[] extra)
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Storage:InMemory=true", .. extra]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    [Fact]
    public async Task Build_NoStorageConfigured_FailsNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical"]);
            await using var _ = app;
            await app.StartAsync();
        });

        Assert.Contains("Storage:ConnectionString", ex.Message);
    }

    [Fact]
    public async Task ApiMessages_LocalModeDefaults_AnswersInstallWith200()
    {
        var (app, http) = await StartAsync();
        await using var _ = app;
        var install = """{"type":"installationUpdate","action":"add","id":"i1","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"}}""";

        var response = await http.PostAsync("/api/messages", new StringContent(install, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiMessages_GetMethod_IsNotServed()
    {
        var (app, http) = await StartAsync();
        await using var _ = app;

        var response = await http.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("--Bot:AppId=not-a-guid", "Bot:AppId")]
    [InlineData("--Bot:AppId=11111111-2222-3333-4444-555555555555", "Bot:AppPassword")]
    [InlineData("--Bot:MaxBodyBytes=10", "Bot:MaxBodyBytes")]
    public async Task Build_InvalidBotSettings_FailsNamingTheSetting(string setting, string named)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            var (app, _) = await StartAsync(setting);
            await app.DisposeAsync();
        });

        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public async Task Build_Container_ResolvesRouterWithHelpFallback()
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Storage:InMemory=true"]);
        await using var _ = app;
        using var scope = app.Services.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ActivityRouter>());
        Assert.Contains(scope.ServiceProvider.GetServices<IMessageHandler>(), h => h is HelpMessageHandler);
        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Cli_DefaultServeWithInvalidSetting_ExitsWith2()
    {
        var code = await BpomBot.Host.Cli.CliRoot.RunAsync(["--urls", "http://127.0.0.1:0", "--Storage:InMemory=true", "--Bot:AppId=nope"]);

        Assert.Equal(2, code);
    }
}
