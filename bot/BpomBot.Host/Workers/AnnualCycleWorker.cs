using BpomBot.Domain.AnnualCycle;

namespace BpomBot.Host.Workers;

/// <summary>The national siklus tahunan: options (section "AnnualCycle"), the service and the worker that opens parts when due.</summary>
internal static class AnnualCycleServices
{
    public static IServiceCollection AddBpomAnnualCycle(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AnnualCycleOptions.Section).Get<AnnualCycleOptions>() ?? new AnnualCycleOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<AnnualCycleService>();
        services.AddHostedService<AnnualCycleWorker>();
        return services;
    }
}

/// <summary>
/// On each tick of the injected clock: opens every UPT's laporan tahunan once the cycle's opening date has come, and
/// the follow-up for every unit once an arahan is given. A failed tick is logged and the next one tries again.
/// </summary>
public sealed class AnnualCycleWorker(AnnualCycleService cycle, AnnualCycleOptions options, TimeProvider timeProvider, ILogger<AnnualCycleWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first check waits one interval: start-up stays light, and a cycle opens at most CheckInterval late.
        using var timer = new PeriodicTimer(options.CheckInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var opened = await cycle.OpenDueAsync(stoppingToken);
                if (opened > 0) logger.CycleOpened(opened);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.CycleFailed(ex);
            }
        }
    }
}

internal static partial class AnnualCycleLog
{
    [LoggerMessage(4201, LogLevel.Information, "Siklus tahunan: {Opened} unit parts opened")]
    public static partial void CycleOpened(this ILogger logger, int opened);

    [LoggerMessage(4202, LogLevel.Error, "Siklus tahunan check failed; the next tick retries")]
    public static partial void CycleFailed(this ILogger logger, Exception exception);
}
