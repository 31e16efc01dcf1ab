using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BpomBot.Domain.Faq;
using BpomBot.Host.Faq;
using Perfolizer.Mathematics.OutlierDetection;

namespace BpomBot.Benchmarks.Faq;

/// <summary>
/// Per-question latency of the FAQ retriever on the shipped 44-topic knowledge base and on a synthetic 10,000-entry one.
/// Each measured iteration answers exactly one question (round-robin over a mixed set), so the P50/P99 columns are
/// single-query latency percentiles. Run: dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*Faq*'
/// </summary>
[Config(typeof(FaqLatencyConfig))]
[MemoryDiagnoser]
public class FaqRetrievalBenchmarks
{
    private static readonly string[] Questions =
    [
        "kak mau cek izin edar sabun muka, pake situs apa",
        "gmn cara daftar pirt utk keripik singkong",
        "nomor wa halobpom brp",
        "kosmetik mengandung merkuri ciri2nya apa",
        "jamu pegel linu yg cespleng aman ga",
        "syarat registrasi pangan olahan md",
        "how do I report a side effect of a medicine?",
        "Is there an official website to look up registered products?",
        "berapa lama proses notifkasi kosmetik", // typo
        "tahu berformlain cirinya gmn", // typo
        "bayar pnbp bpom lewat apa",
        "sertifikat halal diurus kemana",
        "cara bikin paspor baru", // out of scope
        "book me a flight to Bali next week", // out of scope
        "jadwal kereta bandung jakarta besok pagi", // out of scope
        "ada yang nawarin jasa percepatan izin bpom, percaya ga",
    ];

    private FaqRetriever retriever = null!;
    private int next;

    [Params(44, 10_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shipped = FaqKnowledgeBaseLoader.Embedded;
        retriever = new FaqRetriever(Entries <= shipped.Entries.Count ? shipped : SyntheticKnowledgeBase.Create(shipped, Entries, seed: 42));
        next = 0;
    }

    [Benchmark]
    public FaqAnswer AnswerOneQuestion() => retriever.Answer(Questions[next++ % Questions.Length]);
}

/// <summary>Single-invocation iterations (one question per measurement), in-process, with P50/P99 columns.</summary>
internal sealed class FaqLatencyConfig : ManualConfig
{
    public FaqLatencyConfig()
    {
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false))
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(64)
            .WithIterationCount(800)
            .WithOutlierMode(OutlierMode.DontRemove)); // keep slow calls: they are what P99 is about
        AddColumn(new LatencyPercentileColumn(50), new LatencyPercentileColumn(99));
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

/// <summary>A percentile of the per-iteration times, shown in microseconds.</summary>
internal sealed class LatencyPercentileColumn(int percentile) : IColumn
{
    public string Id => $"Latency.P{percentile}";

    public string ColumnName => $"P{percentile} (μs)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => percentile;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{percentile}th percentile of single-question latency, microseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null ? "NA" : (statistics.Percentiles.Percentile(percentile) / 1000).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
