using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Relay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BpomBot.Teams.Disposisi;

public static class DisposisiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the disposisi feature: the service (also as <see cref="IDisposisiRequester"/>), leader directory, roster
    /// importer, Teams delivery, the card-action verbs and the "disposisi" / roster / "peran" (roles, admin) chat commands. Needs from elsewhere:
    /// storage (roster, audit, conversation references, disposisi and delegation repositories) and IKegiatanRepository.
    /// The SOP catalogue, engine, units, office clock and HK calendar fall back to the shipped data when not registered.
    /// </summary>
    public static IServiceCollection AddBpomDisposisi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => UnitCatalog.LoadEmbedded());
        services.TryAddSingleton<OfficeClock>();
        services.TryAddSingleton<ISopCatalog>(_ => SopCatalog.LoadEmbedded());
        services.TryAddSingleton<IWorkingDayCalendar>(_ => new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
        services.TryAddSingleton<KegiatanEngine>();
        services.TryAddSingleton<LeaderDirectory>();
        services.TryAddSingleton<RosterImporter>();
        services.TryAddSingleton<IDisposisiDelivery, TeamsDisposisiDelivery>();
        services.TryAddScoped<DisposisiService>();
        services.TryAddScoped<IDisposisiRequester>(sp => sp.GetRequiredService<DisposisiService>());

        services.AddCardActionHandler<DisposisiLihatHandler>();
        services.AddCardActionHandler<DisposisiBukaHandler>();
        services.AddCardActionHandler<DisposisiSetujuiHandler>();
        services.AddCardActionHandler<DisposisiKembalikanHandler>();
        services.AddCardActionHandler<DisposisiTeruskanHandler>();
        services.AddCardActionHandler<DisposisiTanggapiHandler>();
        services.AddMessageHandler<DisposisiInboxHandler>();
        services.AddMessageHandler<RosterChatHandler>();
        services.AddBpomOutbox(); // the relay that sends a step's disposisi after the change is stored (docs/outbox.md)
        services.AddMessageHandler<Roster.RoleChatHandler>();
        return services;
    }
}
