using BpomBot.Domain.Telemetry;
using BpomBot.Host.Options;
using BpomBot.Storage.Tables.Client;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BpomBot.Host.Observability;

/// <summary>
/// OpenTelemetry traces, metrics and logs over OTLP, switched on by an endpoint (Observability:OtlpEndpoint or
/// OTEL_EXPORTER_OTLP_ENDPOINT). Sources: the bot's own <see cref="BpomTelemetry"/>, storage, ASP.NET Core and HttpClient.
/// </summary>
internal static class Telemetry
{
    /// <summary>Meters and activity sources the host exports.</summary>
    public static readonly string[] Sources = [BpomTelemetry.Name, StorageRoundTrips.MeterName];

    public static IServiceCollection AddBpomObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>()
            .Bind(configuration.GetSection(ObservabilityOptions.Section))
            .PostConfigure(o => o.ApplyStandardVariables(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidator>();

        // Registration needs the values now; an invalid value registers nothing and start-up validation reports it.
        var options = ObservabilityOptions.Read(configuration);
        if (options.OtlpEndpoint is null || options.Validate().Any())
        {
            return services;
        }

        var protocol = options.OtlpProtocol == ObservabilityOptions.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName!))
            .WithTracing(tracing => tracing
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !Health.IsHealthPath(http.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(Sources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(_ => { }, logging => logging.IncludeScopes = true)
            .UseOtlpExporter(protocol, options.OtlpEndpoint);
        return services;
    }
}
