using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using Perfolizer.Mathematics.OutlierDetection;

namespace BpomBot.Benchmarks.Storage;

/// <summary>
/// One turn's storage on Azurite (in memory, loopback): the read of the conversation row, then its commit — a message's
/// single write of the row (with its ring of handled ids), or the transaction of the row and a ledger row (what an
/// invoke writes, and what every turn wrote before the ring). 16 conversations in turn, as in the side-by-side bench.
/// At the end of each benchmark it prints Azurite's CPU time per turn. docs/storage.md, "Turns".
/// Run: dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*TurnCommit*'
/// </summary>
[Config(typeof(Config))]
public class TurnCommitBenchmarks
{
    private const int Conversations = 16;

    // About the size of the dialog state of an officer in the middle of `mulai`.
    private static readonly string StateJson = "{\"v\":3,\"sop\":\"POM-04.01/CFM.01/SOP.01\",\"sub\":\"A\",\"step\":3,\"kegiatanId\":\"k-"
        + new string('7', 32) + "\",\"judul\":\"FGD keamanan pangan pangan olahan 12\",\"prompt\":\"pemangku\",\"lang\":\"id\",\"at\":\"2026-12-07T03:00:00Z\"}";

    private AzuriteTableProcess? _azurite;
    private TableTurnLedger _ledger = null!;
    private TimeSpan _cpuAtStart;
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        _azurite = AzuriteTableProcess.Start();
        var service = TableStorage.Create(_azurite.ConnectionString);
        StorageTableInitializer.CreateTablesAsync(service, [StorageTables.DialogState]).GetAwaiter().GetResult();
        _ledger = new TableTurnLedger(service);

        // A full ring in every conversation, as after a day of use.
        for (var i = 0; i < HandledRing.Capacity * Conversations; i++)
        {
            TurnAsync(ledgerRow: false).GetAwaiter().GetResult();
        }

        _cpuAtStart = _azurite.CpuTime;
        _n = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_azurite is { } azurite)
        {
            Console.WriteLine(FormattableString.Invariant($"// Azurite CPU per turn: {(azurite.CpuTime - _cpuAtStart).TotalMilliseconds / Math.Max(1, _n):0.000} ms over {_n} turns"));
            azurite.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "Read + batch (row + ledger row)")]
    public Task<TurnCommitResult> ReadAndBatch() => TurnAsync(ledgerRow: true);

    [Benchmark(Description = "Read + one write (row with ring)")]
    public Task<TurnCommitResult> ReadAndOneWrite() => TurnAsync(ledgerRow: false);

    private async Task<TurnCommitResult> TurnAsync(bool ledgerRow)
    {
        var n = Interlocked.Increment(ref _n);
        var conversation = "a:bench-" + (n % Conversations).ToString(CultureInfo.InvariantCulture);
        var activityId = "m" + Guid.NewGuid().ToString("N")[..12];
        var read = await _ledger.ReadAsync(conversation);
        var commit = new TurnCommit(conversation, read.Version, new Dictionary<string, DialogStateEntry> { [conversation] = new(StateJson, DateTimeOffset.UnixEpoch) },
            read.Handled.With(activityId), activityId, ledgerRow ? "{\"statusCode\":200}" : null, DateTimeOffset.UnixEpoch, Guid.NewGuid().ToString("N"), ledgerRow);
        var result = await _ledger.CommitAsync(commit);
        return result.Outcome == TurnCommitOutcome.Committed ? result : throw new InvalidOperationException($"Commit {result.Outcome}.");
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(20)
                .WithIterationCount(400)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(StatisticColumn.OperationsPerSecond, StatisticColumn.P50, StatisticColumn.P95);
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
