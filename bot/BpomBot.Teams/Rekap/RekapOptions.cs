namespace BpomBot.Teams.Rekap;

/// <summary>Settings of section <c>Rekap</c>: how download links for the recap workbook and chart are signed.</summary>
public sealed class RekapOptions
{
    public const string Section = "Rekap";

    /// <summary>
    /// HMAC-SHA256 key for download links, base64, at least 32 bytes. Required outside local mode (every instance must
    /// share it); in local mode a random key per process is used when empty.
    /// </summary>
    public string? LinkKey { get; set; }

    /// <summary>How long a download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The bot's public base URL (https://…) for links; empty in local mode means the address Kestrel listens on.</summary>
    public string? PublicBaseUrl { get; set; }

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

        if (localMode)
        {
            yield break;
        }

        if (string.IsNullOrEmpty(LinkKey))
        {
            yield return "Rekap:LinkKey is required when Bot:AppId is set (base64 of at least 32 random bytes, the same on every instance).";
        }

        if (string.IsNullOrEmpty(PublicBaseUrl) || !PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return "Rekap:PublicBaseUrl is required when Bot:AppId is set and must start with https://.";
        }
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var n) && n >= 32;
    }
}
