using Azure.Core;
using Azure.Core.Pipeline;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Storage.Tests.Faults;

/// <summary>
/// A write that reaches storage but whose answer is lost (a timeout after the server applied it): the first matching
/// write is sent, then the client sees a network failure, so the SDK's retry sends it again and gets 409 (insert) or
/// 412 (replace) from the write that did succeed. Placed per retry, inside the SDK's retry loop.
/// </summary>
public sealed class LostAnswerPolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    private int _lost;

    /// <summary>How many answers were lost (0 or 1).</summary>
    public int Lost => Volatile.Read(ref _lost);

    public static (TableServiceClient Client, LostAnswerPolicy Policy) Client(string connectionString, Func<HttpMessage, bool> matches)
    {
        var policy = new LostAnswerPolicy(matches);
        var options = TableStorage.CreateOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return (new TableServiceClient(connectionString, options), policy);
    }

    /// <summary>Writes to the row of one table whose URI contains <paramref name="table"/>.</summary>
    public static Func<HttpMessage, bool> WriteTo(string table, RequestMethod method) =>
        m => m.Request.Method == method
            && (m.Request.Uri.Path.Contains(table + "(", StringComparison.Ordinal) || m.Request.Uri.Path.EndsWith("/" + table, StringComparison.Ordinal));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (matches(message) && message.Response.Status is >= 200 and < 300 && Interlocked.CompareExchange(ref _lost, 1, 0) == 0)
        {
            throw new IOException("simulated timeout: the write was applied, its answer never arrived");
        }
    }
}
