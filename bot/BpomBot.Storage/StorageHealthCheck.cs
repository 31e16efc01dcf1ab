using Azure;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BpomBot.Storage;

/// <summary>
/// "storage": healthy when the tables have been created and the Table endpoint answers a one-row query within a few
/// seconds. With Storage:InMemory there is no table service and the check reports healthy (in-memory).
/// </summary>
public sealed class StorageHealthCheck(StorageReadiness readiness, TableServiceClient? service = null) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (service is null)
        {
            return HealthCheckResult.Healthy("In-memory storage (Storage:InMemory).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await TableStorage.CallAsync("Health", async () =>
            {
                await foreach (var page in service.GetTableClient(StorageTables.Units).QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: timeout.Token).AsPages())
                {
                    break;
                }
            }, timeout.Token);
            return readiness.TablesReady
                ? HealthCheckResult.Healthy("Table storage reachable.")
                : HealthCheckResult.Unhealthy("Table storage reachable; tables not created yet.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Table storage did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (StorageUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy("Table storage unavailable.", ex);
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy($"Table storage answered {ex.Status} {ex.ErrorCode}.", ex);
        }
    }
}
