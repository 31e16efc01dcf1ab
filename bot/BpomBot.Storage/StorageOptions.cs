using Microsoft.Extensions.Options;

namespace BpomBot.Storage;

/// <summary>
/// Where storage lives. Either <see cref="ConnectionString"/> (Azurite, or an account key/SAS for tooling) or
/// <see cref="TableEndpoint"/> + <see cref="BlobEndpoint"/> with an Entra ID identity (production, managed identity).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableEndpoint { get; set; }

    public Uri? BlobEndpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity; null uses DefaultAzureCredential's chain as is.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Blob container for Kelengkapan evidence files.</summary>
    public string EvidenceContainer { get; set; } = "kelengkapan";

    /// <summary>Keep everything in process memory (tests and demos only; lost on restart).</summary>
    public bool InMemory { get; set; }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.InMemory)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString == (options.TableEndpoint is not null))
        {
            errors.Add("Storage: set exactly one of Storage:ConnectionString or Storage:TableEndpoint (+ Storage:BlobEndpoint with managed identity).");
        }

        if (hasConnectionString)
        {
            try
            {
                _ = new TableServiceClient(options.ConnectionString!);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                errors.Add("Storage:ConnectionString is invalid: " + ex.Message);
            }
        }
        else if (options.TableEndpoint is not null)
        {
            CheckEndpoint(options.TableEndpoint, "Storage:TableEndpoint", errors);
            if (options.BlobEndpoint is null)
            {
                errors.Add("Storage:BlobEndpoint is required with Storage:TableEndpoint.");
            }
            else
            {
                CheckEndpoint(options.BlobEndpoint, "Storage:BlobEndpoint", errors);
            }
        }

        if (string.IsNullOrWhiteSpace(options.EvidenceContainer) || options.EvidenceContainer.Length is < 3 or > 63
            || !options.EvidenceContainer.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add("Storage:EvidenceContainer must be 3-63 lowercase letters, digits or '-'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckEndpoint(Uri uri, string field, List<string> errors)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{field} must be an absolute http(s) URI.");
        }
    }
}
