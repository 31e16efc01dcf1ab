using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Rekap;
using BpomBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Rekap;

/// <summary>
/// Start-up backfill of the recap projection (<see cref="TableRekapSource.BackfillAsync"/>): once the tables exist, adds
/// rows for kegiatan stored before the projection existed. Runs once per deployment (a marker row), off the chat path;
/// retried while storage is down.
/// </summary>
public sealed partial class RekapProjectionBackfillService(
    IRekapSource source, StorageReadiness readiness, TimeProvider timeProvider, ILogger<RekapProjectionBackfillService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (source is not TableRekapSource table)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (readiness.TablesReady)
                {
                    var added = await table.BackfillAsync(stoppingToken);
                    LogBackfilled(logger, added);
                    return;
                }
            }
            catch (Exception ex) when (ex is StorageUnavailableException or Azure.RequestFailedException)
            {
                LogBackfillFailed(logger, ex.Message);
            }

            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
        }
    }

    [LoggerMessage(EventId = 3070, Level = LogLevel.Information, Message = "Recap projection backfill done ({Added} kegiatan added)")]
    private static partial void LogBackfilled(ILogger logger, int added);

    [LoggerMessage(EventId = 3071, Level = LogLevel.Warning, Message = "Recap projection backfill will retry: {Reason}")]
    private static partial void LogBackfillFailed(ILogger logger, string reason);
}

public static class RekapStorageRegistration
{
    /// <summary>
    /// The recap reads the projection (<see cref="TableRekapSource"/>) and the projection is backfilled at start. Its
    /// table is in StorageTables.All; TableKegiatanRepository writes it.
    /// </summary>
    public static IServiceCollection AddBpomRekapProjection(this IServiceCollection services)
    {
        services.TryAddSingleton<IRekapSource>(sp => new TableRekapSource(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), sp.GetRequiredService<Domain.Workflow.IKegiatanRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<RekapProjectionBackfillService>();
        return services;
    }
}
