using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Rekap;

/// <summary>
/// What a download link asks for: a file kind, for whom, and the recap's parameters. <see cref="Scope"/> is null for
/// the viewer's own rekap scope (or <see cref="UnitId"/>), or <see cref="RecapStepScope"/> for the rekapitulasi step's
/// recap of every UPT (<c>RekapService.BuildRecapStepAsync</c>).
/// </summary>
public sealed record RekapLink(string Kind, string ViewerId, int Year, string? SubProcess, string? UnitId, DateTimeOffset ExpiresAt, string? Scope = null)
{
    /// <summary>The scope of the A.8/B.8/C.6 step: every UPT of the sub-process's national cycle.</summary>
    public const string RecapStepScope = "upt";

    public const string Workbook = "xlsx";
    public const string ChartByUnit = "chart-unit";
    public const string ChartByStep = "chart-tahap";
}

/// <summary>
/// Signs and checks short-lived download links: HMAC-SHA256 over kind, viewer, year, sub-process, unit, expiry and scope.
/// The link carries no file: the endpoint recomputes the recap for the viewer's current roles, so nothing is stored
/// and a link forwarded to someone else still only works until it expires, and only for the scope of the person it
/// was made for.
/// </summary>
public sealed class RekapLinks
{
    public const string Path = "/rekap/unduh";

    private readonly byte[] key;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan lifetime;

    public RekapLinks(IOptions<RekapOptions> options, TimeProvider timeProvider, string? sharedSecret = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        key = !string.IsNullOrEmpty(value.LinkKey) ? Convert.FromBase64String(value.LinkKey)
            : !string.IsNullOrEmpty(sharedSecret) ? HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(sharedSecret), 32, info: Encoding.ASCII.GetBytes("bpombot-rekap-links"))
            : RandomNumberGenerator.GetBytes(32);
        lifetime = value.LinkLifetime;
        this.timeProvider = timeProvider;
    }

    /// <summary>The relative link (path and query); the caller puts the public base URL in front.</summary>
    public string Create(string kind, string viewerId, int year, string? subProcess, string? unitId, string? scope = null)
    {
        var expires = timeProvider.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var link = new RekapLink(kind, viewerId, year, subProcess, unitId, DateTimeOffset.FromUnixTimeSeconds(expires), scope);
        var query = new StringBuilder(Path)
            .Append("?k=").Append(Uri.EscapeDataString(kind))
            .Append("&v=").Append(Uri.EscapeDataString(viewerId))
            .Append("&y=").Append(year.ToString(CultureInfo.InvariantCulture));
        if (subProcess is not null) query.Append("&s=").Append(Uri.EscapeDataString(subProcess));
        if (unitId is not null) query.Append("&u=").Append(Uri.EscapeDataString(unitId));
        if (scope is not null) query.Append("&c=").Append(Uri.EscapeDataString(scope));
        return query.Append("&e=").Append(expires.ToString(CultureInfo.InvariantCulture))
            .Append("&sig=").Append(Sign(link)).ToString();
    }

    /// <summary>The link's request when its signature is right and it has not expired; otherwise null.</summary>
    public RekapLink? Verify(string? kind, string? viewerId, string? year, string? subProcess, string? unitId, string? expires, string? signature, string? scope = null)
    {
        if (kind is null || viewerId is null || signature is null
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var e))
        {
            return null;
        }

        var link = new RekapLink(kind, viewerId, y, NullIfEmpty(subProcess), NullIfEmpty(unitId), DateTimeOffset.FromUnixTimeSeconds(e), NullIfEmpty(scope));
        var expected = Encoding.ASCII.GetBytes(Sign(link));
        var given = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return null;
        return link.ExpiresAt > timeProvider.GetUtcNow() ? link : null;
    }

    private string Sign(RekapLink link)
    {
        var canonical = string.Join('\n', link.Kind, link.ViewerId, link.Year.ToString(CultureInfo.InvariantCulture),
            link.SubProcess ?? string.Empty, link.UnitId ?? string.Empty, link.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            + (link.Scope is null ? string.Empty : "\n" + link.Scope); // signed too: a link of one's own scope cannot be turned into the step's
        return Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
