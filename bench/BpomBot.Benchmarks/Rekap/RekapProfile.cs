using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using BpomBot.Benchmarks.Storage;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Rekap;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;

namespace BpomBot.Benchmarks.Rekap;

/// <summary>
/// Where the all-BPOM recap spends its time, on the seed of <see cref="RekapBenchmark"/>: each phase timed on its own,
/// the variants interleaved round after round (the shared machine's load moves by the second, so A and B are measured
/// side by side, never one after the other). Not BenchmarkDotNet: a stopwatch per phase, the median and range printed.
/// Run: dotnet run -c Release --project bench/BpomBot.Benchmarks -- rekap-profile [rounds]
/// </summary>
public static class RekapProfile
{
    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        using var azurite = AzuriteTableProcess.Start();
        var bytes = new ResponseBytes();
        var options = TableStorage.CreateOptions();
        options.AddPolicy(bytes, HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(azurite.ConnectionString, options);
        await StorageTableInitializer.CreateTablesAsync(tables, StorageTables.All);
        var units = UnitCatalog.LoadEmbedded();
        var seeded = await RekapBenchmark.SeedAsync(tables, units);
        Console.WriteLine($"seeded {seeded} rows; load {Load()}");

        var repository = new TableKegiatanRepository(tables);
        var source = new TableRekapSource(tables, repository);
        var table = tables.GetTableClient(RekapProjectionTable.TableName);
        var calendar = new WorkingDayCalendar(HolidaySet.LoadEmbedded());
        var time = TimeProvider.System;
        var service = new RekapService(repository, SopCatalog.LoadEmbedded(), units, calendar, new OfficeClock(time, units), time, new RekapBenchmark.NoAudit(), source);
        var calculator = new RekapCalculator(SopCatalog.LoadEmbedded().Latest(RekapService.SopCode)!, units, calendar);
        var request = new RekapRequest(RekapBenchmark.Year, null, RekapScope.All);
        var ids = units.Units.Select(u => u.Id).ToList();
        var loaded = await service.LoadAsync(request);

        // The rows as the read receives them, decoded without Azurite: this format, and the previous one (the full JSON document).
        var projection = new RekapProjectionTable(tables);
        var current = RekapBenchmark.Seed(units).Where(k => k.Year == RekapBenchmark.Year).Select(projection.ConfirmedRow).ToList();
        var previousTable = new BpomBot.Storage.Tables.Documents.JsonDocumentTable<Domain.Workflow.Kegiatan>(table);
        var previous = RekapBenchmark.Seed(units).Where(k => k.Year == RekapBenchmark.Year)
            .Select(k => previousTable.ToEntity(RekapProjectionTable.Partition(k.UnitId, k.Year), k.Id, RekapProjection.Of(k))).ToList();
        var phases = new List<(string Name, Func<Task<string>> Run)>
        {
            ("decode only, format 3 (one thread)", () => Task.FromResult($"{current.ConvertAll(RekapRowFormat.Decode).Count} rows")),
            ("decode only, format 2 (one thread)", () => Task.FromResult($"{previous.ConvertAll(r => previousTable.Read(r).Value).Count} rows")),
            ("query only, 18 ranges of 5 units, 4 at a time", () => RawAsync(table, ids, 5, 4, null, bytes)),
            ("query only, $select of the columns the read uses", () => RawAsync(table, ids, 5, 4, RekapRowFormat.ReadColumns, bytes)),
            ("query only, 9 ranges of 10 units, 4 at a time", () => RawAsync(table, ids, 10, 4, null, bytes)),
            ("query only, 18 ranges of 5 units, 1 at a time", () => RawAsync(table, ids, 5, 1, null, bytes)),
            ("query only, 18 ranges of 5 units, 8 at a time", () => RawAsync(table, ids, 5, 8, null, bytes)),
            ("source read (query + decode)", async () => $"{(await service.LoadAsync(request)).Count} kegiatan"),
            ("compute only", () => Task.FromResult($"{calculator.Compute(request, loaded, new DateOnly(RekapBenchmark.Year, 12, 1)).StepLines.Count} lines")),
            ("whole recap (RekapService.BuildAsync)", async () => $"{(await service.BuildAsync(RekapViewer.System, RekapBenchmark.Year, null, null)).Result!.Kegiatan.Count} kegiatan"),
        };
        var times = phases.Select(_ => new List<double>()).ToList();
        var notes = new string[phases.Count];
        for (var round = 0; round <= rounds; round++)
        {
            for (var i = 0; i < phases.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                notes[i] = await phases[i].Run();
                if (round > 0) times[i].Add(clock.Elapsed.TotalSeconds); // round 0 warms up
            }

            Console.WriteLine($"round {round} done; load {Load()}");
        }

        Console.WriteLine($"{rounds} rounds, load at the end {Load()}");
        for (var i = 0; i < phases.Count; i++)
        {
            var t = times[i].Order().ToList();
            Console.WriteLine($"| {phases[i].Name} | {t[t.Count / 2]:0.00} s | {t[0]:0.00} – {t[^1]:0.00} s | {notes[i]} |");
        }
    }

    /// <summary>The key-range queries alone (no decoding): requests, rows and response bytes.</summary>
    private static async Task<string> RawAsync(TableClient table, List<string> unitIds, int unitsPerRange, int parallel, IReadOnlyList<string>? select, ResponseBytes bytes)
    {
        var ranges = unitIds.Select(u => RekapProjectionTable.Partition(u, RekapBenchmark.Year)).Order(StringComparer.Ordinal).Chunk(unitsPerRange)
            .Select(run => $"PartitionKey ge '{run[0]}' and PartitionKey le '{run[^1]}'").ToList();
        var before = bytes.Total;
        long rows = 0, requests = 0;
        await Parallel.ForEachAsync(ranges, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (filter, ct) =>
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, 1000, select, ct).AsPages())
            {
                Interlocked.Add(ref rows, page.Values.Count);
                Interlocked.Increment(ref requests);
            }
        });
        return $"{requests} requests, {rows} rows, {(bytes.Total - before) / 1e6:0.0} MB";
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>Counts the bytes of the responses.</summary>
    private sealed class ResponseBytes : HttpPipelinePolicy
    {
        private long total;

        public long Total => Interlocked.Read(ref total);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Count(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            Count(message);
        }

        private void Count(HttpMessage message)
        {
            if (message.Response.ContentStream is { CanSeek: true } s) Interlocked.Add(ref total, s.Length);
        }
    }
}
