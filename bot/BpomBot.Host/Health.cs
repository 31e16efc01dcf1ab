using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BpomBot.Host;

/// <summary>
/// <c>GET /healthz</c>: liveness plus the health checks tagged <see cref="StorageTag"/>. Storage registers its own
/// check named <see cref="StorageCheckName"/> (<c>AddHealthChecks().AddCheck&lt;T&gt;("storage", tags: ["storage"])</c>);
/// until it does, a placeholder reports "storage not configured" as Degraded.
/// </summary>
internal static class Health
{
    public const string StorageCheckName = "storage";
    public const string StorageTag = "storage";

    public static IServiceCollection AddBpomHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        services.PostConfigure<HealthCheckServiceOptions>(o =>
        {
            if (!o.Registrations.Any(r => r.Name == StorageCheckName))
            {
                o.Registrations.Add(new HealthCheckRegistration(
                    StorageCheckName, _ => new StorageNotConfiguredCheck(), HealthStatus.Degraded, [StorageTag]));
            }
        });
        return services;
    }

    public static IEndpointConventionBuilder MapBpomHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            live = true,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }

    private sealed class StorageNotConfiguredCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Degraded("storage not configured"));
    }
}
