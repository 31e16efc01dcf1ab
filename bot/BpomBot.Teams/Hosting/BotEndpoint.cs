using System.Text.Json;
using BpomBot.Teams.Auth;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: size limit, authentication, parsing, then the turn (<see cref="TurnRunner"/>); the answer
/// (200, or the invoke body) goes back only once the turn's state is committed. Never answers 500.
/// </summary>
public static class BotEndpoint
{
    public const string Path = "/api/messages";

    public static IEndpointConventionBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string path = Path)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
        if (options.IsLocalMode)
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint)).RunningUnauthenticated();
        }

        return endpoints.MapPost(path, HandleAsync);
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<BotOptions> botOptions,
        BotAuthenticator authenticator,
        ServiceUrlTrust trust,
        TurnRunner runner,
        ILogger<ActivityRouter> logger)
    {
        var options = botOptions.Value;
        var aborted = http.RequestAborted;

        if (http.Request.ContentLength > options.MaxBodyBytes)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        BotCaller? caller = null;
        if (options.IsLocalMode)
        {
            if (http.Connection.RemoteIpAddress is not { } ip || !System.Net.IPAddress.IsLoopback(ip))
            {
                return Refuse(logger, StatusCodes.Status401Unauthorized, "local mode accepts loopback callers only");
            }
        }
        else
        {
            caller = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), aborted);
            if (caller is null)
            {
                return Refuse(logger, StatusCodes.Status401Unauthorized, "missing or invalid token");
            }
        }

        var body = await ReadBodyAsync(http.Request, options.MaxBodyBytes, aborted);
        if (body is null)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, "malformed JSON");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, "activity type is missing");
        }

        if (caller is not null)
        {
            if (caller.ServiceUrl is null || activity.ServiceUrl is null
                || !string.Equals(caller.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return Refuse(logger, StatusCodes.Status401Unauthorized, "serviceurl claim does not match the activity");
            }

            if (!caller.IsEndorsedFor(activity.ChannelId))
            {
                return Refuse(logger, StatusCodes.Status401Unauthorized, "signing key not endorsed for the channel");
            }

            if (options.AllowedTenants.Count > 0
                && (activity.TenantId is not { } tenant || !options.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
            {
                return Refuse(logger, StatusCodes.Status403Forbidden, "tenant not allowed");
            }

            trust.Trust(activity.ServiceUrl);
        }

        // Queue-first ingress (Ingress:Mode=Queue, docs/ingress.md): the 202 means the activity is stored; a worker runs it.
        if (http.RequestServices.GetService<IActivityQueue>() is { } queue && await queue.TryEnqueueAsync(activity, body, CancellationToken.None))
        {
            return Results.Accepted();
        }

        // Acknowledge only after the turn: a crash before the 200 makes the channel deliver again, and the turn
        // ledger makes that redelivery harmless. A caller hanging up does not cancel the turn.
        var invoke = await runner.RunAsync(activity, CancellationToken.None);
        if (activity.Type != ActivityTypes.Invoke)
        {
            return Results.Ok();
        }

        return invoke is not null
            ? Results.Json(invoke, BotJson.Options)
            : Results.StatusCode(StatusCodes.Status501NotImplemented);
    }

    private static IResult Refuse(ILogger logger, int statusCode, string reason)
    {
        logger.RequestRefused(statusCode, reason);
        return Results.Text(reason, "text/plain", statusCode: statusCode);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
