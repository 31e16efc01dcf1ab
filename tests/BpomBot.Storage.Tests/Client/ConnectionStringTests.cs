using Azure.Storage;
using Azure.Storage.Sas;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Client;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_UsesAzuriteDefaults()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), cs.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), cs.BlobEndpoint);
        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.NotNull(cs.AccountKey);
    }

    [Fact]
    public void Parse_AccountNameAndSuffix_BuildsServiceEndpoints()
    {
        var cs = StorageConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=bpomprod;AccountKey=a2V5;EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://bpomprod.table.core.windows.net"), cs.TableEndpoint);
        Assert.Equal(new Uri("https://bpomprod.blob.core.windows.net"), cs.BlobEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpointsWithSas_KeepsEndpointsAndToken()
    {
        var cs = StorageConnectionString.Parse("TableEndpoint=http://127.0.0.1:5/devstoreaccount1;BlobEndpoint=http://127.0.0.1:6/devstoreaccount1;SharedAccessSignature=sv=2020&sig=abc%3D");

        Assert.Equal(new Uri("http://127.0.0.1:5/devstoreaccount1"), cs.TableEndpoint);
        Assert.Equal("sv=2020&sig=abc%3D", cs.SharedAccessSignature);
        Assert.Null(cs.AccountKey);
    }

    [Theory]
    [InlineData("AccountKey=a2V5")]
    [InlineData("AccountName=x")]
    [InlineData("garbage")]
    [InlineData("TableEndpoint=http://127.0.0.1:5/a")]
    public void Parse_Incomplete_ThrowsFormatException(string value) =>
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse(value));
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteAuthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AccountSas_ConnectionStringWithSharedAccessSignature_CanWriteAndRead()
    {
        var sas = new AccountSasBuilder(AccountSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1), AccountSasServices.Tables, AccountSasResourceTypes.All)
            .ToSasQueryParameters(new StorageSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey))
            .ToString();
        var service = new TableServiceClient($"TableEndpoint={azurite.TableEndpoint};SharedAccessSignature={sas}");
        var table = service.GetTableClient("sas" + Guid.NewGuid().ToString("N"));

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 7 });

        Assert.Equal(7, (await table.GetEntityAsync("p", "r"))?["N"]);
    }

    [Fact]
    public async Task SharedKey_WrongAccountKey_IsRejected()
    {
        var service = new TableServiceClient(azurite.TableEndpoint, new StorageSharedKeyCredential(AzuriteFixture.AccountName, Convert.ToBase64String(new byte[64])));

        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => service.GetTableClient("nokey").CreateIfNotExistsAsync());

        Assert.Equal(403, ex.Status);
    }
}
