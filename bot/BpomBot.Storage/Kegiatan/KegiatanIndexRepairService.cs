using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Kegiatan;

/// <summary>
/// Start-up repair of the kegiatan index: once the tables exist, adds pointers for kegiatan rows that have none (rows
/// written before the index existed). Runs once per deployment (a marker row), off the chat path; retried while storage is down.
/// </summary>
public sealed partial class KegiatanIndexRepairService(
    IKegiatanRepository repository, StorageReadiness readiness, TimeProvider timeProvider, ILogger<KegiatanIndexRepairService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (repository is not TableKegiatanRepository table)
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
                    var added = await table.RepairAsync(stoppingToken);
                    LogRepaired(logger, added);
                    return;
                }
            }
            catch (Exception ex) when (ex is StorageUnavailableException or Azure.RequestFailedException)
            {
                LogRepairFailed(logger, ex.Message);
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

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Kegiatan index repair done ({Added} kegiatan indexed)")]
    private static partial void LogRepaired(ILogger logger, int added);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Kegiatan index repair will retry: {Reason}")]
    private static partial void LogRepairFailed(ILogger logger, string reason);
}
