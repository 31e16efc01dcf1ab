using System.Net;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Teams.Tests;

/// <summary>The auth matrix against a local OpenID metadata + JWKS endpoint with a test RSA key.</summary>
public sealed class AuthTests : IAsyncLifetime
{
    private TestIdentity identity = null!;
    private BotServer server = null!;

    public async Task InitializeAsync()
    {
        identity = await TestIdentity.StartAsync();
        server = await BotServer.StartAsync(identity.BotSettings(("Bot:AllowedTenants:0", TestIdentity.PlaygroundTenantId)));
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await identity.DisposeAsync();
    }

    private string ServiceUrl => server.Connector.ServiceUrl.ToString();

    [Fact]
    public async Task Post_ValidToken_Returns200AndRepliesWithBearerToken()
    {
        var response = await server.PostCaptureAsync("playground_message_personal", bearer: identity.CreateToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(server.Connector.Requests);
        Assert.Equal("Bearer bot-token", reply.Authorization);
    }

    [Fact]
    public async Task Post_ValidToken_TrustsServiceUrlForLaterProactiveSends()
    {
        var trust = server.Services.GetRequiredService<ServiceUrlTrust>();
        Assert.False(trust.IsTrusted(ServiceUrl));

        await server.PostCaptureAsync("playground_installationUpdate_personal", bearer: identity.CreateToken(ServiceUrl));

        Assert.True(trust.IsTrusted(ServiceUrl));
    }

    [Fact]
    public async Task Post_EntraV2TenantIssuer_IsAcceptedForSingleTenant()
    {
        var token = identity.CreateToken(ServiceUrl, issuer: $"https://login.microsoftonline.com/{TestIdentity.TenantId}/v2.0");

        var response = await server.PostCaptureAsync("playground_installationUpdate_personal", bearer: token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoToken_Returns401()
    {
        var response = await server.PostCaptureAsync("playground_message_personal");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Connector.Requests);
    }

    [Fact]
    public async Task Post_GarbageToken_Returns401()
    {
        var response = await server.PostCaptureAsync("playground_message_personal", bearer: "not.a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownSigningKey_Returns401()
    {
        var token = identity.CreateToken(ServiceUrl, key: TestIdentity.NewKey("rogue-key"));

        var response = await server.PostCaptureAsync("playground_message_personal", bearer: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Connector.Requests);
    }

    [Fact]
    public async Task Post_KnownKidButWrongKeyMaterial_Returns401()
    {
        var token = identity.CreateToken(ServiceUrl, key: TestIdentity.NewKey(identity.Key.KeyId));

        var response = await server.PostCaptureAsync("playground_message_personal", bearer: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WrongAudience_Returns401()
    {
        var token = identity.CreateToken(ServiceUrl, audience: "99999999-9999-9999-9999-999999999999");

        var response = await server.PostCaptureAsync("playground_message_personal", bearer: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://sts.windows.net/ffffffff-ffff-ffff-ffff-ffffffffffff/")]
    [InlineData("https://api.botframework.us")]
    public async Task Post_WrongIssuer_Returns401(string issuer)
    {
        var token = identity.CreateToken(ServiceUrl, issuer: issuer);

        var response = await server.PostCaptureAsync("playground_message_personal", bearer: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ExpiredBeyondSkew_Returns401()
    {
        var token = identity.CreateToken(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10));

        var response = await server.PostCaptureAsync("playground_message_personal", bearer: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ExpiredWithinSkew_Returns200()
    {
        var token = identity.CreateToken(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-2));

        var response = await server.PostCaptureAsync("playground_installationUpdate_personal", bearer: token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimMismatch_Returns401AndDoesNotTrust()
    {
        var token = identity.CreateToken("https://smba.trafficmanager.net/amer/");

        var response = await server.PostCaptureAsync("playground_message_personal", bearer: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Connector.Requests);
        Assert.False(server.Services.GetRequiredService<ServiceUrlTrust>().IsTrusted(ServiceUrl));
    }

    [Fact]
    public async Task Post_DisallowedTenant_Returns403()
    {
        var response = await server.PostCaptureAsync("playground_message_personal", b =>
        {
            b["conversation"]!["tenantId"] = "ffffffff-ffff-ffff-ffff-ffffffffffff";
            b["channelData"]!["tenant"]!["id"] = "ffffffff-ffff-ffff-ffff-ffffffffffff";
        }, bearer: identity.CreateToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(server.Connector.Requests);
    }

    [Fact]
    public async Task Post_TenantOnlyInChannelData_IsChecked()
    {
        var response = await server.PostCaptureAsync("playground_message_personal", b =>
        {
            b["conversation"]!.AsObject().Remove("tenantId");
            b["channelData"]!["tenant"]!["id"] = "ffffffff-ffff-ffff-ffff-ffffffffffff";
        }, bearer: identity.CreateToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_AuthModeFromNonLoopbackCallerWithValidToken_Returns200()
    {
        var body = Captures.Body("playground_installationUpdate_personal");
        body["serviceUrl"] = ServiceUrl;

        var response = await server.PostAsync(body.ToJsonString(), identity.CreateToken(ServiceUrl), remoteIp: "10.1.2.3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ChannelNotEndorsedBySigningKey_Returns401()
    {
        var response = await server.PostCaptureAsync("playground_message_personal", b => b["channelId"] = "webchat",
            bearer: identity.CreateToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Connector.Requests);
    }
}
