extern alias AzureIdentity;

using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using BpomBot.Storage;
using BpomBot.Storage.Tables.Client;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Ingress;

/// <summary>The activities queue and its poison queue, on the bot's storage account, with the same bounded retries as the tables.</summary>
public sealed class IngressQueues
{
    public IngressQueues(IOptions<StorageOptions> storage, IOptions<IngressOptions> ingress)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(ingress);
        var options = TableStorage.WithBoundedRetries(new QueueClientOptions());
        options.AddPolicy(new CountingPolicy(), HttpPipelinePosition.PerRetry);
        var service = storage.Value.ConnectionString is { Length: > 0 } cs
            ? new QueueServiceClient(cs, options)
            : new QueueServiceClient(
                ingress.Value.QueueEndpoint ?? throw new InvalidOperationException("Ingress:QueueEndpoint is required with Storage:TableEndpoint."),
                new AzureIdentity::Azure.Identity.DefaultAzureCredential(new AzureIdentity::Azure.Identity.DefaultAzureCredentialOptions { ManagedIdentityClientId = storage.Value.ManagedIdentityClientId }),
                options);
        Activities = service.GetQueueClient(ingress.Value.QueueName);
        Poison = service.GetQueueClient(ingress.Value.QueueName + "-poison");
    }

    public QueueClient Activities { get; }

    public QueueClient Poison { get; }

    /// <summary>Queue round trips since start (retries included) by kind: send (POST), receive (GET), delete (DELETE), other.</summary>
    public static (long Send, long Receive, long Delete, long Other) RoundTrips =>
        (Interlocked.Read(ref sends), Interlocked.Read(ref receives), Interlocked.Read(ref deletes), Interlocked.Read(ref others));

    private static long sends;
    private static long receives;
    private static long deletes;
    private static long others;

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var method = message.Request.Method;
            if (method == RequestMethod.Post)
            {
                Interlocked.Increment(ref sends);
            }
            else if (method == RequestMethod.Get)
            {
                Interlocked.Increment(ref receives);
            }
            else if (method == RequestMethod.Delete)
            {
                Interlocked.Increment(ref deletes);
            }
            else
            {
                Interlocked.Increment(ref others);
            }
        }
    }
}

/// <summary>Wakes this instance's worker when this instance queued something, so it need not wait for its next poll.</summary>
public sealed class IngressSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> has passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}

/// <summary>
/// The enqueue side: stores the activity's body as received (already authenticated by the endpoint) and says whether
/// it did. Invokes stay in the request (Teams waits for their answer), and so does anything the queue cannot take now.
/// </summary>
internal sealed class StorageActivityQueue(IngressQueues queues, IngressSignal signal, IOptions<IngressOptions> options, ILogger<StorageActivityQueue> logger)
    : IActivityQueue
{
    public async Task<bool> TryEnqueueAsync(Activity activity, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Invoke)
        {
            return false;
        }

        if (body.Length > options.Value.MaxMessageBytes)
        {
            logger.HandledDirectlyTooLarge(activity.Id, body.Length);
            return false;
        }

        try
        {
            await queues.Activities.SendMessageAsync(BinaryData.FromBytes(body), cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException || TableStorage.IsUnavailable(ex, cancellationToken))
        {
            logger.HandledDirectlyQueueFailed(ex, activity.Id);
            return false;
        }

        signal.Wake();
        return true;
    }
}
