using BpomBot.Domain.Reminders;

namespace BpomBot.Host.Workers;

/// <summary>Runs the reminder sweep on a timer of the injected clock; a failed sweep is logged and the next tick tries again.</summary>
public sealed class ReminderWorker(ReminderSweep sweep, ReminderSettings settings, TimeProvider timeProvider, ILogger<ReminderWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SweepInterval, timeProvider);
        do
        {
            try
            {
                var result = await sweep.RunAsync(timeProvider.GetUtcNow(), stoppingToken);
                if (result.Due + result.Recovered > 0)
                {
                    logger.SweepCompleted(result.Due, result.Notifications, result.ItemsSent, result.Skipped, result.LostRaces, result.Recovered);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.SweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Drains the proactive delivery queue for the life of the host.</summary>
public sealed class DeliveryWorker(Teams.Proactive.NotificationDelivery delivery) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => delivery.RunAsync(stoppingToken);
}

internal static partial class WorkerLog
{
    [LoggerMessage(4101, LogLevel.Information, "Reminder sweep: {Due} due, {Notifications} messages with {Items} items, {Skipped} skipped, {Lost} lost races, {Recovered} re-queued")]
    public static partial void SweepCompleted(this ILogger logger, int due, int notifications, int items, int skipped, int lost, int recovered);

    [LoggerMessage(4102, LogLevel.Error, "Reminder sweep failed; the next tick retries")]
    public static partial void SweepFailed(this ILogger logger, Exception exception);
}
