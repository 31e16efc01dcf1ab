using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace BpomBot.Storage.Tables.Client;

/// <summary>
/// Counts every storage round trip (each retry attempt included) on the "BpomBot.Storage" meter and, when a
/// <see cref="StorageRoundTrips.BeginScope"/> is open on the current async flow, in that scope too.
/// </summary>
internal sealed class StorageRoundTripPolicy(string service) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        StorageRoundTrips.Record(service, message.Request.Method.Method);
    }
}

/// <summary>Round-trip telemetry: a meter counter, an activity source, and an optional per-request counter scope.</summary>
public static class StorageRoundTrips
{
    public const string MeterName = "BpomBot.Storage";

    public static readonly ActivitySource ActivitySource = new(MeterName);

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Counter = Meter.CreateCounter<long>("bpombot.storage.round_trips", unit: "{request}", description: "HTTP round trips to Azure Storage, retries included.");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("bpombot.storage.failures", unit: "{call}", description: "Table calls that failed as unavailable (timeout, unreachable, throttled or 5xx after retries).");
    private static readonly AsyncLocal<Scope?> Current = new();
    private static long total;

    /// <summary>Round trips this process has made since it started.</summary>
    public static long Total => Interlocked.Read(ref total);

    /// <summary>Starts counting round trips made by this async flow (e.g. one bot turn); dispose to stop.</summary>
    public static Scope BeginScope()
    {
        var scope = new Scope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    internal static void Record(string service, string method)
    {
        Counter.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("method", method));
        Interlocked.Increment(ref total);
        for (var scope = Current.Value; scope is not null; scope = scope.Parent)
        {
            scope.Increment();
        }
    }

    internal static void RecordFailure(string operation, Activity? activity)
    {
        Failures.Add(1, new KeyValuePair<string, object?>("operation", operation));
        activity?.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>A counting scope; <see cref="Count"/> is the number of round trips since it began.</summary>
    public sealed class Scope : IDisposable
    {
        private int _count;

        internal Scope(Scope? parent) => Parent = parent;

        public int Count => Volatile.Read(ref _count);

        internal Scope? Parent { get; }

        internal void Increment() => Interlocked.Increment(ref _count);

        public void Dispose() => Current.Value = Parent;
    }
}
