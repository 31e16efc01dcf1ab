using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage;
using BpomBot.Domain.Abstractions;

namespace BpomBot.Storage.Tables.Client;

/// <summary>Pipeline options: bounded exponential retries on 408/429/500/502/503/504 and network errors.</summary>
public sealed class TableClientOptions : ClientOptions
{
    public TableClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(2);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        Diagnostics.ApplicationId = "BpomBot";
    }

    public string ServiceVersion { get; set; } = "2019-02-02";

    /// <summary>Clock for request dates (x-ms-date) when signing with a shared key.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>
/// A small Table service REST client on Azure.Core's HttpPipeline (retries, logging, diagnostics), authenticated by
/// shared key (SharedKeyLite), SAS, or an Entra ID token (scope https://storage.azure.com/.default).
/// </summary>
public sealed class TableServiceClient : ITableServiceClient
{
    public const string StorageScope = "https://storage.azure.com/.default";

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), StorageScope), options)
    {
    }

    public TableServiceClient(Uri endpoint, StorageSharedKeyCredential credential, TableClientOptions? options = null)
        : this(endpoint, new TableSharedKeyPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), (options ?? new TableClientOptions()).TimeProvider), options)
    {
    }

    public TableServiceClient(Uri endpoint, AzureSasCredential credential, TableClientOptions? options = null)
        : this(endpoint, new TableSasPolicy((credential ?? throw new ArgumentNullException(nameof(credential))).Signature), options)
    {
    }

    private TableServiceClient(StorageConnectionString cs, TableClientOptions? options)
        : this(
            cs.TableEndpoint,
            cs.AccountKey is not null
                ? new TableSharedKeyPolicy(new StorageSharedKeyCredential(cs.AccountName!, cs.AccountKey), (options ?? new TableClientOptions()).TimeProvider)
                : new TableSasPolicy(cs.SharedAccessSignature!),
            options)
    {
    }

    private TableServiceClient(Uri endpoint, HttpPipelinePolicy authPolicy, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new TableClientOptions();
        Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/'));
        ServiceVersion = options.ServiceVersion;
        Pipeline = HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [authPolicy, new StorageRoundTripPolicy("table")],
            new ResponseClassifier());
    }

    public Uri Endpoint { get; }

    internal HttpPipeline Pipeline { get; }

    internal string ServiceVersion { get; }

    public ITableClient GetTableClient(string tableName)
    {
        TableLimits.ValidateTableName(tableName);
        return new TableClient(this, tableName);
    }

    internal Request CreateRequest(RequestMethod method, string relativePath, string? accept = "application/json;odata=minimalmetadata")
    {
        var request = Pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(Endpoint.AbsoluteUri + "/" + relativePath));
        request.Headers.SetValue("x-ms-version", ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (accept is not null)
        {
            request.Headers.SetValue("Accept", accept);
        }

        return request;
    }

    /// <summary>Sends and buffers the response. Unreachable or still-throttling service after retries becomes StorageUnavailableException.</summary>
    internal async Task<Response> SendAsync(Request request, string operation, CancellationToken cancellationToken)
    {
        using var activity = StorageRoundTrips.ActivitySource.StartActivity("Tables." + operation);
        Response response;
        try
        {
            response = await Pipeline.SendRequestAsync(request, cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            StorageRoundTrips.RecordFailure(operation, activity);
            throw new StorageUnavailableException($"Table storage timed out ({operation}).", ex);
        }
        catch (AggregateException ex)
        {
            StorageRoundTrips.RecordFailure(operation, activity);
            throw new StorageUnavailableException($"Table storage is unreachable ({operation}).", ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 0)
        {
            StorageRoundTrips.RecordFailure(operation, activity);
            throw new StorageUnavailableException($"Table storage is unreachable ({operation}).", ex);
        }

        if (response.Status is 408 or 429 or 500 or 502 or 503 or 504)
        {
            var status = response.Status;
            response.Dispose();
            StorageRoundTrips.RecordFailure(operation, activity);
            throw new StorageUnavailableException($"Table storage answered {status} to {operation} after retries.", new RequestFailedException(status, $"{operation} failed with {status}."));
        }

        return response;
    }

    internal static RequestFailedException Failure(Response response, string operation)
    {
        var code = response.Headers.TryGetValue("x-ms-error-code", out var c) ? c : null;
        var body = response.Content?.ToString() ?? string.Empty;
        return new RequestFailedException(response.Status, $"{operation} failed with {response.Status} {code}: {Truncate(body)}", code, null);
    }

    internal static RequestContent Json(byte[] body) => RequestContent.Create(body);

    internal static string Truncate(string text) => text.Length > 300 ? text[..300] : text;

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
