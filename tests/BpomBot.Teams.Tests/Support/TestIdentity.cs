using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BpomBot.Teams.Tests.Support;

/// <summary>A local OpenID metadata + JWKS endpoint with a test RSA key, and a token factory.</summary>
public sealed class TestIdentity : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    /// <summary>The (not GUID-shaped) tenant id of the Playground captures.</summary>
    public const string PlaygroundTenantId = "00000000-0000-0000-0000-0000000000001";

    private readonly WebApplication app;

    private TestIdentity(WebApplication app, Uri root, RsaSecurityKey key)
    {
        this.app = app;
        Root = root;
        Key = key;
    }

    public Uri Root { get; }

    public RsaSecurityKey Key { get; }

    public string MetadataUrl => new Uri(Root, "botframework/openidconfiguration").ToString();

    public string EntraMetadataFormat => Root + "{0}/v2.0/.well-known/openid-configuration";

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public static async Task<TestIdentity> StartAsync()
    {
        var key = NewKey("test-key-1");
        var app = KestrelApp.CreateBuilder().Build();
        Uri? root = null;
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        var jwks = new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E, endorsements = new[] { "msteams" } } } };
        app.MapGet("/botframework/openidconfiguration", () => Results.Json(new
        {
            issuer = "https://api.botframework.com",
            jwks_uri = new Uri(root!, "keys").ToString(),
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new
        {
            issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
            jwks_uri = new Uri(root!, "keys").ToString(),
        }));
        app.MapGet("/keys", () => Results.Json(jwks));
        root = await app.StartOnLoopbackAsync();
        return new TestIdentity(app, root, key);
    }

    public Dictionary<string, string?> BotSettings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AppPassword"] = "not-used-in-tests",
            ["Bot:TenantId"] = TenantId,
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:OpenIdMetadataUrl"] = MetadataUrl,
            ["Bot:EntraOpenIdMetadataUrlFormat"] = EntraMetadataFormat,
        };
        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }

        return settings;
    }

    public string CreateToken(
        string serviceUrl,
        string issuer = "https://api.botframework.com",
        string audience = AppId,
        SecurityKey? key = null,
        DateTime? expires = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = exp.AddHours(-1),
            IssuedAt = exp.AddHours(-1),
            Expires = exp,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
