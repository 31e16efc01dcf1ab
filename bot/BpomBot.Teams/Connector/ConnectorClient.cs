using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BpomBot.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Connector;

/// <summary>Retry policy of connector calls: bounded exponential backoff that honours <c>Retry-After</c>.</summary>
public sealed class ConnectorOptions
{
    public int MaxRetries { get; set; } = 3;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The Bot Connector REST client over <see cref="HttpClient"/> (named client <see cref="HttpClientName"/>).</summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokens,
    ServiceUrlTrust trust,
    TimeProvider timeProvider,
    IOptions<ConnectorOptions> options,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public const string HttpClientName = "BpomBot.Connector";

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ReplyToId ??= activityId;
        return SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, cancellationToken);
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", null, cancellationToken);

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);

    private static string Esc(string id) => Uri.EscapeDataString(id ?? throw new ArgumentNullException(nameof(id)));

    private async Task<T> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken)
        where T : new()
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        if (!trust.IsTrusted(serviceUrl))
        {
            var host = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var u) ? u.Host : "(invalid)";
            logger.UntrustedServiceUrl(host);
            throw new ConnectorException($"serviceUrl host '{host}' is not trusted.");
        }

        var uri = new Uri(serviceUrl.TrimEnd('/') + "/" + path);
        var client = httpClientFactory.CreateClient(HttpClientName);
        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options);
            }

            if (await tokens.GetTokenAsync(cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return string.IsNullOrWhiteSpace(text)
                    ? new T()
                    : System.Text.Json.JsonSerializer.Deserialize<T>(text, BotJson.Options) ?? new T();
            }

            var status = (int)response.StatusCode;
            if (!IsTransient(response.StatusCode) || attempt >= settings.MaxRetries)
            {
                var error = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new ConnectorException($"{method} {uri.AbsolutePath} failed with {status}.", status, error);
            }

            var delay = RetryDelay(response, attempt, settings);
            logger.ConnectorRetry(method.Method, uri.AbsolutePath, status, attempt + 1, delay);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            or HttpStatusCode.InternalServerError;

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt, ConnectorOptions settings)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? requested = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        var backoff = TimeSpan.FromTicks(settings.BaseDelay.Ticks * (1L << Math.Min(attempt, 16)));
        var delay = requested ?? backoff;
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > settings.MaxDelay ? settings.MaxDelay : delay;
    }
}
