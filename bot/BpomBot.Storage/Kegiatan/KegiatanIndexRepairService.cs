using BpomBot.Domain.Workflow;
using BpomBot.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Kegiatan;

/// <summary>
/// Start-up repair of the kegiatan tables: once the tables exist, adds pointers for kegiatan rows that have none (rows
/// written before the index existed) and moves rows of the earlier key layout (RK = "") to PK = RK = id
/// (<see cref="TableKegiatanRepository.RepairAsync"/>). Runs once per deployment (marker rows), off the chat path;
/// retried while storage is down.
/// </summary>
public sealed partial class KegiatanIndexRepairService(
    IKegiatanRepository repository, StorageReadiness readiness, TimeProvider timeProvider, ILogger<KegiatanIndexRepairService> logger)
    : StartupRepairService(readiness, timeProvider)
{
    protected override async Task<int?> RunOnceAsync(CancellationToken cancellationToken) =>
        repository is TableKegiatanRepository table ? await table.RepairAsync(cancellationToken) : null;

    protected override void LogDone(int count) => LogRepaired(logger, count);

    protected override void LogRetry(string reason) => LogRepairFailed(logger, reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Kegiatan index repair done ({Count} kegiatan indexed or moved to their current row key)")]
    private static partial void LogRepaired(ILogger logger, int count);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Kegiatan index repair will retry: {Reason}")]
    private static partial void LogRepairFailed(ILogger logger, string reason);
}
