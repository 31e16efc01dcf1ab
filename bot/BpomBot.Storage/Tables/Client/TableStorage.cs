extern alias AzureIdentity;

using Azure;
using Azure.Core;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Storage.Tables.Client;

/// <summary>
/// What the bot adds to Azure.Data.Tables: one way to build the <see cref="TableServiceClient"/> (bounded retries and the
/// round-trip counter in its pipeline) and one way to call it, so that a service that stays unreachable, throttled or
/// failing after the SDK's retries surfaces as <see cref="StorageUnavailableException"/> (the chat answers "coba lagi
/// sebentar") and lost races (404/409/412) as <see cref="ConcurrencyConflictException"/> where a repository asks for it.
/// </summary>
public static class TableStorage
{
    /// <summary>Pipeline options: bounded exponential retries (the SDK retries 408/429/500/502/503/504 and network errors) and the round-trip counter.</summary>
    public static TableClientOptions CreateOptions()
    {
        var options = WithBoundedRetries(new TableClientOptions());
        options.AddPolicy(new StorageRoundTripPolicy("table"), HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>
    /// The retry rules every storage client of the bot shares (tables, and the ingress queue): exponential, 3 retries,
    /// 200 ms to 2 s apart, 20 s per attempt.
    /// </summary>
    public static T WithBoundedRetries<T>(T options) where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        options.Diagnostics.ApplicationId = "BpomBot";
        return options;
    }

    /// <summary>A client for a connection string (Azurite, account key or SAS).</summary>
    public static TableServiceClient Create(string connectionString) => new(connectionString, CreateOptions());

    /// <summary>A client for an endpoint and an Entra ID credential (managed identity in production).</summary>
    public static TableServiceClient Create(Uri endpoint, TokenCredential credential) => new(endpoint, credential, CreateOptions());

    /// <summary>The client <paramref name="options"/> name: connection string, or endpoint + DefaultAzureCredential.</summary>
    public static TableServiceClient Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ConnectionString is { Length: > 0 } cs
            ? Create(cs)
            : Create(options.TableEndpoint ?? throw new InvalidOperationException("Storage:TableEndpoint is not set."), StorageServiceCollectionExtensions.Credential(options));
    }

    /// <summary>Runs one SDK call, turning "storage is not there" into <see cref="StorageUnavailableException"/>.</summary>
    public static async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var activity = StorageRoundTrips.ActivitySource.StartActivity("Tables." + operation);
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            StorageRoundTrips.RecordFailure(operation, activity);
            throw new StorageUnavailableException($"Table storage is unavailable ({operation}): {Describe(ex)}", ex);
        }
    }

    public static Task CallAsync(string operation, Func<Task> call, CancellationToken cancellationToken) =>
        CallAsync(operation, async () => { await call(); return true; }, cancellationToken);

    /// <summary>True for failures that mean the service is not answering usefully (after the pipeline's retries).</summary>
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        RequestFailedException rf => rf.Status is 0 or 408 or 429 or >= 500,
        AggregateException => true, // the pipeline's "retry failed after N tries" (network errors)
        System.Net.Http.HttpRequestException or System.Net.Sockets.SocketException or IOException => true,
        _ => false,
    };

    /// <summary>True when a write lost a race: the row exists (409), changed (412) or vanished (404).</summary>
    public static bool IsConflict(RequestFailedException exception) => exception?.Status is 404 or 409 or 412;

    private static string Describe(Exception ex) => ex is RequestFailedException rf ? $"HTTP {rf.Status} {rf.ErrorCode}" : ex.GetType().Name;
}
