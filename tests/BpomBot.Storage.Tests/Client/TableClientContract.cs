using Azure;
using BpomBot.Storage.Tables.Client;

using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Client;

/// <summary>Behaviour every <see cref="ITableClient"/> must show; run against Azurite and the in-memory fake.</summary>
public abstract class TableClientContract
{
    protected abstract ITableServiceClient Service { get; }

    private async Task<ITableClient> NewTableAsync()
    {
        var table = Service.GetTableClient("t" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task CreateIfNotExists_CalledTwice_Succeeds()
    {
        var table = await NewTableAsync();
        await table.CreateIfNotExistsAsync();
        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task AddEntity_TypedProperties_RoundTripExactly()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(7)).AddTicks(1234567);
        var guid = Guid.NewGuid();
        var entity = new TableEntity("p'1", "r 1")
        {
            ["Text"] = "Kelengkapan 'lengkap' — ✓",
            ["Int"] = -42,
            ["Long"] = long.MaxValue - 1,
            ["SmallLong"] = 5L,
            ["Whole"] = 5.0,
            ["Fraction"] = 0.1,
            ["Flag"] = true,
            ["When"] = when,
            ["Id"] = guid,
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        };

        var etag = await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync("p'1", "r 1");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("Kelengkapan 'lengkap' — ✓", read["Text"]);
        Assert.Equal(-42, read["Int"]);
        Assert.Equal(long.MaxValue - 1, read["Long"]);
        Assert.Equal(5L, read["SmallLong"]);
        Assert.Equal(5.0, Assert.IsType<double>(read["Whole"]));
        Assert.Equal(0.1, read["Fraction"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(when.UtcTicks, read.GetDateTimeOffset("When")!.Value.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("When")!.Value.Offset);
        Assert.Equal(guid, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, read["Bytes"]);
    }

    [Theory]
    [InlineData("a'b", "c''d")]
    [InlineData("spasi dan +%&=", "ünï©ødé")]
    [InlineData("19:abc@thread.tacv2;messageid=1", "a:1B2c")]
    public async Task GetEntity_KeysWithSpecialCharacters_RoundTrip(string pk, string rk)
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity(pk, rk) { ["V"] = 1 });

        var read = await table.GetEntityAsync(pk, rk);
        var queried = await table.QueryListAsync(TableFilter.PartitionKeyEquals(pk).And(TableFilter.Property("RowKey").Eq(rk)));

        Assert.Equal(1, read?["V"]);
        Assert.Equal(rk, Assert.Single(queried).RowKey);
    }

    [Fact]
    public async Task GetEntity_TableMissing_Throws404()
    {
        var table = Service.GetTableClient("missing" + Guid.NewGuid().ToString("N"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r"));

        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task AddEntity_Existing_Throws409()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(409, ex.Status);
    }

    [Fact]
    public async Task UpsertEntity_Merge_KeepsOtherProperties_Replace_DropsThem()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 1 }, TableUpdateMode.Replace);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = 2 }, TableUpdateMode.Merge);
        var merged = await table.GetEntityAsync("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = true }, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync("p", "r");

        Assert.Equal("a", merged?["A"]);
        Assert.Equal(2, merged?["B"]);
        Assert.Null(replaced?["A"]);
        Assert.Equal(true, replaced?["C"]);
    }

    [Fact]
    public async Task UpdateEntity_StaleETag_Throws412_CurrentETag_Succeeds()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });
        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, first, TableUpdateMode.Replace);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3 }, first));
        var third = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 4 }, second);
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["M"] = 5 }, ETag.All);

        Assert.Equal(412, ex.Status);
        Assert.NotEqual(first, second);
        Assert.NotEqual(second, third);
        var read = await table.GetEntityAsync("p", "r");
        Assert.Equal(4, read?["N"]);
        Assert.Equal(5, read?["M"]);
    }

    [Fact]
    public async Task UpdateEntity_Missing_Throws404()
    {
        var table = await NewTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All));
        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task DeleteEntity_StaleETag_Throws412_Unconditional_Deletes_Missing_IsNoError()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, first);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", first));
        await table.DeleteEntityAsync("p", "r");
        await table.DeleteEntityAsync("p", "r");

        Assert.Equal(412, ex.Status);
        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task UpdateEntity_TwoConcurrentWritersSameETag_ExactlyOneWins()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["Owner"] = "none" });

        var attempts = Enumerable.Range(0, 2).Select(async i =>
        {
            try
            {
                await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Owner"] = "w" + i }, etag);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r);
        var winner = Array.IndexOf(results, true);
        Assert.Equal("w" + winner, (await table.GetEntityAsync("p", "r"))?["Owner"]);
    }

    [Fact]
    public async Task Query_FilterSelectAndPages_ReturnsMatchesInKeyOrderAcrossPages()
    {
        var table = await NewTableAsync();
        var baseTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 25; i++)
        {
            await table.AddEntityAsync(new TableEntity(i % 2 == 0 ? "even" : "odd", i.ToString("D3"))
            {
                ["N"] = i,
                ["Big"] = (long)i << 40,
                ["At"] = baseTime.AddDays(i),
                ["Name"] = i == 4 ? "O'Brien" : "x",
            });
        }

        var filter = TableFilter.PartitionKeyEquals("even").And(TableFilter.Property("N").Ge(4));
        var pages = new List<TablePage>();
        await foreach (var page in table.QueryAsync(filter, ["N"], maxPerPage: 3))
        {
            pages.Add(page);
        }

        var rows = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(Enumerable.Range(2, 11).Select(i => i * 2), rows.Select(r => (int)r["N"]!));
        Assert.True(pages.Count >= 4);
        Assert.All(pages.Take(pages.Count - 1), p => Assert.NotNull(p.ContinuationToken));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.All(rows, r => Assert.Null(r["Name"]));
        Assert.All(rows, r => Assert.Equal("even", r.PartitionKey));

        Assert.Equal("004", Assert.Single(await table.QueryListAsync(TableFilter.Property("Name").Eq("O'Brien"))).RowKey);
        Assert.Equal(3, (await table.QueryListAsync(TableFilter.Property("Big").Lt(3L << 40))).Count);
        Assert.Equal(2, (await table.QueryListAsync(TableFilter.Property("At").Gt(baseTime.AddDays(22)))).Count);
        Assert.Equal(5, (await table.QueryListAsync(TableFilter.PartitionKeyEquals("odd"), max: 5)).Count);
    }

    [Fact]
    public async Task Query_ResumeFromContinuationToken_ContinuesWhereItStopped()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 7; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", i.ToString("D2")));
        }

        TablePage? first = null;
        await foreach (var page in table.QueryAsync(maxPerPage: 4))
        {
            first = page;
            break;
        }

        var rest = new List<string>();
        await foreach (var page in table.QueryAsync(maxPerPage: 4, continuationToken: first!.ContinuationToken))
        {
            rest.AddRange(page.Values.Select(v => v.RowKey));
        }

        Assert.Equal(["00", "01", "02", "03"], first.Values.Select(v => v.RowKey));
        Assert.Equal(["04", "05", "06"], rest);
    }

    [Fact]
    public async Task SubmitTransaction_MixedOperations_AppliesAll()
    {
        var table = await NewTableAsync();
        var existing = await table.AddEntityAsync(new TableEntity("p", "upd") { ["N"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "del"));

        var etags = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new") { ["N"] = 10 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "upd") { ["N"] = 2 }, existing),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "ups") { ["N"] = 3 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "del")),
        ]);

        Assert.Equal(4, etags.Count);
        Assert.Equal((await table.GetEntityAsync("p", "new"))!.ETag, etags[0]);
        Assert.Equal(2, (await table.GetEntityAsync("p", "upd"))?["N"]);
        Assert.Equal(3, (await table.GetEntityAsync("p", "ups"))?["N"]);
        Assert.Null(await table.GetEntityAsync("p", "del"));
    }

    [Fact]
    public async Task SubmitTransaction_OneOperationFails_NothingIsApplied()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken") { ["N"] = 1 });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "b") { ["N"] = 2 }),
            new(TableTransactionActionType.Add, new TableEntity("p", "taken") { ["N"] = 3 }),
        ]));

        Assert.Equal(409, ex.Status);
        Assert.Equal(2, ex.FailedIndex);
        Assert.Null(await table.GetEntityAsync("p", "a"));
        Assert.Null(await table.GetEntityAsync("p", "b"));
        Assert.Equal(1, (await table.GetEntityAsync("p", "taken"))?["N"]);
    }

    [Fact]
    public async Task SubmitTransaction_HundredOperations_Succeeds()
    {
        var table = await NewTableAsync();

        var etags = await table.SubmitTransactionAsync(Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString("D3")) { ["N"] = i })));

        Assert.Equal(100, etags.Count);
        Assert.Equal(100, (await table.QueryListAsync(null)).Count);
    }

    [Fact]
    public async Task SubmitTransaction_OverHundredOrAcrossPartitions_FailsBeforeAnyRequest()
    {
        var table = await NewTableAsync();

        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString())))));
        var across = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        ]));

        Assert.Contains("101", tooMany.Message);
        Assert.Contains("PartitionKey", across.Message);
        Assert.Empty(await table.QueryListAsync(null));
    }

    public static TheoryData<string, Func<TableEntity>> InvalidEntities => new()
    {
        { "PartitionKey", () => new TableEntity("a/b", "r") },
        { "RowKey", () => new TableEntity("p", "a#b") },
        { "RowKey", () => new TableEntity("p", "a?b") },
        { "PartitionKey", () => new TableEntity("a\\b", "r") },
        { "RowKey", () => new TableEntity("p", "tab\there") },
        { "PartitionKey", () => new TableEntity(new string('k', 1025), "r") },
        { "'Big'", () => new TableEntity("p", "r") { ["Big"] = new string('x', 32 * 1024 + 1) } },
        { "'Blob'", () => new TableEntity("p", "r") { ["Blob"] = new byte[(64 * 1024) + 1] } },
        { "properties", () => Many(253, 1) },
        { "bytes per entity", () => Many(40, 16 * 1024) },
        { "'1abc'", () => new TableEntity("p", "r") { ["1abc"] = 1 } },
        { "'has-dash'", () => new TableEntity("p", "r") { ["has-dash"] = 1 } },
        { "'Timestamp'", () => new TableEntity("p", "r") { ["Timestamp"] = 1 } },
    };

    [Theory]
    [MemberData(nameof(InvalidEntities))]
    public async Task AddEntity_BreaksALimit_ThrowsNamingTheField(string field, Func<TableEntity> make)
    {
        var table = await NewTableAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(make()));

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryListAsync(null));
    }

    private static TableEntity Many(int count, int chars)
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < count; i++)
        {
            entity["P" + i] = new string('x', chars);
        }

        return entity;
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteTableClientTests(AzuriteFixture azurite) : TableClientContract
{
    protected override ITableServiceClient Service { get; } = new TableServiceClient(azurite.ConnectionString);
}

public sealed class InMemoryTableClientTests : TableClientContract
{
    protected override ITableServiceClient Service { get; } = new BpomBot.Storage.Tables.InMemory.InMemoryTableServiceClient();
}
