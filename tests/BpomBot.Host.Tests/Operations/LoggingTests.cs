using System.Collections.Concurrent;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BpomBot.Host.Tests.Operations;

public sealed class LoggingTests
{
    private const string Secret = "RahasiaPetugas7731 nomor izin MD-998877";

    [Fact]
    public async Task Turn_WithDistinctiveText_TextNeverLoggedAtInformationOrAbove()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (app, http) = await OperationsHost.StartAsync("--Logging:LogLevel:Default=Trace");
        await using var _ = app;
        var capture = new CapturingLoggerProvider();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);

        await OperationsHost.SendMessageAsync(app, http, receiver.Address, "act-log-1", Secret);

        var entries = capture.Entries.ToList();
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Scopes.Contains("ActivityId:act-log-1 ConversationId:a:conv-1"));
        var leaks = entries.Where(e => e.Level >= LogLevel.Information && e.Everything.Contains("RahasiaPetugas7731", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "message text logged: " + string.Join(" | ", leaks.Select(e => $"{e.Category} {e.Level} {e.Message}")));
    }

    [Fact]
    public void BeginKegiatanScope_InsideTurnScope_LogsCarryBothIds()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var logger = factory.CreateLogger("Test");
        using var source = new System.Diagnostics.ActivitySource("BpomBot.Host.Tests.Kegiatan");
        using var activityListener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(activityListener);
        using var span = source.StartActivity("turn message");

        using (logger.BeginScope("ActivityId:{ActivityId}", "act-9"))
        using (logger.BeginKegiatanScope("KGT-2026-0042"))
        {
            logger.LogInformation("Step recorded");
        }

        var entry = Assert.Single(capture.Entries);
        Assert.Contains("ActivityId:act-9", entry.Scopes);
        Assert.Contains("KegiatanId:KGT-2026-0042", entry.Scopes);
        Assert.Equal("KGT-2026-0042", span!.GetTagItem("bpombot.kegiatan.id"));
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, string State, string? Exception, IReadOnlyList<string> Scopes)
    {
        public string Everything => string.Join("\n", [Message, State, Exception ?? string.Empty, .. Scopes]);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopeTexts = new List<string>();
                provider.scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopeTexts);
                var stateText = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}"))
                    : state?.ToString() ?? string.Empty;
                provider.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), stateText, exception?.ToString(), scopeTexts));
            }
        }
    }
}
