using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Disposisi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BpomBot.Host;

/// <summary>Registers the pure domain: shipped data (loaded eagerly so bad data stops start-up), calendar, clock, SOP engine.</summary>
internal static class DomainServices
{
    public static IServiceCollection AddBpomDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(HolidaySet.LoadEmbedded());
        services.AddSingleton(UnitCatalog.LoadEmbedded());
        services.AddSingleton<ISopCatalog>(SopCatalog.LoadEmbedded());
        services.AddSingleton<OfficeClock>();
        services.AddSingleton(sp => new LiveWorkingDayCalendar(
            sp.GetRequiredService<HolidaySet>(),
            sp.GetRequiredService<ICalendarOverrideRepository>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<UnitCatalog>()));
        services.AddSingleton<IWorkingDayCalendar>(sp => sp.GetRequiredService<LiveWorkingDayCalendar>());
        services.AddSingleton(sp => new DateRecognizer(sp.GetRequiredService<IWorkingDayCalendar>()));
        services.AddSingleton<KegiatanEngine>();
        services.AddSingleton<BpomBot.Domain.Roster.ExecutorDirectory>(); // the engine's Pelaksana check (OfficerWorkflow)
        services.TryAddSingleton<IKegiatanRepository, InMemoryKegiatanRepository>();
        services.AddHostedService<CalendarRefreshService>();
        services.AddBpomDisposisi(); // disposisi feature (Teams/Disposisi): service, roster, delegation, cards and chat commands
        return services;
    }
}

/// <summary>
/// Loads the stored calendar overrides at start (so the first due date is right) and every few minutes after,
/// so an override added on another instance applies here too.
/// </summary>
internal sealed partial class CalendarRefreshService(LiveWorkingDayCalendar calendar, TimeProvider timeProvider, ILogger<CalendarRefreshService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await calendar.RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or Azure.RequestFailedException)
        {
            // Storage down (or its tables not created yet) at start: serve with the shipped holidays; the timer retries.
            LogRefreshFailed(logger, ex);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await calendar.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Refreshing calendar overrides failed; keeping the previous snapshot.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
