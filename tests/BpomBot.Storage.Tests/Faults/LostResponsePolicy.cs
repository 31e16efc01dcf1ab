using Azure.Core;
using Azure.Core.Pipeline;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Storage.Tests.Faults;

/// <summary>
/// Simulates a timeout after the service applied a write: the first write (a <c>$batch</c> transaction, an insert or
/// an update; not a read) reaches the service, its answer is dropped as if the connection broke, and the SDK's retry
/// policy sends it again.
/// </summary>
public sealed class LostResponsePolicy : HttpPipelinePolicy
{
    private int _dropped;

    public int Dropped => Volatile.Read(ref _dropped);

    public static (TableServiceClient Client, LostResponsePolicy Policy) Client(string connectionString)
    {
        var options = TableStorage.CreateOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var policy = new LostResponsePolicy();
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return (new TableServiceClient(connectionString, options), policy);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (message.Request.Method != RequestMethod.Get && Interlocked.CompareExchange(ref _dropped, 1, 0) == 0)
        {
            throw new IOException("simulated timeout: the write was applied, its answer lost");
        }
    }
}
