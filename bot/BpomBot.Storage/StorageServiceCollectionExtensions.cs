extern alias AzureIdentity;

using Azure.Storage.Blobs;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Blobs;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Rekap;
using BpomBot.Storage.Reminders;
using BpomBot.Storage.Retention;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Reminders;
using BpomBot.Domain.Roster;
using BpomBot.Storage.InMemory;
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
    /// Registers the Azure.Data.Tables <see cref="TableServiceClient"/> (one per process: connection string, or endpoint +
    /// DefaultAzureCredential), the repositories, the evidence blob store, a hosted initializer that creates tables and the
    /// container (retrying in the background while storage is down), the retention sweep and the "storage" health check.
    /// With Storage:InMemory=true (tests and demos) the ports get in-memory repository fakes instead and no table client
    /// exists. Options come from the "Storage" section and are validated at start.
    /// </summary>
    public static IServiceCollection AddBpomTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageReadiness>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");

        if (configuration.GetValue<bool>(StorageOptions.SectionName + ":" + nameof(StorageOptions.InMemory)))
        {
            return services.AddInMemoryRepositories();
        }

        services.TryAddSingleton(sp => TableStorage.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<IEvidenceStore>(sp => new BlobEvidenceStore(
            CreateBlobService(sp.GetRequiredService<IOptions<StorageOptions>>().Value).GetBlobContainerClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.EvidenceContainer),
            sp.GetRequiredService<ILogger<BlobEvidenceStore>>()));

        foreach (var table in StorageTables.All)
        {
            services.AddSingleton(new StorageTableName(table));
        }

        services.AddHostedService<StorageTableInitializer>();
        services.TryAddSingleton<IConversationReferenceRepository, TableConversationReferenceRepository>();
        services.TryAddSingleton<IAuditLog, TableAuditLog>();
        services.TryAddSingleton<IRosterRepository, TableRosterRepository>();
        services.TryAddSingleton<IFaqTicketRepository, TableFaqTicketRepository>();
        services.TryAddSingleton<IFaqFeedbackRepository, TableFaqFeedbackRepository>();
        services.TryAddSingleton<ICalendarOverrideRepository, TableCalendarOverrideRepository>();
        services.AddBpomDisposisiStorage();
        services.TryAddSingleton<IKegiatanRepository>(sp => new TableKegiatanRepository(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<KegiatanIndexRepairService>();
        services.TryAddSingleton(sp => new DisposisiPendingRepair(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<DisposisiPendingRepairService>();
        services.AddBpomRekapProjection();
        services.TryAddSingleton<StorageRetention>();
        services.AddHostedService<StorageRetentionService>();
        services.AddBpomReminderStorage();
        services.AddBpomTurnLedgerStorage();
        return services;
    }

    /// <summary>Storage:InMemory: every storage port on an in-memory repository fake (lost on restart).</summary>
    private static IServiceCollection AddInMemoryRepositories(this IServiceCollection services)
    {
        services.TryAddSingleton<IEvidenceStore, InMemoryEvidenceStore>();
        services.TryAddSingleton<IConversationReferenceRepository, InMemoryConversationReferenceRepository>();
        services.TryAddSingleton<IAuditLog, InMemoryAuditLog>();
        services.TryAddSingleton<IRosterRepository, InMemoryRosterRepository>();
        services.TryAddSingleton<IFaqTicketRepository, InMemoryFaqTicketRepository>();
        services.TryAddSingleton<IFaqFeedbackRepository, InMemoryFaqFeedbackRepository>();
        services.TryAddSingleton<ICalendarOverrideRepository, InMemoryCalendarOverrideRepository>();
        services.TryAddSingleton<IDisposisiRepository, InMemoryDisposisiRepository>();
        services.TryAddSingleton<IDelegationRepository, InMemoryDelegationRepository>();
        services.TryAddSingleton<IKegiatanRepository, InMemoryKegiatanRepository>();
        services.TryAddSingleton<IReminderStore, InMemoryReminderStore>();
        services.TryAddSingleton<ITurnLedger, InMemoryTurnLedger>();
        services.AddBpomTurnScope();
        services.Configure<StorageOptions>(o => o.InMemory = true);
        return services;
    }

    internal static BlobServiceClient CreateBlobService(StorageOptions options) =>
        options.ConnectionString is { Length: > 0 } cs
            ? new BlobServiceClient(cs)
            : new BlobServiceClient(options.BlobEndpoint!, Credential(options));

    // Azure.Core 1.60 also carries Azure.Identity type names; the alias pins the Azure.Identity package's credential.
    internal static AzureIdentity::Azure.Identity.DefaultAzureCredential Credential(StorageOptions options) =>
        new(new AzureIdentity::Azure.Identity.DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
}
