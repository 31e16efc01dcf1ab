using Microsoft.Extensions.Options;

namespace BpomBot.Host.Options;

/// <summary>
/// Settings of section <c>Observability</c>. With no OTLP endpoint nothing is exported (logs still go to the console).
/// The standard OpenTelemetry variables <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and
/// <c>OTEL_SERVICE_NAME</c> fill in whatever this section leaves empty.
/// </summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";
    public const string HttpProtobuf = "http/protobuf";
    public const string Grpc = "grpc";

    /// <summary>Base address of an OTLP receiver (collector or backend); /v1/traces, /v1/metrics, /v1/logs are added for http/protobuf.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><see cref="HttpProtobuf"/> (default) or <see cref="Grpc"/>.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>The <c>service.name</c> resource attribute; defaults to "bpombot".</summary>
    public string? ServiceName { get; set; }

    /// <summary>Binds the section and applies the OTEL_* fallbacks (the same values the host uses at registration).</summary>
    public static ObservabilityOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ObservabilityOptions();
        configuration.GetSection(Section).Bind(options);
        options.ApplyStandardVariables(configuration);
        return options;
    }

    public void ApplyStandardVariables(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (OtlpEndpoint is null && configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } endpoint)
        {
            OtlpEndpoint = Uri.TryCreate(endpoint, UriKind.RelativeOrAbsolute, out var uri) ? uri : null;
        }

        OtlpProtocol = NullIfBlank(OtlpProtocol) ?? NullIfBlank(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? HttpProtobuf;
        ServiceName = NullIfBlank(ServiceName) ?? NullIfBlank(configuration["OTEL_SERVICE_NAME"]) ?? "bpombot";
    }

    /// <summary>Returns the problems of this configuration, each naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (OtlpEndpoint is not null
            && (!OtlpEndpoint.IsAbsoluteUri || (OtlpEndpoint.Scheme != Uri.UriSchemeHttp && OtlpEndpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return "Observability:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http(s) URL.";
        }

        if (OtlpProtocol is not (HttpProtobuf or Grpc))
        {
            yield return $"Observability:OtlpProtocol (or OTEL_EXPORTER_OTLP_PROTOCOL) must be '{HttpProtobuf}' or '{Grpc}'.";
        }

        if (ServiceName is not { Length: > 0 })
        {
            yield return "Observability:ServiceName must not be empty.";
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class ObservabilityOptionsValidator : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
