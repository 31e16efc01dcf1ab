using Azure;
using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BpomBot.Storage;

/// <summary>"storage": healthy when the Table endpoint answers a one-row query within a few seconds.</summary>
public sealed class StorageHealthCheck(ITableServiceClient service) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var page in service.GetTableClient(StorageTables.Units).QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token))
            {
                break;
            }

            return HealthCheckResult.Healthy("Table storage reachable.");
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
