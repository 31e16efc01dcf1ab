using BpomBot.Domain.Reminders;
using BpomBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BpomBot.Storage.Reminders;

public static class ReminderStorageRegistration
{
    /// <summary>The reminder tables (created at start) and the table-backed <see cref="IReminderStore"/>.</summary>
    public static IServiceCollection AddBpomReminderStorage(this IServiceCollection services)
    {
        foreach (var table in TableReminderStore.Tables)
        {
            services.AddSingleton(new StorageTableName(table));
        }

        services.TryAddSingleton<IReminderStore, TableReminderStore>();
        return services;
    }
}
