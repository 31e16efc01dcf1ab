using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace BpomBot.Teams.Connector;

/// <summary>Retry policy of connector calls (section <c>Bot:Connector</c>).</summary>
public sealed class ConnectorOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff step (doubles per retry, with jitter) when the connector sends no Retry-After.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, also for a longer Retry-After.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One attempt's limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts and waits together; a turn holds the channel's request while it sends, so keep this short.</summary>
    public TimeSpan TotalBudget { get; set; } = TimeSpan.FromSeconds(25);
}

/// <summary>The one connector HTTP client: Microsoft.Extensions.Http.Resilience around the trust + token handler.</summary>
public static class ConnectorHttp
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/> over the named client <see cref="ConnectorClient.HttpClientName"/>:
    /// a total budget, retries of 408/412/429/5xx and network failures (a POST only when it never left: see IsTransient; Retry-After honoured, else exponential
    /// backoff with jitter, each wait capped), a per-attempt timeout, and innermost <see cref="ConnectorHttpHandler"/>.
    /// </summary>
    public static IServiceCollection AddBpomConnectorClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<ConnectorHttpHandler>();
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("connector", static (builder, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ConnectorClient>();
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                builder.TimeProvider = time;
                builder.AddTimeout(settings.TotalBudget);
                if (settings.MaxRetries < 1)
                {
                    builder.AddTimeout(settings.AttemptTimeout);
                    return;
                }

                builder
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = settings.BaseDelay,
                        MaxDelay = settings.MaxDelay,
                        ShouldRetryAfterHeader = false, // read below, so that a long Retry-After is capped too
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.GetRequestMessage()?.Method)),
                        DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, settings.MaxDelay, time)),
                        OnRetry = args =>
                        {
                            var request = args.Outcome.Result?.RequestMessage;
                            logger.ConnectorRetry(request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                                (int?)args.Outcome.Result?.StatusCode ?? 0, args.AttemptNumber + 1, args.RetryDelay);
                            return default;
                        },
                    })
                    .AddTimeout(settings.AttemptTimeout);
            })
            .Services.AddHttpClient(ConnectorClient.HttpClientName)
            .AddHttpMessageHandler<ConnectorHttpHandler>();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        return services;
    }

    /// <summary>
    /// Whether a failed attempt is tried again. A POST creates a message: after an attempt timeout or a connection lost
    /// once the request may have gone out, the channel may already have posted it, and posting again would show it twice,
    /// so only a request that certainly never left (no connection, no name, no TLS) is retried; the caller's outbox or
    /// lease decides about the rest. PUT and DELETE are idempotent and retried on every network failure.
    /// </summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, HttpMethod? method) =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
        || (method != HttpMethod.Post && outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        || outcome.Result?.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The connector's Retry-After capped at <paramref name="max"/>; null (backoff with jitter) when it gave none.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max, TimeProvider time)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var requested = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        if (requested is not { } wait)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}
