namespace BpomBot.Teams.Rekap;

/// <summary>Settings of section <c>Rekap</c>: how download links for the recap workbook and chart are signed.</summary>
public sealed class RekapOptions
{
    public const string Section = "Rekap";

    /// <summary>
    /// HMAC-SHA256 key for download links, base64, at least 32 bytes, the same on every instance. Empty: derived from
    /// Bot:AppPassword (HKDF), which every instance shares; in local mode (no password) a random key per process.
    /// </summary>
    public string? LinkKey { get; set; }

    /// <summary>How long a download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The bot's public base URL (https://…) for links. Empty: the address Kestrel listens on (right in local mode; set it in Azure).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Audience of the dashboard tab's Teams SSO token: the Application ID URI of the app registration
    /// (api://&lt;host&gt;/&lt;bot app id&gt;), as in the manifest's webApplicationInfo.resource. Empty: the tab answers 401 outside local mode.
    /// </summary>
    public string? TabAudience { get; set; }

    public IEnumerable<string> Validate(bool localMode)
    {
        if (LinkLifetime <= TimeSpan.Zero || LinkLifetime > TimeSpan.FromDays(1))
        {
            yield return "Rekap:LinkLifetime must be between 00:00:01 and 1.00:00:00.";
        }

        if (!string.IsNullOrEmpty(LinkKey) && !IsKey(LinkKey))
        {
            yield return "Rekap:LinkKey must be base64 of at least 32 bytes.";
        }

        if (!string.IsNullOrEmpty(PublicBaseUrl) && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
        {
            yield return "Rekap:PublicBaseUrl must be an absolute URL.";
        }

        if (!localMode && !string.IsNullOrEmpty(PublicBaseUrl) && !PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return "Rekap:PublicBaseUrl must start with https:// when Bot:AppId is set.";
        }
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var n) && n >= 32;
    }
}
