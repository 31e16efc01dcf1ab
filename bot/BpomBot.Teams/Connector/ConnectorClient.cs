using System.Net.Http.Json;
using System.Text.Json;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST client: builds the calls and reads the answers. Retries (Retry-After, jittered backoff, a
/// total budget), the trusted-serviceUrl check and the token live in the named HttpClient's pipeline
/// (<see cref="ConnectorHttp.AddBpomConnectorClient"/>), shared by replies and proactive sends.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpClientFactory, TimeProvider timeProvider) : IConnectorClient
{
    public const string HttpClientName = "BpomBot.Connector";

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ReplyToId ??= activityId;
        return SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, cancellationToken);
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", null, cancellationToken);

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);

    private static string Esc(string id) => Uri.EscapeDataString(id ?? throw new ArgumentNullException(nameof(id)));

    private async Task<ResourceResponse> SendAsync(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        if (!Uri.TryCreate(serviceUrl.TrimEnd('/') + "/" + path, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConnectorException("serviceUrl is not an http(s) address.");
        }

        using var request = new HttpRequestMessage(method, uri);
        request.Options.Set(ConnectorHttpHandler.ServiceUrl, serviceUrl);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options);
        }

        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return string.IsNullOrWhiteSpace(text) ? new ResourceResponse() : JsonSerializer.Deserialize<ResourceResponse>(text, BotJson.Options) ?? new ResourceResponse();
        }

        var retryAfter = response.Headers.RetryAfter is { } ra ? ra.Delta ?? (ra.Date is { } date ? date - timeProvider.GetUtcNow() : null) : null;
        throw new ConnectorException($"{method} {uri.AbsolutePath} failed with {(int)response.StatusCode}.", (int)response.StatusCode, text) { RetryAfter = retryAfter };
    }
}
