using Azure.Core;
using Azure.Core.Pipeline;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Storage.Tests.Faults;

/// <summary>
/// Simulates the process dying mid-sequence: lets the first <c>allowedWrites</c> writes (any non-GET request) through
/// and fails every request after that, as if nothing more was ever sent. Reads before the crash point pass.
/// </summary>
public sealed class CrashAfterPolicy(int allowedWrites) : HttpPipelinePolicy
{
    private int _writes;
    private volatile bool _crashed;

    public int Writes => Volatile.Read(ref _writes);

    public static TableServiceClient Client(string connectionString, int allowedWrites)
    {
        var options = TableStorage.CreateOptions();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(new CrashAfterPolicy(allowedWrites), HttpPipelinePosition.PerCall);
        return new TableServiceClient(connectionString, options);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (message.Request.Method != RequestMethod.Get && (_crashed || Interlocked.Increment(ref _writes) > allowedWrites))
        {
            _crashed = true;
            throw new IOException("simulated crash: this write was never sent");
        }

        await ProcessNextAsync(message, pipeline);
    }
}
