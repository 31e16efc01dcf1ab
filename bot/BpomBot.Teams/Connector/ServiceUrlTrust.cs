using System.Collections.Concurrent;
using System.Net;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Connector;

/// <summary>
/// The serviceUrls the bot may call (and send its token to): those seen on authenticated inbound activities,
/// plus loopback URLs in local mode. Storage may re-trust persisted serviceUrls at start-up via <see cref="Trust"/>.
/// </summary>
public sealed class ServiceUrlTrust(IOptions<BotOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> trusted = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl)
    {
        if (Normalise(serviceUrl) is { } key)
        {
            trusted.TryAdd(key, 0);
        }
    }

    public bool IsTrusted(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        if (options.Value.IsLocalMode && IsLoopback(uri))
        {
            return true;
        }

        return Normalise(serviceUrl) is { } key && trusted.ContainsKey(key);
    }

    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static string? Normalise(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/') : null;
}
