namespace BpomBot.Storage.Tables.Client;

/// <summary>
/// The parts of an Azure Storage connection string the bot uses: development storage, explicit endpoints,
/// DefaultEndpointsProtocol + AccountName + EndpointSuffix, shared key or SAS.
/// </summary>
public sealed record StorageConnectionString(Uri TableEndpoint, Uri? BlobEndpoint, string? AccountName, string? AccountKey, string? SharedAccessSignature)
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The well-known, public Azurite/emulator key (not a secret).
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Connection string segment '{Redact(segment)}' is not key=value.");
            }

            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        string? Get(string key) => parts.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

        if (string.Equals(Get("UseDevelopmentStorage"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var host = Get("DevelopmentStorageProxyUri") is { } proxy ? new Uri(proxy).Host : "127.0.0.1";
            return new StorageConnectionString(
                new Uri($"http://{host}:10002/{DevelopmentAccountName}"),
                new Uri($"http://{host}:10000/{DevelopmentAccountName}"),
                DevelopmentAccountName,
                DevelopmentAccountKey,
                null);
        }

        var account = Get("AccountName");
        var key = Get("AccountKey");
        var sas = Get("SharedAccessSignature");
        var protocol = Get("DefaultEndpointsProtocol") ?? "https";
        var suffix = Get("EndpointSuffix") ?? "core.windows.net";
        Uri? Endpoint(string explicitKey, string service) =>
            Get(explicitKey) is { } explicitUri ? new Uri(explicitUri)
            : account is not null ? new Uri($"{protocol}://{account}.{service}.{suffix}")
            : null;

        var table = Endpoint("TableEndpoint", "table")
            ?? throw new FormatException("Connection string needs TableEndpoint or AccountName.");
        if (key is not null && account is null)
        {
            throw new FormatException("Connection string has AccountKey but no AccountName.");
        }

        if (key is null && sas is null)
        {
            throw new FormatException("Connection string needs AccountKey or SharedAccessSignature (or use a token credential with an endpoint).");
        }

        return new StorageConnectionString(table, Endpoint("BlobEndpoint", "blob"), account, key, sas);
    }

    private static string Redact(string segment) => segment.Length > 12 ? segment[..12] + "…" : segment;
}
