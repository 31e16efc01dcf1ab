using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Mathematics.OutlierDetection;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Azure.Data.Tables;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Benchmarks.Storage;

/// <summary>
/// Azure.Data.Tables (with the bot's pipeline options) against Azurite (in memory, loopback). One operation per iteration, so P50/P95/P99 are per-operation
/// latencies. Run: dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*TableStorage*'
/// </summary>
[Config(typeof(Config))]
public class TableStorageBenchmarks
{
    private AzuriteTableProcess? _azurite;
    private TableClient _table = null!;
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        _azurite = AzuriteTableProcess.Start();
        _table = TableStorage.Create(_azurite.ConnectionString).GetTableClient("bench");
        _table.CreateIfNotExistsAsync().GetAwaiter().GetResult();
        for (var batch = 0; batch < 10; batch++)
        {
            _table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("query", (batch * 100) + i)))).GetAwaiter().GetResult();
        }

        _table.UpsertEntityAsync(Row("point", 0), TableUpdateMode.Replace).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _azurite?.Dispose();

    [Benchmark(Description = "Point read")]
    public async Task<TableEntity> PointRead() => (await _table.GetEntityAsync<TableEntity>("point", "000000")).Value;

    [Benchmark(Description = "Upsert")]
    public Task Upsert() => _table.UpsertEntityAsync(Row("upsert", _n++ % 1000), TableUpdateMode.Replace);

    [Benchmark(Description = "Batch of 100")]
    public Task Batch100()
    {
        var partition = "batch" + (_n++ % 50);
        return _table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(partition, i))));
    }

    [Benchmark(Description = "Query 1,000 entities")]
    public async Task<int> Query1000()
    {
        var count = 0;
        await foreach (var page in _table.QueryAsync<TableEntity>(TableFilter.PartitionKeyEquals("query"), maxPerPage: 1000).AsPages())
        {
            count += page.Values.Count;
        }

        return count == 1000 ? count : throw new InvalidOperationException($"Query returned {count} entities.");
    }

    private static TableEntity Row(string partition, int i) => new(partition, i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
    {
        ["Title"] = "FGD keamanan pangan dengan Pemda " + i,
        ["Status"] = "berjalan",
        ["Step"] = i % 37,
        ["DueAt"] = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero).AddHours(i),
        ["Amount"] = 1.5 * i,
    };

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(10)
                .WithIterationCount(200)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(StatisticColumn.OperationsPerSecond, StatisticColumn.P50, StatisticColumn.P95, new P99Column());
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }

    private sealed class P99Column : IColumn
    {
        public string Id => "P99";

        public string ColumnName => "P99";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 100;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => "99th percentile of per-operation time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } stats
                ? $"{stats.Percentiles.Percentile(99) / 1_000_000.0:0.000} ms"
                : "NA";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
