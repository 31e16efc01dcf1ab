using System.Diagnostics;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BpomBot.Benchmarks.Storage;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Rekap;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Benchmarks.Rekap;

/// <summary>
/// The all-BPOM recap of a year on Azurite: every UPT with 200 kegiatan and every central unit with 62 (≈ 16,000
/// kegiatan, 6 steps each), plus 22 kegiatan of the year before per UPT that must not be read. Seeds the recap
/// projection as the saves leave it (confirmed rows, <see cref="RekapProjectionTable.ConfirmedRow"/>) and measures
/// <see cref="RekapService.BuildAsync"/> reading the projection (<see cref="TableRekapSource.ListYearAsync(int, IReadOnlyCollection{string}, CancellationToken)"/>:
/// key-range queries over runs of consecutive unit partitions of the year). Prints the rows and storage requests of one recap. Run:
/// dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*Rekap*'
/// </summary>
[Config(typeof(Config))]
public class RekapBenchmark
{
    public const int Year = 2026;
    private AzuriteTableProcess? azurite;
    private RekapService service = null!;
    private CountingSource counting = null!;

    [GlobalSetup]
    public void Setup()
    {
        azurite = AzuriteTableProcess.Start();
        var tables = TableStorage.Create(azurite.ConnectionString);
        StorageTableInitializer.CreateTablesAsync(tables, StorageTables.All).GetAwaiter().GetResult();
        var repository = new TableKegiatanRepository(tables);
        var units = UnitCatalog.LoadEmbedded();
        SeedAsync(tables, units).GetAwaiter().GetResult();
        var clock = Stopwatch.StartNew();
        counting = new CountingSource(new TableRekapSource(tables, repository));
        var time = TimeProvider.System;
        service = new RekapService(repository, SopCatalog.LoadEmbedded(), units, new WorkingDayCalendar(HolidaySet.LoadEmbedded()), new OfficeClock(time, units), time, new NoAudit(), counting);

        // One recap before the measured ones, with its counts (printed here so they are reported even if a run is cut short).
        using var requests = StorageRoundTrips.BeginScope();
        clock.Restart();
        var kegiatan = AllBpom().GetAwaiter().GetResult();
        Console.WriteLine($"// first recap: {clock.Elapsed.TotalSeconds:0.00} s, {kegiatan} kegiatan, {counting.Calls} source reads, {counting.Rows} rows read, {requests.Count} storage requests");
        clock.Restart();
        var request = new RekapRequest(Year, null, RekapScope.All);
        var read = service.LoadAsync(request).GetAwaiter().GetResult();
        var loadTime = clock.Elapsed;
        clock.Restart();
        _ = new RekapCalculator(SopCatalog.LoadEmbedded().Latest(RekapService.SopCode)!, units, new WorkingDayCalendar(HolidaySet.LoadEmbedded())).Compute(request, read, new DateOnly(Year, 12, 1));
        Console.WriteLine($"// split: reading {loadTime.TotalSeconds:0.00} s, computing {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [GlobalCleanup]
    public void Cleanup() => azurite?.Dispose();

    [Benchmark(Description = "All-BPOM recap of a year")]
    public async Task<int> AllBpom()
    {
        var outcome = await service.BuildAsync(RekapViewer.System, Year, null, null);
        return outcome.Result!.Kegiatan.Count;
    }

    /// <summary>
    /// The state after every save has completed: each kegiatan's confirmed projection row, loaded 100 rows per
    /// transaction (seeding ~17,600 kegiatan one save at a time takes over half an hour on a busy shared machine). The
    /// recap reads nothing else, so the Kegiatan table itself is not seeded. Returns the rows written.
    /// </summary>
    internal static async Task<int> SeedAsync(TableServiceClient tables, UnitCatalog units)
    {
        var seeded = Seed(units).ToList();
        var clock = Stopwatch.StartNew();
        var projection = new RekapProjectionTable(tables);
        var batches = seeded.Select(projection.ConfirmedRow).GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (rows, ct) =>
            await tables.GetTableClient(RekapProjectionTable.TableName).SubmitTransactionAsync(rows.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
        Console.WriteLine($"// seeded {seeded.Count} kegiatan projection rows in {batches.Count} transactions ({seeded.Count(k => k.Year == Year)} in {Year}) in {clock.Elapsed.TotalSeconds:0.0} s");
        return seeded.Count;
    }

    internal static IEnumerable<Kegiatan> Seed(UnitCatalog units)
    {
        var subs = new[] { "A", "B", "C" };
        foreach (var unit in units.Units)
        {
            var count = unit.IsUpt ? 200 : 62;
            for (var i = 0; i < count; i++)
            {
                yield return Make($"{unit.Id}-{Year}-{i:D3}", unit.Id, subs[i % 3], Year, i);
            }

            for (var i = 0; i < 22 && unit.IsUpt; i++)
            {
                yield return Make($"{unit.Id}-{Year - 1}-{i:D3}", unit.Id, subs[i % 3], Year - 1, i);
            }
        }
    }

    private static Kegiatan Make(string id, string unit, string sub, int year, int i)
    {
        var start = new DateOnly(year, 1 + (i % 10), 5);
        var k = new Kegiatan
        {
            Id = id, SopCode = RekapService.SopCode, SopVersion = "04", SubProcess = sub, Kind = WorkflowKind.PerKegiatan, Title = $"FGD keamanan pangan {i}",
            StakeholderCategory = "pemerintah-daerah", Bentuk = "fgd", UnitId = unit, OfficerId = $"officer-{unit}-{i % 7}", Year = year,
            CreatedAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Status = i % 4 == 0 ? KegiatanStatus.Selesai : KegiatanStatus.Berjalan,
        };
        for (var s = 1; s <= 6; s++)
        {
            var due = start.AddDays(14 * s);
            k.Steps.Add(new StepRecord
            {
                StepId = $"{sub}.{s}", Status = s < 6 ? StepStatus.Selesai : StepStatus.Berjalan, StartedOn = due.AddDays(-14), DueOn = due,
                CompletedOn = s < 6 ? due.AddDays((i + s) % 5 == 0 ? 3 : -1) : null, LateHk = (i + s) % 5 == 0 ? 3 : 0,
            });
            k.History.Add(new AuditEvent($"kegiatan/{id}", k.OfficerId, null, "step.completed", k.CreatedAt.AddDays(14 * s), $"{sub}.{s} berjalan", $"{sub}.{s} selesai"));
        }

        k.CurrentStepId = $"{sub}.6";
        return k;
    }

    /// <summary>Counts the source's reads (a partition, or a year's key range) and the rows they return.</summary>
    private sealed class CountingSource(TableRekapSource inner) : IRekapYearSource
    {
        private long calls;
        private long rows;

        public long Calls => Interlocked.Read(ref calls);

        public long Rows => Interlocked.Read(ref rows);

        public async Task<IReadOnlyList<Kegiatan>> ListAsync(string unitId, int year, CancellationToken cancellationToken = default)
        {
            var list = await inner.ListAsync(unitId, year, cancellationToken);
            Interlocked.Increment(ref calls);
            Interlocked.Add(ref rows, list.Count);
            return list;
        }

        public async Task<IReadOnlyList<Kegiatan>> ListYearAsync(int year, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken = default)
        {
            var list = await inner.ListYearAsync(year, unitIds, cancellationToken);
            Interlocked.Increment(ref calls);
            Interlocked.Add(ref rows, list.Count);
            return list;
        }
    }

    internal sealed class NoAudit : IAuditLog
    {
        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditEvent>>([]);

        public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditEvent>>([]);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Seeding ~18,000 kegiatan into Azurite takes minutes on a shared machine: allow it.
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(40), true)).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
