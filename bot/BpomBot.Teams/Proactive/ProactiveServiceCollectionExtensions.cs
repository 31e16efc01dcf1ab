using BpomBot.Domain.Reminders;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Proactive;

public static class ProactiveServiceCollectionExtensions
{
    /// <summary>
    /// Outbound delivery: options ("Proactive"), limiter, retry policy, the connector sender, the delivery queue (also the
    /// domain's <see cref="IReminderNotifier"/>), conversation-reference capture, the "Diterima" and `notifikasi` handlers.
    /// The host runs <see cref="NotificationDelivery.RunAsync"/> as a hosted service.
    /// </summary>
    public static IServiceCollection AddBpomProactive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProactiveOptions>().Bind(configuration.GetSection(ProactiveOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new SendRateLimiter(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ProactiveOptions>>().Value));
        services.TryAddSingleton(sp => new RetryPolicy(sp.GetRequiredService<IOptions<ProactiveOptions>>().Value, Random.Shared));
        services.TryAddSingleton<IProactiveSender>(sp =>
        {
            // The default serviceUrl is configuration, not user input: the bot may call it to create conversations.
            var sender = ActivatorUtilities.CreateInstance<ConnectorProactiveSender>(sp);
            sp.GetRequiredService<ServiceUrlTrust>().Trust(sp.GetRequiredService<IOptions<ProactiveOptions>>().Value.DefaultServiceUrl);
            return sender;
        });
        services.TryAddSingleton<NotificationDelivery>();
        services.TryAddSingleton<IReminderNotifier>(sp => sp.GetRequiredService<NotificationDelivery>());
        services.TryAddSingleton<KnownConversations>();
        services.AddConversationEventHandler<ConversationReferenceCapture>();
        services.AddMessageHandler<ConversationReferenceCapture>();
        services.AddCardActionHandler<ReminderAcknowledgeHandler>();
        services.AddMessageHandler<NotificationsCommand>();
        return services;
    }
}
