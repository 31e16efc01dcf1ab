using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables;
using Microsoft.Extensions.Hosting;

namespace BpomBot.Storage;

/// <summary>
/// A one-time start-up job over storage (an index repair, a projection backfill): waits until the tables exist, runs the
/// job once, and retries it with a growing pause (1 s doubling to 1 min) while storage is unavailable. Off the chat path;
/// the job itself is idempotent and keeps its own marker row, so a restart or a second instance does no harm.
/// </summary>
public abstract class StartupRepairService(StorageReadiness readiness, TimeProvider timeProvider) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    /// <summary>Runs the job once; how many rows it added or restored, or null when there is nothing to do here.</summary>
    protected abstract Task<int?> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Logs the finished job.</summary>
    protected abstract void LogDone(int count);

    /// <summary>Logs a failed attempt that will be retried.</summary>
    protected abstract void LogRetry(string reason);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (readiness.TablesReady)
                {
                    if (await RunOnceAsync(stoppingToken) is { } count)
                    {
                        LogDone(count);
                    }

                    return;
                }
            }
            catch (Exception ex) when (ex is StorageUnavailableException or Azure.RequestFailedException)
            {
                LogRetry(ex.Message);
            }

            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPause.Ticks));
        }
    }
}
