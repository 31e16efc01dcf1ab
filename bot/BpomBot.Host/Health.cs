using System.Text.Json;
using BpomBot.Host.Options;
using BpomBot.Storage;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BpomBot.Host;

/// <summary>
/// <c>GET /healthz</c>: liveness. Always 200 while the process answers; the body also reports whether storage is
/// reachable (issue 2), so an operator sees it without the probe restarting a live instance over a storage outage.
/// <c>GET /readyz</c>: readiness, every registered check ("storage" from the storage layer, "configuration" from here); 503 when not ready.
/// </summary>
internal static class Health
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    private const string StorageCheckName = "storage";

    public static IServiceCollection AddBpomHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ConfigurationHealthCheck>("configuration");
        return services;
    }

    public static IEndpointRouteBuilder MapBpomHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = r => r.Name == StorageCheckName,
            ResultStatusCodes = { [HealthStatus.Degraded] = 200, [HealthStatus.Unhealthy] = 200 },
            ResponseWriter = WriteAsync,
        });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    public static bool IsHealthPath(PathString path) => path.StartsWithSegments(LivePath) || path.StartsWithSegments(ReadyPath);

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}

/// <summary>
/// "configuration": the current settings still pass validation. Start-up validation stops a bad start; this catches a
/// settings reload that made them invalid afterwards (the failure names the setting).
/// </summary>
internal sealed class ConfigurationHealthCheck(
    IOptionsMonitor<BotOptions> bot,
    IOptionsMonitor<ConnectorOptions> connector,
    IOptionsMonitor<StorageOptions> storage,
    IOptionsMonitor<ObservabilityOptions> observability) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        Read(() => bot.CurrentValue, failures);
        Read(() => connector.CurrentValue, failures);
        Read(() => storage.CurrentValue, failures);
        Read(() => observability.CurrentValue, failures);
        return Task.FromResult(failures.Count == 0
            ? HealthCheckResult.Healthy("Settings valid.")
            : HealthCheckResult.Unhealthy(string.Join(" ", failures)));
    }

    private static void Read(Func<object> value, List<string> failures)
    {
        try
        {
            _ = value();
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
        catch (InvalidOperationException ex)
        {
            // The binder cannot convert a value (e.g. an unknown enum name); its message names the setting.
            failures.Add(ex.Message);
        }
    }
}
