using BpomBot.Teams.Auth;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Hosting;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>Registers the channel layer: options (validated on start), auth, connector client, router and the help handlers.</summary>
    public static IServiceCollection AddBpomTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotOptions>()
            .Bind(configuration.GetSection(BotOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection("Bot:Connector"));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.TryAddSingleton<BotAuthenticator>();
        services.TryAddSingleton<ServiceUrlTrust>();
        services.TryAddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddBpomConnectorClient();
        services.TryAddScoped<ActivityRouter>();
        services.TryAddSingleton<TurnRunner>();
        services.TryAddScoped<BpomBot.Domain.Abstractions.TurnUnit>(); // the storage registers the same: one per turn

        services.AddMessageHandler<HelpMessageHandler>();
        services.AddCardActionHandler<CobaActionHandler>();
        services.AddConversationEventHandler<WelcomeHandler>();
        return services;
    }

    public static IServiceCollection AddMessageHandler<T>(this IServiceCollection services)
        where T : class, IMessageHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageHandler, T>());
        return services;
    }

    public static IServiceCollection AddCardActionHandler<T>(this IServiceCollection services)
        where T : class, ICardActionHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICardActionHandler, T>());
        return services;
    }

    public static IServiceCollection AddConversationEventHandler<T>(this IServiceCollection services)
        where T : class, IConversationEventHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IConversationEventHandler, T>());
        return services;
    }

    private sealed class BotOptionsValidator : IValidateOptions<BotOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
