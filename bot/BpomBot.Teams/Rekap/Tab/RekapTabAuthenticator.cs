using System.Globalization;
using BpomBot.Teams.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BpomBot.Teams.Rekap.Tab;

/// <summary>
/// Who is looking at the dashboard tab. Production: the Teams SSO token the tab gets from
/// <c>microsoftTeams.authentication.getAuthToken()</c>, sent as a bearer token, validated against the Entra tenant's
/// keys (issuer = the tenant, audience = Rekap:TabAudience, lifetime); the person is its <c>oid</c>. Local mode: loopback
/// callers only, as the bot endpoint, and the person is named by the <c>X-BpomBot-User</c> header (a roster id).
/// </summary>
public sealed class RekapTabAuthenticator
{
    public const string LocalUserHeader = "X-BpomBot-User";

    private readonly BotOptions bot;
    private readonly RekapOptions rekap;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? keys;

    public RekapTabAuthenticator(IOptions<BotOptions> bot, IOptions<RekapOptions> rekap, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(rekap);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        this.bot = bot.Value;
        this.rekap = rekap.Value;
        if (!this.bot.IsLocalMode && !string.IsNullOrWhiteSpace(this.bot.TenantId))
        {
            var metadata = string.Format(CultureInfo.InvariantCulture, this.bot.EntraOpenIdMetadataUrlFormat, this.bot.TenantId);
            keys = new ConfigurationManager<OpenIdConnectConfiguration>(metadata, new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(httpClientFactory.CreateClient()) { RequireHttps = !IsLoopback(metadata) });
        }
    }

    /// <summary>As the bot's own token check: https for the tenant's metadata, except a loopback address (test key servers).</summary>
    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>The person's roster id (Entra object id), or null: answer 401.</summary>
    public async Task<string?> AuthenticateAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (bot.IsLocalMode)
        {
            var loopback = http.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip);
            var user = http.Request.Headers[LocalUserHeader].ToString();
            return loopback && user.Length > 0 ? user : null;
        }

        const string prefix = "Bearer ";
        var header = http.Request.Headers.Authorization.ToString();
        if (keys is null || string.IsNullOrEmpty(rekap.TabAudience) || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var raw = header[prefix.Length..].Trim();
        try
        {
            _ = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return null; // not a JWT at all
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await keys.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return null; // the tenant's keys cannot be fetched: nobody can be authenticated now
        }

        var result = await handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            ValidIssuers = [$"https://login.microsoftonline.com/{bot.TenantId}/v2.0", $"https://sts.windows.net/{bot.TenantId}/"],
            ValidAudiences = [rekap.TabAudience],
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
        return result.IsValid && result.Claims.TryGetValue("oid", out var oid) && oid is string id && id.Length > 0 ? id : null;
    }
}
