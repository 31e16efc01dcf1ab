using BpomBot.Domain.Outbox;
using BpomBot.Teams.Disposisi;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BpomBot.Teams.Relay;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The outbox relay (scoped: it calls the scoped disposisi requester), its background service and the
    /// <c>kirim ulang</c> chat command. Needs the kegiatan repository, audit log and disposisi feature.
    /// </summary>
    public static IServiceCollection AddBpomOutbox(this IServiceCollection services)
    {
        services.TryAddScoped<OutboxRelay>();
        services.TryAddSingleton<OutboxRelayService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxRelayService>(sp => sp.GetRequiredService<OutboxRelayService>()));
        services.AddMessageHandler<KirimUlangHandler>();
        return services;
    }
}
