using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BpomBot.Storage.Tables;

/// <summary>A table the app needs; register one per table (<c>services.AddSingleton(new StorageTableName("Kegiatan"))</c>).</summary>
public sealed record StorageTableName(string Name);

/// <summary>Whether the tables (and the evidence container) have been created; the "storage" readiness check reads it.</summary>
public sealed class StorageReadiness
{
    private volatile bool _ready;

    public bool TablesReady => _ready;

    internal void MarkReady() => _ready = true;
}

/// <summary>
/// Creates every registered table. Start-up tries once (bounded by <see cref="FirstAttemptBudget"/>), so with storage up
/// the tables exist before traffic as before; if storage is down the host starts anyway (/healthz answers, /readyz says
/// not ready) and the tables are created in the background as soon as storage answers, retrying with a capped backoff.
/// Never stops the process over storage. Reports storage use at shutdown.
/// </summary>
public sealed class StorageTableInitializer(
    TableServiceClient service,
    IEnumerable<StorageTableName> tables,
    IEvidenceStore evidence,
    ILogger<StorageTableInitializer> logger,
    StorageReadiness? readiness = null,
    TimeProvider? timeProvider = null) : BackgroundService
{
    public static readonly TimeSpan FirstAttemptBudget = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly StorageReadiness _readiness = readiness ?? new StorageReadiness();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly List<string> _names = [.. tables.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase)];

    public bool Ready => _readiness.TablesReady;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(FirstAttemptBudget);
        await TryCreateAsync(budget.Token, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Says at shutdown how many storage round trips the process made (the benchmark divides it by its turns).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Log.RoundTripsSinceStart(logger, Client.StorageRoundTrips.Total);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!_readiness.TablesReady && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await TryCreateAsync(stoppingToken, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private async Task TryCreateAsync(CancellationToken attempt, CancellationToken stopping)
    {
        if (_readiness.TablesReady)
        {
            return;
        }

        try
        {
            var container = evidence is BlobEvidenceStore blobs ? blobs.EnsureContainerAsync(attempt) : Task.CompletedTask;
            await Task.WhenAll(CreateTablesAsync(service, _names, attempt), container);
            _readiness.MarkReady();
            Log.TablesReady(logger, _names.Count);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested && (ex is StorageUnavailableException or OperationCanceledException or Azure.RequestFailedException))
        {
            Log.TablesNotReady(logger, ex.Message);
        }
    }

    public static Task CreateTablesAsync(TableServiceClient service, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        // All at once: a dozen sequential round trips were most of the time from process start to the first answer.
        return Task.WhenAll(names.Select(name => Client.TableStorage.CallAsync(
            "CreateTable", () => service.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken), cancellationToken)));
    }

    /// <summary>Creates the tables when storage is table-backed (a no-op with Storage:InMemory); for the CLI commands.</summary>
    public static Task CreateTablesAsync(IServiceProvider services, IEnumerable<string> names, CancellationToken cancellationToken = default) =>
        services.GetService<TableServiceClient>() is { } service ? CreateTablesAsync(service, names, cancellationToken) : Task.CompletedTask;
}
