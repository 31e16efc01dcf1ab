using BpomBot.Domain.Audit;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Storage.Tests.Faults;

namespace BpomBot.Storage.Tests.Repositories;

/// <summary>
/// The audit log under a crash at every point of an append (day copy, then subject row): a retry of the same event and
/// the next day listing both converge on exactly one row per partition; nothing is lost and nothing is recorded twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AuditCrashConsistencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(TableStorage.Create(azurite.ConnectionString), StorageTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Append_CrashAfterEachWrite_RetryRecordsItOnceInBothPartitions(int writesBeforeCrash)
    {
        var (e, day) = NewEvent();
        var healthy = new TableAuditLog(TableStorage.Create(azurite.ConnectionString));
        var completed = await TryAppendAsync(new TableAuditLog(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash)), e);
        Assert.Equal(writesBeforeCrash >= 2, completed);

        await healthy.AppendAsync(e); // the caller retries the same event
        await healthy.AppendAsync(e); // and once more: still one row

        Assert.Equal([e], await healthy.ListBySubjectAsync(e.Subject, 10));
        Assert.Equal([e], await healthy.ListByDayAsync(day, 10));
    }

    [Fact]
    public async Task Append_CrashAfterTheDayCopy_NeverRetried_NextDayListingCompletesTheSubjectRow()
    {
        var (e, day) = NewEvent();
        var healthy = new TableAuditLog(TableStorage.Create(azurite.ConnectionString));
        Assert.False(await TryAppendAsync(new TableAuditLog(CrashAfterPolicy.Client(azurite.ConnectionString, 1)), e));
        Assert.Empty(await healthy.ListBySubjectAsync(e.Subject, 10));

        Assert.Equal([e], await healthy.ListByDayAsync(day, 10));

        Assert.Equal([e], await healthy.ListBySubjectAsync(e.Subject, 10));
        Assert.Equal([e], await healthy.ListByDayAsync(day, 10));
    }

    [Fact]
    public async Task TwoDistinctEventsAtTheSameTick_BothRecorded()
    {
        var (e, day) = NewEvent();
        var log = new TableAuditLog(TableStorage.Create(azurite.ConnectionString));
        var second = e with { Action = "step.reopened" };

        await log.AppendAsync(e);
        await log.AppendAsync(second);

        Assert.Equal(2, (await log.ListBySubjectAsync(e.Subject, 10)).Count);
        Assert.Equal(2, (await log.ListByDayAsync(day, 10)).Count);
    }

    private static (AuditEvent Event, DateOnly Day) NewEvent()
    {
        // A random far-off day per test so day partitions do not mix across tests.
        var day = new DateOnly(3000 + Random.Shared.Next(0, 6000), 1, 1).AddDays(Random.Shared.Next(0, 300));
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        return (new AuditEvent("kegiatan-" + Guid.NewGuid().ToString("N"), "u1", null, "step.completed", at, "berjalan", "selesai"), day);
    }

    private static async Task<bool> TryAppendAsync(TableAuditLog log, AuditEvent e)
    {
        try
        {
            await log.AppendAsync(e);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
