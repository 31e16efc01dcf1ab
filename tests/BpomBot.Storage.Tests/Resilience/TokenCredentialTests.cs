using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.Storage.Tests.Resilience;

public sealed class TokenCredentialTests
{
    [Fact]
    public async Task GetEntity_WithTokenCredential_SendsBearerTokenForStorageScope()
    {
        using var certificate = SelfSigned();
        await using var server = new ScriptedHttpServer(certificate, 200);
        var credential = new RecordingCredential();
        var handler = new HttpClientHandler
        {
            // Trust exactly the test server's certificate.
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint,
        };
        var options = TableStorage.CreateOptions();
        options.Transport = new HttpClientTransport(handler);
        var service = new TableServiceClient(server.Endpoint, credential, options);

        var entity = await service.GetTableClient("Units").GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal(1, entity.Value.GetInt32("N"));
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Contains("Authorization: Bearer tok-123", Assert.Single(server.Requests));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("tok-123", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
