using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace BpomBot.Teams.Connector;

/// <summary>Supplies the bearer token for connector calls; null means "send no Authorization header".</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Client-credentials tokens from MSAL (client secret). Authority is the bot's tenant for single-tenant bots and
/// <c>botframework.com</c> for multi-tenant ones; MSAL's in-memory app cache keeps the token until it nears expiry.
/// In local mode (no app id) no token is sent.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly string[] Scopes = [Scope];
    private readonly IConfidentialClientApplication? app;

    public MsalConnectorTokenProvider(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bot = options.Value;
        if (bot.IsLocalMode)
        {
            return;
        }

        var tenant = bot.AppType == BotAppType.SingleTenant ? bot.TenantId : "botframework.com";
        app = ConfidentialClientApplicationBuilder.Create(bot.AppId)
            .WithClientSecret(bot.AppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}")
            .Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (app is null)
        {
            return null;
        }

        var result = await app.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
