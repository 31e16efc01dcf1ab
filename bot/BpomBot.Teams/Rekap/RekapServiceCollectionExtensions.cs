using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Rekap;

public static class RekapServiceCollectionExtensions
{
    /// <summary>
    /// Registers the recap: the domain service, signed download links (options section Rekap, validated on start), and the
    /// "rekap" chat command. Map the download endpoint with <see cref="RekapEndpoints.MapRekapEndpoints"/>. Needs from
    /// elsewhere: IKegiatanRepository, IRosterRepository, IAuditLog; the SOP, units, clock and calendar fall back to the
    /// shipped data.
    /// </summary>
    public static IServiceCollection AddBpomRekap(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RekapOptions>().Bind(configuration.GetSection(RekapOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RekapOptions>, RekapOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => UnitCatalog.LoadEmbedded());
        services.TryAddSingleton<OfficeClock>();
        services.TryAddSingleton<ISopCatalog>(_ => SopCatalog.LoadEmbedded());
        services.TryAddSingleton<IWorkingDayCalendar>(_ => new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
        services.TryAddSingleton<RekapService>();
        services.TryAddSingleton(sp => new RekapLinks(sp.GetRequiredService<IOptions<RekapOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<BotOptions>>().Value.AppPassword));
        services.TryAddSingleton<Tab.RekapTabAuthenticator>();
        services.TryAddSingleton<RekapBaseUrl>();
        services.AddMessageHandler<RekapChatHandler>();
        services.AddCardActionHandler<RekapRemindHandler>();
        services.AddCardActionHandler<RekapStatusHandler>();
        return services;
    }

    private sealed class RekapOptionsValidator(IOptions<BotOptions> bot) : IValidateOptions<RekapOptions>
    {
        public ValidateOptionsResult Validate(string? name, RekapOptions options)
        {
            var failures = options.Validate(bot.Value.IsLocalMode).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
