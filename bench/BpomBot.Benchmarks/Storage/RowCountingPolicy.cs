using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace BpomBot.Benchmarks.Storage;

/// <summary>
/// Counts the entities storage returned to the current async flow (<see cref="BeginScope"/>): a successful GET of one
/// entity is 1 row, a query page is the length of its <c>value</c> array. Added per retry to the table pipeline, next to
/// the round-trip counter, so "rows read" in the scale bench is what went over the wire, not what the caller kept.
/// </summary>
internal sealed class RowCountingPolicy : HttpPipelinePolicy
{
    private static readonly AsyncLocal<Scope?> Current = new();

    public static Scope BeginScope() => Current.Value = new Scope();

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

    private static void Count(HttpMessage message)
    {
        if (Current.Value is not { } scope || message.Request.Method != RequestMethod.Get || !message.HasResponse || message.Response.Status != 200)
        {
            return;
        }

        using var json = JsonDocument.Parse(message.Response.Content.ToMemory());
        var rows = json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 1;
        Interlocked.Add(ref scope.Count, rows);
    }

    /// <summary>Rows read since the scope began.</summary>
    public sealed class Scope : IDisposable
    {
        internal int Count;

        public int Rows => Volatile.Read(ref Count);

        public void Dispose() => Current.Value = null;
    }
}
