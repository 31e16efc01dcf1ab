using BpomBot.Domain.Rekap;
using BpomBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Rekap;

/// <summary>
/// Start-up backfill of the recap projection (<see cref="TableRekapSource.BackfillAsync"/>): once the tables exist, adds
/// rows for kegiatan stored before the projection existed and rewrites rows of an earlier row format. Runs once per deployment (a marker row), off the chat path;
/// retried while storage is down.
/// </summary>
public sealed partial class RekapProjectionBackfillService(
    IRekapSource source, StorageReadiness readiness, TimeProvider timeProvider, ILogger<RekapProjectionBackfillService> logger)
    : StartupRepairService(readiness, timeProvider)
{
    protected override async Task<int?> RunOnceAsync(CancellationToken cancellationToken) =>
        source is TableRekapSource table ? await table.BackfillAsync(cancellationToken) : null;

    protected override void LogDone(int count) => LogBackfilled(logger, count);

    protected override void LogRetry(string reason) => LogBackfillFailed(logger, reason);

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
