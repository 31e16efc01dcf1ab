using System.Collections.Concurrent;
using System.Globalization;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BpomBot.Teams.Auth;

/// <summary>
/// What a validated inbound token says that must be checked against the activity body: the <c>serviceurl</c>
/// claim, and the channel ids endorsed for the signing key (empty when the key carries no endorsements).
/// </summary>
public sealed record BotCaller(string? ServiceUrl, IReadOnlyCollection<string> Endorsements)
{
    /// <summary>True when the signing key has no endorsements or endorses <paramref name="channelId"/>.</summary>
    public bool IsEndorsedFor(string? channelId) =>
        Endorsements.Count == 0 || (channelId is not null && Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// Validates the Bot Framework bearer token of an inbound request (protocol.md §2): signature with keys from the
/// OpenID metadata (cached and refreshed by <see cref="ConfigurationManager{T}"/>), issuer, audience = app id,
/// lifetime with 5 minutes of skew. The <c>serviceurl</c> claim is returned for comparison with the activity.
/// </summary>
public sealed class BotAuthenticator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotOptions options;
    private readonly IHttpClientFactory httpClientFactory;
    private readonly ILogger<BotAuthenticator> logger;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> managers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> metadataByIssuer = new(StringComparer.OrdinalIgnoreCase);

    public BotAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, ILogger<BotAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.httpClientFactory = httpClientFactory;
        this.logger = logger;
        metadataByIssuer[BotFrameworkIssuer] = this.options.OpenIdMetadataUrl;
        if (this.options.AppType == BotAppType.SingleTenant && !string.IsNullOrWhiteSpace(this.options.TenantId))
        {
            var tid = this.options.TenantId;
            var entra = string.Format(CultureInfo.InvariantCulture, this.options.EntraOpenIdMetadataUrlFormat, tid);
            metadataByIssuer[$"https://sts.windows.net/{tid}/"] = entra;
            metadataByIssuer[$"https://login.microsoftonline.com/{tid}/v2.0"] = entra;
        }
    }

    /// <summary>Returns the caller when the <c>Authorization</c> header holds a valid token, else null (answer 401).</summary>
    public async Task<BotCaller?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        const string prefix = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            logger.TokenRefused("no bearer token");
            return null;
        }

        var raw = authorizationHeader[prefix.Length..].Trim();
        string issuer;
        try
        {
            issuer = new JsonWebToken(raw).Issuer;
        }
        catch (ArgumentException)
        {
            logger.TokenRefused("malformed token");
            return null;
        }

        if (!metadataByIssuer.TryGetValue(issuer, out var metadataUrl))
        {
            logger.TokenRefused("issuer not accepted");
            return null;
        }

        var manager = managers.GetOrAdd(metadataUrl, CreateManager);
        var (result, configuration) = await ValidateAsync(raw, issuer, manager, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // An unknown kid may mean the keys rolled over: refresh the metadata once and retry.
            manager.RequestRefresh();
            (result, configuration) = await ValidateAsync(raw, issuer, manager, cancellationToken);
        }

        if (!result.IsValid)
        {
            logger.TokenRefused(result.Exception?.GetType().Name ?? "invalid token");
            return null;
        }

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        return new BotCaller(serviceUrl, Endorsements(configuration, (result.SecurityToken as JsonWebToken)?.Kid));
    }

    /// <summary>The <c>endorsements</c> array that the Bot Framework keys document adds to each key (protocol.md §2.1 step 7).</summary>
    private static string[] Endorsements(OpenIdConnectConfiguration? configuration, string? kid)
    {
        var key = configuration?.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Select(e => e.GetString()).OfType<string>()],
            IEnumerable<object> items => [.. items.Select(i => i?.ToString()).OfType<string>()],
            _ => [],
        };
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration? Configuration)> ValidateAsync(
        string token, string issuer, ConfigurationManager<OpenIdConnectConfiguration> manager, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return (new TokenValidationResult { IsValid = false, Exception = ex }, null);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
        };
        return (await handler.ValidateTokenAsync(token, parameters), configuration);
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string metadataUrl)
    {
        var requireHttps = !(Uri.TryCreate(metadataUrl, UriKind.Absolute, out var uri) && uri.IsLoopback);
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(nameof(BotAuthenticator))) { RequireHttps = requireHttps };
        return new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }
}
