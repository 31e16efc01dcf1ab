using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Connector;

/// <summary>
/// The connector client's inner handler, run for every attempt: refuses untrusted serviceUrls before anything is sent
/// (so the bot's token never leaves for a host it does not trust), then adds a fresh bearer token.
/// </summary>
public sealed class ConnectorHttpHandler(IConnectorTokenProvider tokens, ServiceUrlTrust trust, ILogger<ConnectorHttpHandler> logger) : DelegatingHandler
{
    /// <summary>The serviceUrl a request goes to (the trust decision is made on it, not on the full path).</summary>
    public static readonly HttpRequestOptionsKey<string> ServiceUrl = new("BpomBot.Connector.ServiceUrl");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(ServiceUrl, out var serviceUrl) || !trust.IsTrusted(serviceUrl))
        {
            var host = request.RequestUri?.Host ?? "(none)";
            logger.UntrustedServiceUrl(host);
            throw new ConnectorException($"serviceUrl host '{host}' is not trusted.");
        }

        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
