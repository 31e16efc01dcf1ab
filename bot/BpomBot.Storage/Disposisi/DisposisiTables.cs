using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BpomBot.Storage.Disposisi;

/// <summary>The disposisi feature's tables and their registration.</summary>
public static class DisposisiTables
{
    public const string Disposisi = "Disposisi";
    public const string Pending = "DisposisiPending";
    public const string Delegations = "Delegations";
    public const string DelegationsByDelegate = "DelegationsByDelegate";

    public static readonly IReadOnlyList<string> All = [Disposisi, Pending, Delegations, DelegationsByDelegate];

    /// <summary>Registers the disposisi and delegation repositories and their tables (created at start).</summary>
    public static IServiceCollection AddBpomDisposisiStorage(this IServiceCollection services)
    {
        foreach (var table in All)
        {
            services.AddSingleton(new StorageTableName(table));
        }

        services.TryAddSingleton<IDisposisiRepository, TableDisposisiRepository>();
        services.TryAddSingleton<IDelegationRepository, TableDelegationRepository>();
        return services;
    }
}
