using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BpomBot.Benchmarks.Storage;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Reminders;
using BpomBot.Storage.Reminders;
using BpomBot.Storage.Tables;
using Azure.Data.Tables;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Benchmarks.Reminders;

/// <summary>
/// One reminder sweep on Azurite with 100,000 open steps, 1 % of them due at 08:00 WIB on the swept day (the rest
/// pending months later). Each iteration sweeps a new working day with its own 1,000 due steps. Prints storage round
/// trips per sweep (reads = GET, writes = POST/PUT/DELETE) at the end.
/// Run: dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*ReminderSweep*'
/// </summary>
[Config(typeof(Config))]
public class ReminderSweepBenchmark
{
    public const int OpenSteps = 100_000;
    public const int DuePerSweep = OpenSteps / 100;
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private readonly Dictionary<string, long> roundTrips = new(StringComparer.Ordinal);
    private readonly List<SweepResult> results = [];
    private AzuriteTableProcess? azurite;
    private TableReminderStore store = null!;
    private ReminderScheduler scheduler = null!;
    private ReminderSweep sweep = null!;
    private SettableClock clock = null!;
    private MeterListener? listener;
    private bool counting;
    private int iteration;
    private DateTimeOffset now;

    [GlobalSetup]
    public void Setup()
    {
        azurite = AzuriteTableProcess.Start();
        var service = TableStorage.Create(azurite.ConnectionString);
        StorageTableInitializer.CreateTablesAsync(service, TableReminderStore.Tables).GetAwaiter().GetResult();
        store = new TableReminderStore(service);
        var units = UnitCatalog.LoadEmbedded();
        var policy = new ReminderPolicy(new WorkingDayCalendar(HolidaySet.LoadEmbedded()), new ReminderSettings());
        var directory = new RosterReminderDirectory(units, new NoRoster());
        clock = new SettableClock();
        scheduler = new ReminderScheduler(store, policy, directory, clock);
        sweep = new ReminderSweep(store, scheduler, policy, directory, new NoDelivery());

        // The other 99 %: pending reminders due 2–4 months later (08:00 WIB on 60 working days), loaded in batches of 100.
        // Their subject rows are not loaded: the sweep reads a subject only for an item that is due.
        var items = service.GetTableClient(TableReminderStore.ItemsTable);
        var days = Enumerable.Range(60, 200).Select(d => new DateOnly(2026, 4, 6).AddDays(d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(60).ToList();
        var background = Enumerable.Range(0, OpenSteps - DuePerSweep).Select(i =>
        {
            var day = days[i % days.Count];
            var occurrence = new ReminderOccurrence(day, new TimeOnly(8, 0), ReminderKind.Before, 3, false);
            var dueAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Wib);
            var subjectId = $"kegiatan/bg{i}/A.3";
            return store.ToPendingItemEntity(new ReminderItem(ReminderItem.MakeId(subjectId, 1, occurrence, "officer-bg"), subjectId, 1, "officer-bg", "bbpom-medan", dueAt, occurrence));
        });
        var batches = background.GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await items.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct)).GetAwaiter().GetResult();

        listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StorageRoundTrips.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (!Volatile.Read(ref counting))
            {
                return;
            }

            foreach (var tag in tags)
            {
                if (tag.Key == "method")
                {
                    lock (roundTrips)
                    {
                        roundTrips[(string)tag.Value!] = roundTrips.GetValueOrDefault((string)tag.Value!) + value;
                    }
                }
            }
        });
        listener.Start();
    }

    [IterationSetup]
    public void NextDay()
    {
        // 1 % of the open steps: due on the next working day, H reminder at 08:00 WIB, for 200 officers (5 each → one digest per officer).
        var day = new DateOnly(2026, 4, 6).AddDays(7 * iteration++);
        clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), Wib);
        Parallel.ForEachAsync(Enumerable.Range(0, DuePerSweep), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await scheduler.ScheduleAsync(Subject($"d{iteration}-{i}", day, officer: $"officer-{i % 200}"), ct)).GetAwaiter().GetResult();
        now = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0, 30)), Wib);
    }

    [Benchmark(Description = "Sweep: 100,000 open steps, 1 % due")]
    public async Task<SweepResult> Sweep()
    {
        Volatile.Write(ref counting, true);
        var result = await sweep.RunAsync(now);
        Volatile.Write(ref counting, false);
        results.Add(result);
        return result.ItemsSent == DuePerSweep ? result : throw new InvalidOperationException($"sweep handed over {result.ItemsSent} of {DuePerSweep}: {result}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        listener?.Dispose();
        azurite?.Dispose();
        var sweeps = Math.Max(1, results.Count);
        var lines = new[]
        {
            $"Reminder sweep figures over {results.Count} sweeps ({OpenSteps:N0} open steps, {DuePerSweep:N0} due per sweep):",
            $"  per sweep: {string.Join(", ", roundTrips.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value / (double)sweeps:N0}"))} storage round trips",
            $"  last result: {results.LastOrDefault()}",
        };
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "bpombot-reminder-sweep-figures.txt"), lines);
    }

    private static ReminderSubject Subject(string id, DateOnly due, string officer = "officer-bg") =>
        new($"kegiatan/{id}/A.3", officer, "bbpom-medan", due, "A.3 Pelaksanaan advokasi " + id);

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class NoDelivery : IReminderNotifier
    {
        public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private sealed class NoRoster : IRosterRepository
    {
        public Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default) => Task.FromResult<UnitRecord?>(null);

        public Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<UnitRecord>>([]);

        public Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default) => Task.FromResult(unit);

        public Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default) => Task.FromResult<PersonRecord?>(null);

        public Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PersonRecord>>([]);

        public Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default) => Task.FromResult(person);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
