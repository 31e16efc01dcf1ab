using BpomBot.Storage;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Ingress;

/// <summary>Ingress:Mode=Queue registers the queue, its worker and the endpoint's <see cref="IActivityQueue"/>; Direct registers nothing else.</summary>
internal static class IngressServices
{
    public static IServiceCollection AddBpomIngress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngressOptions>().Bind(configuration.GetSection(IngressOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngressOptions>, IngressOptionsValidator>();
        if (configuration.GetValue<IngressMode>($"{IngressOptions.Section}:{nameof(IngressOptions.Mode)}") != IngressMode.Queue)
        {
            return services;
        }

        services.AddSingleton<IngressQueues>();
        services.AddSingleton<IngressSignal>();
        services.AddSingleton<IActivityQueue, StorageActivityQueue>();
        services.AddHostedService<QueueIngressWorker>();
        return services;
    }

    private sealed class IngressOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<IngressOptions>
    {
        public ValidateOptionsResult Validate(string? name, IngressOptions options)
        {
            var failures = options.Validate().ToList();
            if (options.Mode == IngressMode.Queue && storage.Value.InMemory)
            {
                failures.Add("Ingress:Mode=Queue needs Azure Storage (Storage:InMemory is set).");
            }

            if (options.Mode == IngressMode.Queue && string.IsNullOrWhiteSpace(storage.Value.ConnectionString) && options.QueueEndpoint is null)
            {
                failures.Add("Ingress:QueueEndpoint is required with Ingress:Mode=Queue and Storage:TableEndpoint.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
