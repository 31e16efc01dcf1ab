using System.Diagnostics.Metrics;
using System.Text;
using BpomBot.Domain.Telemetry;

namespace BpomBot.Host.Tests.Operations;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Serve_WithOtlpEndpoint_ExportsTracesAndMetricsWithServiceName()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (app, http) = await OperationsHost.StartAsync(
            $"--Observability:OtlpEndpoint={receiver.Address}", "--Observability:ServiceName=bpombot-otlp-test");
        await OperationsHost.SendMessageAsync(app, http, receiver.Address, "act-otlp-1", "bantuan");

        await app.StopAsync();
        await app.DisposeAsync(); // shutting the providers down flushes traces and metrics

        var traces = receiver.BodiesTo("/v1/traces").ToList();
        var metrics = receiver.BodiesTo("/v1/metrics").ToList();
        Assert.NotEmpty(traces);
        Assert.NotEmpty(metrics);
        Assert.Contains(traces, b => Contains(b, "bpombot-otlp-test") && Contains(b, "turn message"));
        Assert.Contains(metrics, b => Contains(b, "bpombot-otlp-test") && Contains(b, "bpombot.turn.duration"));
    }

    [Fact]
    public async Task Serve_WithoutOtlpEndpoint_ExportsNothing()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (app, http) = await OperationsHost.StartAsync();
        await OperationsHost.SendMessageAsync(app, http, receiver.Address, "act-otlp-2", "bantuan");

        await app.StopAsync();
        await app.DisposeAsync();

        Assert.DoesNotContain(receiver.Requests, r => r.Path.StartsWith("/v1/", StringComparison.Ordinal));
        Assert.Contains(receiver.Requests, r => r.Path.Contains("/v3/conversations/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turn_Handled_RecordsTurnDurationWithActivityType()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var recorded = new List<(double Seconds, string? Type, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BpomTelemetry.Name && instrument.Name == "bpombot.turn.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var all = tags.ToArray();
            string? Tag(string key) => all.FirstOrDefault(t => t.Key == key).Value as string;
            lock (recorded)
            {
                recorded.Add((value, Tag("activity.type"), Tag("outcome")));
            }
        });
        listener.Start();
        var (app, http) = await OperationsHost.StartAsync();
        await using var _ = app;

        await OperationsHost.SendMessageAsync(app, http, receiver.Address, "act-metric-1", "bantuan");

        lock (recorded)
        {
            Assert.Contains(recorded, r => r.Type == "message" && r.Outcome == "ok" && r.Seconds >= 0);
        }
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
