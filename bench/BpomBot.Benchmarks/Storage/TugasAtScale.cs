using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;
using BpomBot.Storage.Tables.Repositories;

namespace BpomBot.Benchmarks.Storage;

/// <summary>
/// `tugas` for one officer (5 kegiatan) while the Kegiatan table grows, on Azurite: storage requests (the round-trip
/// counter), rows read (entities in the responses, counted by <see cref="RowCountingPolicy"/>) and latency of the
/// officer's list through the index (what the bot does), of the same requests issued all at once or one after another,
/// of its two kinds of request alone (the index partition query, also for a partition with no rows, and one point
/// read), of a point read that misses (the start's duplicate check), and of the former cross-partition filter on
/// OfficerId. Every path runs once per sample in a rotating order. The repository runs as after its start-up repair
/// (no legacy fallback). Not a BenchmarkDotNet job (loading 100,000 kegiatan takes minutes):
/// dotnet run -c Release --project bench/BpomBot.Benchmarks -- tugas-scale [1000,10000,100000] [samples]
/// </summary>
public static class TugasAtScale
{
    private const string Sop = "POM-04.01/CFM.01/SOP.01";
    private const int OthersPerOfficer = 10;
    private const int InsertParallelism = 32;

    public static async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? [.. args[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : new[] { 1_000, 10_000, 100_000 };
        var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        using var azurite = AzuriteTableProcess.Start();
        var options = TableStorage.CreateOptions();
        options.AddPolicy(new RowCountingPolicy(), Azure.Core.HttpPipelinePosition.PerRetry);
        var service = new TableServiceClient(azurite.ConnectionString, options);
        await StorageTableInitializer.CreateTablesAsync(service, StorageTables.All);
        var repo = new TableKegiatanRepository(service);
        await repo.RepairAsync(); // empty table: writes the marker, so this instance no longer looks for legacy rows
        var engine = new KegiatanEngine(SopCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
        var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        Domain.Workflow.Kegiatan Make(string id, string officer, string unit) =>
            engine.Start(new StartKegiatan(id, Sop, "A", WorkflowKind.PerKegiatan, "FGD keamanan pangan " + id, "pemerintah-daerah", "fgd", unit, officer, 2026), new Actor(officer), at).Kegiatan!;

        for (var i = 0; i < 5; i++)
        {
            await repo.CreateAsync(Make($"target-{i}", "officer-target", "bbpom-medan"));
        }

        var raw = new JsonDocumentTable<Domain.Workflow.Kegiatan>(service.GetTableClient(StorageTables.Kegiatan));
        var index = service.GetTableClient(StorageTables.KegiatanIndex);
        var pointers = new JsonDocumentTable<TableKegiatanRepository.IndexRow>(index);
        var loaded = 0;
        Console.WriteLine($"samples per path and size: {samples} (after 3 warm-ups)");
        Console.WriteLine("| other kegiatan rows | path | requests | rows read | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var load = Stopwatch.StartNew();
            await LoadAsync(raw, index, Make, loaded, size);
            Console.Error.WriteLine($"loaded {size - loaded} rows (to {size}) in {load.Elapsed.TotalSeconds:0} s, load average {LoadAverage()}");
            loaded = size;
            await MeasureAsync(size, samples, new (string, Func<Task>)[]
            {
                ("tugas (index)", () => repo.ListByOfficerAsync("officer-target")),
                ("  same requests, point reads all at once (Task.WhenAll)", async () =>
                {
                    var list = await pointers.QueryAsync(TableFilter.PartitionKeyEquals("o_officer-target"));
                    await Task.WhenAll(list.Select(p => repo.GetAsync(p.Value.Id)));
                }),
                ("  same requests, point reads one after another", async () =>
                {
                    foreach (var p in await pointers.QueryAsync(TableFilter.PartitionKeyEquals("o_officer-target")))
                    {
                        await repo.GetAsync(p.Value.Id);
                    }
                }),
                ("  its index partition query alone", () => pointers.QueryAsync(TableFilter.PartitionKeyEquals("o_officer-target"))),
                ("  same query, partition with no rows", () => pointers.QueryAsync(TableFilter.PartitionKeyEquals("o_nobody"))),
                ("  one kegiatan point read alone", () => repo.GetAsync("target-0")),
                ("point read of a missing kegiatan (mulai's duplicate check)", () => repo.GetAsync("k-missing")),
                ("filter on OfficerId (before the index; rows read = rows returned on Azurite, every row on Azure)",
                    () => raw.QueryAsync(TableFilter.Property("OfficerId").Eq("officer-target"))),
            });
            Console.Error.WriteLine($"measured {size} rows, load average {LoadAverage()}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task LoadAsync(
        JsonDocumentTable<Domain.Workflow.Kegiatan> raw, TableClient index, Func<string, string, string, Domain.Workflow.Kegiatan> make, int from, int to)
    {
        // Other officers' kegiatan, shaped exactly as the repository stores them: primary rows one by one (each is its own
        // partition; PK = RK = id), their index rows in batches of 100 per officer / unit-year partition.
        var ids = Enumerable.Range(from, to - from).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = InsertParallelism }, async (i, ct) =>
        {
            var officer = "officer-" + (i / OthersPerOfficer).ToString(CultureInfo.InvariantCulture);
            var unit = "unit-" + (i % 50).ToString(CultureInfo.InvariantCulture);
            var k = make("k-" + i.ToString(CultureInfo.InvariantCulture), officer, unit);
            await raw.SaveAsync(k.Id, TableKegiatanRepository.RowKeyOf(k.Id), k, null, new Dictionary<string, object?>
            {
                ["WriteId"] = Guid.NewGuid().ToString("N"), ["OfficerId"] = officer, ["UnitId"] = unit, ["Year"] = 2026, ["Status"] = k.Status.ToString(), ["CreatedAt"] = k.CreatedAt,
            }, ct);
        });
        var pointers = ids.SelectMany(i => new[]
        {
            new TableEntity("o_officer-" + (i / OthersPerOfficer).ToString(CultureInfo.InvariantCulture), "k-" + i.ToString(CultureInfo.InvariantCulture)),
            new TableEntity("u_unit-" + (i % 50).ToString(CultureInfo.InvariantCulture) + "_2026", "k-" + i.ToString(CultureInfo.InvariantCulture)),
        });
        var batches = pointers.GroupBy(p => p.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
        {
            foreach (var e in batch)
            {
                e["Doc"] = "{\"id\":\"" + e.RowKey + "\",\"at\":\"2026-03-02T02:00:00+00:00\"}";
                e["DocChunks"] = 1;
            }

            await index.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
        });
    }

    /// <summary>Runs every path once per sample, in a rotating order, so drift on a busy machine hits each path alike.</summary>
    private static async Task MeasureAsync(int size, int samples, (string Name, Func<Task> Run)[] paths)
    {
        var times = paths.Select(_ => new List<double>()).ToList();
        var trips = new int[paths.Length];
        var rows = new int[paths.Length];
        for (var sample = 0; sample < samples + 3; sample++)
        {
            for (var k = 0; k < paths.Length; k++)
            {
                var p = (sample + k) % paths.Length;
                using var scope = StorageRoundTrips.BeginScope();
                using var read = RowCountingPolicy.BeginScope();
                var watch = Stopwatch.StartNew();
                await paths[p].Run();
                watch.Stop();
                if (sample >= 3)
                {
                    times[p].Add(watch.Elapsed.TotalMilliseconds);
                    trips[p] = scope.Count;
                    rows[p] = read.Rows;
                }
            }
        }

        for (var p = 0; p < paths.Length; p++)
        {
            var sorted = times[p].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {paths[p].Name} | {trips[p]} | {rows[p]} | {sorted[sorted.Count / 2]:0.0} | {sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.95))]:0.0} | {sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.99))]:0.0} |"));
        }
    }
}
