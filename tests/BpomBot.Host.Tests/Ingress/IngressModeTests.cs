using BpomBot.Teams.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Tests.Ingress;

/// <summary>Ingress:Mode: Direct (the default) adds nothing to the endpoint's path; Queue needs real storage and sane settings.</summary>
public sealed class IngressModeTests
{
    [Fact]
    public async Task Default_IsDirect_NoQueueForTheEndpoint()
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Storage:InMemory=true"]);
        await using var _ = app;

        Assert.Null(app.Services.GetService<IActivityQueue>());
    }

    [Theory]
    [InlineData("--Storage:InMemory=true", "Storage:InMemory")]
    [InlineData("--Ingress:MaxDequeueCount=0", "Ingress:MaxDequeueCount")]
    [InlineData("--Ingress:QueueName=Not_A_Queue", "Ingress:QueueName")]
    public async Task QueueMode_WithBadSettings_RefusesToStart_NamingTheSetting(string setting, string named)
    {
        var app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical", "--Ingress:Mode=Queue",
            "--Storage:ConnectionString=UseDevelopmentStorage=true", setting,
        ]);
        await using var _ = app;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
