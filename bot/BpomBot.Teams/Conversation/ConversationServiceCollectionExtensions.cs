using BpomBot.Domain.Application;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BpomBot.Teams.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The officer SOP conversation: application service, dialog, evidence intake, the message handler and the step card
    /// buttons. Needs the domain services (engine, catalogues, clock, recognizer) and the storage ports registered.
    /// </summary>
    public static IServiceCollection AddBpomConversation(this IServiceCollection services)
    {
        services.TryAddScoped<OfficerWorkflow>(); // scoped: it calls the scoped disposisi requester
        services.TryAddScoped<OfficerConversation>();
        services.TryAddScoped<KegiatanReportRoute>(); // Keterangan B.4: function and commodity stored on the kegiatan
        services.TryAddSingleton(sp => new IntentRecognizer(sp.GetRequiredService<DateRecognizer>()));
        services.TryAddSingleton<BpomBot.Domain.Roster.RosterSelfRegistration>(); // first contact: roster role ids, existing roles kept
        services.TryAddSingleton<IEvidenceIntake, EvidenceIntake>();
        services.AddHttpClient(EvidenceIntake.HttpClientName, c =>
        {
            c.Timeout = TimeSpan.FromSeconds(60);
            c.MaxResponseContentBufferSize = EvidenceIntake.MaxBytes;
        });
        services.AddMessageHandler<ConversationMessageHandler>();
        services.AddCardActionHandler<LanjutAction>();
        services.AddCardActionHandler<KelengkapanAction>();
        services.AddCardActionHandler<SelesaiAction>();
        services.AddCardActionHandler<RencanaAction>();
        services.AddCardActionHandler<TundaAction>();
        services.AddCardActionHandler<LanjutkanAction>();
        services.AddCardActionHandler<LewatiAction>();
        services.AddCardActionHandler<RiwayatAction>();
        return services;
    }
}
