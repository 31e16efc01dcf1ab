namespace BpomBot.Teams.Hosting;

public enum BotAppType
{
    SingleTenant,
    MultiTenant,
}

/// <summary>Settings of section <c>Bot</c>. An empty <see cref="AppId"/> means local mode (loopback callers only, no auth).</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraMetadataUrlFormat = "https://login.microsoftonline.com/{0}/v2.0/.well-known/openid-configuration";

    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    public string? TenantId { get; set; }
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Metadata of the Entra tenant issuers; <c>{0}</c> is the tenant id.</summary>
    public string EntraOpenIdMetadataUrlFormat { get; set; } = DefaultEntraMetadataUrlFormat;

    /// <summary>When non-empty, activities from other tenants are refused with 403.</summary>
    public IList<string> AllowedTenants { get; set; } = [];

    public long MaxBodyBytes { get; set; } = 256 * 1024;

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>Returns the problems of this configuration, each naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            yield return "Bot:MaxBodyBytes must be between 1024 and 4194304.";
        }

        if (!Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out _))
        {
            yield return "Bot:OpenIdMetadataUrl must be an absolute URL.";
        }

        if (IsLocalMode)
        {
            yield break;
        }

        if (!Guid.TryParse(AppId, out _))
        {
            yield return "Bot:AppId must be the bot's Microsoft App ID (a GUID).";
        }

        if (string.IsNullOrWhiteSpace(AppPassword))
        {
            yield return "Bot:AppPassword is required when Bot:AppId is set.";
        }

        if (AppType == BotAppType.SingleTenant && !Guid.TryParse(TenantId, out _))
        {
            yield return "Bot:TenantId must be the Entra tenant id (a GUID) when Bot:AppType is SingleTenant.";
        }
    }
}
