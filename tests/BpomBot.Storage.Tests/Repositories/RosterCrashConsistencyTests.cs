using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Repositories;
using BpomBot.Storage.Tests.Azurite;
using BpomBot.Storage.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Storage.Tests.Repositories;

/// <summary>
/// PeopleByUnit under a crash at every point of a save (copies unconfirmed, then primary, then confirm and old-copy
/// removal): the next list shows each person once, under the unit the primary row names, with the primary's values; the
/// retry converges and copies left behind are confirmed or removed by later reads.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class RosterCrashConsistencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(At);

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(TableStorage.Create(azurite.ConnectionString), StorageTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Create_CrashAfterEachWrite_ListedOnlyIfStored_RetryListsOnce(int writesBeforeCrash)
    {
        var unit = NewId("unit");
        var healthy = Healthy();
        var crashing = new TableRosterRepository(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash), _time);
        var person = new PersonRecord(NewId("aad"), null, "Siti", "siti@pom.go.id", unit, ["Pelaksana"]);

        var completed = true;
        try
        {
            await crashing.SavePersonAsync(person);
        }
        catch (Exception)
        {
            completed = false;
        }

        var stored = await healthy.GetPersonAsync(person.AadObjectId);
        Assert.Equal(writesBeforeCrash >= 2, completed); // confirming the copy is best effort
        Assert.Equal(writesBeforeCrash >= 2, stored is not null);
        Assert.Equal(stored is null ? [] : [person.AadObjectId], (await healthy.ListPeopleByUnitAsync(unit)).Select(p => p.AadObjectId));

        if (stored is null)
        {
            await healthy.SavePersonAsync(person); // the import runs again
        }

        Assert.Equal([person.AadObjectId], (await healthy.ListPeopleByUnitAsync(unit)).Select(p => p.AadObjectId));
        Assert.Equal([true], await ConfirmedAsync(unit)); // the read (or the retry) confirmed the copy
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Move_CrashAfterEachWrite_ListedUnderExactlyOneUnit_StaleCopyRemovedAfterGrace(int writesBeforeCrash)
    {
        var (unitA, unitB) = (NewId("unit"), NewId("unit"));
        var healthy = Healthy();
        var person = await healthy.SavePersonAsync(new PersonRecord(NewId("aad"), null, "Siti", "siti@pom.go.id", unitA, ["Pelaksana"]));
        var crashing = new TableRosterRepository(CrashAfterPolicy.Client(azurite.ConnectionString, writesBeforeCrash), _time);

        var completed = true;
        try
        {
            await crashing.SavePersonAsync(person with { UnitId = unitB });
        }
        catch (Exception)
        {
            completed = false;
        }

        var stored = (await healthy.GetPersonAsync(person.AadObjectId))!;
        Assert.Equal(writesBeforeCrash >= 3, completed);
        Assert.Equal(writesBeforeCrash >= 3 ? unitB : unitA, stored.UnitId);
        var inA = await healthy.ListPeopleByUnitAsync(unitA);
        var inB = await healthy.ListPeopleByUnitAsync(unitB);
        Assert.Equal(1, inA.Count + inB.Count); // never lost, never twice
        Assert.Equal(stored.UnitId, Assert.Single(stored.UnitId == unitA ? inA : inB).UnitId);

        _time.Advance(TableRosterRepository.DanglingGrace + TimeSpan.FromMinutes(1));
        Assert.Equal(inA.Count, (await healthy.ListPeopleByUnitAsync(unitA)).Count);
        Assert.Equal(inB.Count, (await healthy.ListPeopleByUnitAsync(unitB)).Count);
        Assert.Equal(1, (await ConfirmedAsync(unitA)).Count + (await ConfirmedAsync(unitB)).Count);
        Assert.All((await ConfirmedAsync(unitA)).Concat(await ConfirmedAsync(unitB)), Assert.True);
    }

    [Fact]
    public async Task RoleChange_CrashAfterTheCopy_ListShowsTheStoredRoles()
    {
        var unit = NewId("unit");
        var healthy = Healthy();
        var person = await healthy.SavePersonAsync(new PersonRecord(NewId("aad"), null, "Budi", "budi@pom.go.id", unit, ["Pelaksana"]));
        var crashing = new TableRosterRepository(CrashAfterPolicy.Client(azurite.ConnectionString, 1), _time);

        await Assert.ThrowsAnyAsync<Exception>(() => crashing.SavePersonAsync(person with { Roles = ["KepalaUpt"] }));

        Assert.Equal(["Pelaksana"], Assert.Single(await healthy.ListPeopleByUnitAsync(unit)).Roles);
        Assert.Equal([true], await ConfirmedAsync(unit)); // repaired to the primary's value
        Assert.Equal(["Pelaksana"], Assert.Single(await healthy.ListPeopleByUnitAsync(unit)).Roles);
    }

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    private TableRosterRepository Healthy() => new(TableStorage.Create(azurite.ConnectionString), _time);

    private async Task<List<bool>> ConfirmedAsync(string unit)
    {
        var table = TableStorage.Create(azurite.ConnectionString).GetTableClient(StorageTables.PeopleByUnit);
        var result = new List<bool>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == unit))
        {
            result.Add(row.GetBoolean("Confirmed") == true);
        }

        return result;
    }
}
