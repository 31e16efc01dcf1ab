extern alias AzureIdentity;

using Azure.Storage.Blobs;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Blobs;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Reminders;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.InMemory;
using BpomBot.Storage.Tables.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Tables client (connection string, or endpoint + DefaultAzureCredential), the repositories,
    /// the evidence blob store, a hosted initializer that creates tables and the container at start, and the "storage" health check.
    /// Options come from the "Storage" section and are validated at start.
    /// </summary>
    public static IServiceCollection AddBpomTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<ITableServiceClient>(sp => CreateTableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEvidenceStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.InMemory
                ? new InMemoryEvidenceStore()
                : new BlobEvidenceStore(CreateBlobService(options).GetBlobContainerClient(options.EvidenceContainer), sp.GetRequiredService<ILogger<BlobEvidenceStore>>());
        });

        foreach (var table in StorageTables.All)
        {
            services.AddSingleton(new StorageTableName(table));
        }

        services.AddHostedService<StorageTableInitializer>();
        services.TryAddSingleton<IConversationReferenceRepository, TableConversationReferenceRepository>();
        services.TryAddSingleton<IDialogStateRepository, TableDialogStateRepository>();
        services.TryAddSingleton<IAuditLog, TableAuditLog>();
        services.TryAddSingleton<IRosterRepository, TableRosterRepository>();
        services.TryAddSingleton<IFaqTicketRepository, TableFaqTicketRepository>();
        services.TryAddSingleton<IFaqFeedbackRepository, TableFaqFeedbackRepository>();
        services.TryAddSingleton<ICalendarOverrideRepository, TableCalendarOverrideRepository>();
        services.AddBpomDisposisiStorage();
        services.TryAddSingleton<IKegiatanRepository, TableKegiatanRepository>();
        services.AddBpomReminderStorage();
        services.AddBpomTurnLedgerStorage();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    internal static ITableServiceClient CreateTableService(StorageOptions options, TimeProvider timeProvider)
    {
        if (options.InMemory)
        {
            return new InMemoryTableServiceClient(timeProvider);
        }

        return options.ConnectionString is { Length: > 0 } cs
            ? new TableServiceClient(cs)
            : new TableServiceClient(options.TableEndpoint!, Credential(options));
    }

    internal static BlobServiceClient CreateBlobService(StorageOptions options)
    {
        if (options.ConnectionString is { Length: > 0 } cs)
        {
            var parsed = StorageConnectionString.Parse(cs);
            if (parsed.BlobEndpoint is null)
            {
                throw new InvalidOperationException("Storage:ConnectionString has no blob endpoint for evidence files.");
            }

            return parsed.AccountKey is not null
                ? new BlobServiceClient(parsed.BlobEndpoint, new Azure.Storage.StorageSharedKeyCredential(parsed.AccountName!, parsed.AccountKey))
                : new BlobServiceClient(parsed.BlobEndpoint, new Azure.AzureSasCredential(parsed.SharedAccessSignature!));
        }

        return new BlobServiceClient(options.BlobEndpoint!, Credential(options));
    }

    // Azure.Core 1.60 also carries Azure.Identity type names; the alias pins the Azure.Identity package's credential.
    private static AzureIdentity::Azure.Identity.DefaultAzureCredential Credential(StorageOptions options) =>
        new(new AzureIdentity::Azure.Identity.DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
}
