using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Rekap;

/// <summary>
/// Where links to the bot point: Rekap:PublicBaseUrl, or in local mode the loopback address Kestrel listens on.
/// </summary>
public sealed class RekapBaseUrl(IOptions<RekapOptions> options, IServiceProvider services)
{
    public const string LocalFallback = "http://127.0.0.1:3978";

    public string Absolute(string relative) => Base().TrimEnd('/') + relative;

    private string Base()
    {
        if (!string.IsNullOrEmpty(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl;
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return LocalFallback;
        // Kestrel reports wildcard hosts as given; the link must name a host the browser can open.
        return address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
    }
}
