using BpomBot.Domain.Calendar;
using BpomBot.Domain.Tests.Calendar;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Calendar;

/// <summary>The calendar's override contract (from Domain.Tests) on the table adapter on Azurite.</summary>
public abstract class TableCalendarOverrideRepositoryTests : CalendarOverrideRepositoryContract
{
    protected abstract TableServiceClient CreateService();

    protected override async Task<ICalendarOverrideRepository> CreateEmptyAsync()
    {
        var service = CreateService();
        await StorageTableInitializer.CreateTablesAsync(service, StorageTables.All);
        return new TableCalendarOverrideRepository(service, new TableAuditLog(service));
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteCalendarOverrideRepositoryTests(AzuriteFixture azurite) : TableCalendarOverrideRepositoryTests
{
    protected override TableServiceClient CreateService() => TableStorage.Create(azurite.ConnectionString);

    /// <summary>The table name is fixed and Azurite is shared, so each test starts from an emptied table.</summary>
    protected override async Task<ICalendarOverrideRepository> CreateEmptyAsync()
    {
        var repository = await base.CreateEmptyAsync();
        var table = TableStorage.Create(azurite.ConnectionString).GetTableClient(StorageTables.CalendarOverrides);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All);
        }

        return repository;
    }
}

