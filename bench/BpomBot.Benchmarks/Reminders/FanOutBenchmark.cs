using System.Collections.Concurrent;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Proactive;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BpomBot.Benchmarks.Reminders;

/// <summary>
/// Fan-out of 10,000 reminders to 10,000 conversations through the real delivery queue and connector sender to a local
/// fake connector (Kestrel, 127.0.0.1) that answers every 100th send with 429 Retry-After: 1. Prints the achieved send
/// rate as a share of the configured app-wide limit and the messages lost (enqueued but never accepted).
/// Run: dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*FanOut*'
/// </summary>
[Config(typeof(Config))]
public class FanOutBenchmark
{
    public const int Messages = 10_000;

    [Params(50)]
    public int AppMessagesPerSecond { get; set; }

    [Benchmark(Description = "Fan-out 10,000 reminders")]
    public async Task<string> FanOut()
    {
        var accepted = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var requests = 0;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var connector = builder.Build();
        connector.MapPost("/v3/conversations/{id}/activities", (string id, HttpContext http) =>
        {
            if (Interlocked.Increment(ref requests) % 100 == 0)
            {
                http.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            accepted.TryAdd(id, DateTimeOffset.UtcNow);
            return Results.Json(new { id = "act-" + id }, statusCode: 201);
        });
        await connector.StartAsync();
        var serviceUrl = connector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var options = new ProactiveOptions { AppMessagesPerSecond = AppMessagesPerSecond, Concurrency = 32, DefaultServiceUrl = serviceUrl };
        var store = new InMemoryReminderStore();
        var references = new References(serviceUrl);
        using var http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var bot = Options.Create(new BotOptions());
        var sender = new ConnectorProactiveSender(
            new ConnectorClient(http.GetRequiredService<IHttpClientFactory>(), TimeProvider.System), new ServiceUrlTrust(bot), references, new NoRoster(), TimeProvider.System, bot, Options.Create(options));
        var delivery = new NotificationDelivery(
            sender, store, new SendRateLimiter(TimeProvider.System, options), new RetryPolicy(options, new Random(5)), TimeProvider.System,
            Options.Create(options), NullLogger<NotificationDelivery>.Instance);
        var dueAt = new DateTimeOffset(2026, 4, 6, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Messages; i++)
        {
            var n = await store.TryAddNotificationAsync(new Notification(
                $"single|{i}", $"person-{i}", "bbpom-medan", new DateOnly(2026, 4, 6), dueAt, false,
                [new NotificationItem($"kegiatan/K{i}/A.3", "A.3 Pelaksanaan advokasi", ReminderKind.DueToday, 0, new DateOnly(2026, 4, 6), false, "Segera", null)],
                NotificationStatus.Queued, 0, null, DateTimeOffset.UtcNow));
            await delivery.EnqueueAsync(n!);
        }

        using var cts = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        var loop = delivery.RunAsync(cts.Token);
        while (accepted.Count < Messages && stopwatch.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(50);
        }

        var elapsed = stopwatch.Elapsed;
        await Task.Delay(500);
        await cts.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Expected: the queue runs until cancelled.
        }

        await connector.StopAsync();
        var all = await store.ListNotificationsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var sent = all.Count(n => n.Status == NotificationStatus.Sent);
        var rate = accepted.Count / elapsed.TotalSeconds;
        var line = $"Fan-out: {Messages:N0} enqueued, {accepted.Count:N0} accepted by the connector, {sent:N0} recorded sent, "
            + $"{Messages - accepted.Count:N0} lost, {requests:N0} requests ({requests - accepted.Count:N0} answered 429), "
            + $"{elapsed.TotalSeconds:N1} s, {rate:N1} msg/s = {rate / AppMessagesPerSecond:P1} of the {AppMessagesPerSecond}/s limit";
        Console.WriteLine(line);
        await File.AppendAllLinesAsync(Path.Combine(Path.GetTempPath(), "bpombot-fanout-figures.txt"), [line]);
        return line;
    }

    private sealed class NoToken : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
    }

    /// <summary>Everyone already has a stored personal conversation "a:{person}".</summary>
    private sealed class References(string serviceUrl) : IConversationReferenceRepository
    {
        public Task<ConversationReferenceRecord?> GetByUserAsync(string userAadObjectId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ConversationReferenceRecord?>(new ConversationReferenceRecord("a:" + userAadObjectId, userAadObjectId, "t", serviceUrl, "{}", DateTimeOffset.UnixEpoch, "1"));

        public Task<ConversationReferenceRecord> SaveAsync(ConversationReferenceRecord record, CancellationToken cancellationToken = default) => Task.FromResult(record);
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
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(1)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
