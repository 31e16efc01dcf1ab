using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Conversation;

/// <summary>A file sent in the chat, stored: the reference to record, or why it was refused (Indonesian).</summary>
/// <summary>A stored file (<see cref="Reference"/>), or why it was not stored, in both languages.</summary>
public sealed record EvidenceOutcome(string? Reference, BpomBot.Domain.Abstractions.Phrase? Error);

/// <summary>Takes a file the officer sent in the chat and keeps it as Kelengkapan or Output evidence.</summary>
public interface IEvidenceIntake
{
    /// <summary>Null when the activity carries no file.</summary>
    Task<EvidenceOutcome?> TryStoreAsync(Activity activity, string kegiatanId, string stepId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Downloads a file from a Teams file attachment (<c>content.downloadUrl</c>) or a plain attachment (<c>contentUrl</c>),
/// only from trusted hosts (the serviceUrl host, SharePoint/OneDrive, loopback when the serviceUrl is loopback), up to
/// <see cref="MaxBytes"/> and of an allowed type, and stores it in the evidence blob store with its SHA-256.
/// </summary>
public sealed class EvidenceIntake(IHttpClientFactory httpClients, IEvidenceStore store) : IEvidenceIntake
{
    public const string HttpClientName = "evidence";
    public const long MaxBytes = 20 * 1024 * 1024;
    public const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    private static readonly string[] TrustedSuffixes = [".sharepoint.com", ".sharepoint.us", ".sharepoint-df.com"];

    public async Task<EvidenceOutcome?> TryStoreAsync(Activity activity, string kegiatanId, string stepId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (FindFile(activity) is not { } file)
        {
            return null;
        }

        var extension = Path.GetExtension(file.Name);
        if (!Types.TryGetValue(extension, out var contentType))
        {
            return Refused("JENIS_BERKAS", $"Berkas \"{file.Name}\" tidak dapat disimpan: jenis yang diterima hanya PDF, DOCX, XLSX, PPTX, JPG dan PNG.",
                $"The file \"{file.Name}\" cannot be stored: only PDF, DOCX, XLSX, PPTX, JPG and PNG are accepted.");
        }

        if (!IsTrusted(file.Url, activity.ServiceUrl))
        {
            return Refused("ALAMAT_BERKAS", $"Berkas \"{file.Name}\" tidak dapat diunduh dari alamat itu. Kirim berkas langsung di chat pribadi dengan bot, atau kirim tautannya sebagai teks.",
                $"The file \"{file.Name}\" cannot be downloaded from that address. Send the file directly in your personal chat with the bot, or send its link as text.");
        }

        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.GetAsync(file.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return Refused("UNDUH_GAGAL", $"Berkas \"{file.Name}\" gagal diunduh (HTTP {(int)response.StatusCode}). Coba kirim ulang, atau kirim tautannya.",
                $"The file \"{file.Name}\" could not be downloaded (HTTP {(int)response.StatusCode}). Send it again, or send its link.");
        }

        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            return TooLarge(file.Name);
        }

        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return TooLarge(file.Name);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        var name = $"{Safe(kegiatanId)}/{Safe(stepId)}/{Guid.NewGuid():N}-{Safe(file.Name)}";
        var stored = await store.UploadAsync(name, buffer, contentType, cancellationToken);
        return new EvidenceOutcome($"berkas {file.Name} ({name}, sha256 {stored.Sha256Hex})", null);
    }

    /// <summary>The first file attachment: Teams file download info, or a plain attachment with a contentUrl.</summary>
    internal static (string Name, Uri Url)? FindFile(Activity activity)
    {
        foreach (var attachment in activity.Attachments ?? [])
        {
            string? url = null;
            if (attachment.ContentType == TeamsFileDownloadInfo)
            {
                url = attachment.Content?["downloadUrl"]?.GetValue<string>();
            }
            else if (attachment.ContentType is not ("text/html" or AdaptiveCardContentType) && Extra(attachment, "contentUrl") is { } contentUrl)
            {
                url = contentUrl;
            }

            if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                var name = Extra(attachment, "name") ?? Path.GetFileName(uri.LocalPath);
                return (string.IsNullOrWhiteSpace(name) ? "berkas" : name, uri);
            }
        }

        return null;
    }

    internal static bool IsTrusted(Uri url, string? serviceUrl)
    {
        if (url.Scheme is not ("https" or "http"))
        {
            return false;
        }

        var service = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var s) ? s : null;
        if (ServiceUrlTrust.IsLoopback(url))
        {
            return service is not null && ServiceUrlTrust.IsLoopback(service);
        }

        return url.Scheme == "https"
            && (string.Equals(url.Host, service?.Host, StringComparison.OrdinalIgnoreCase)
                || TrustedSuffixes.Any(x => url.Host.EndsWith(x, StringComparison.OrdinalIgnoreCase)));
    }

    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private static string? Extra(Attachment attachment, string name) =>
        attachment.Extra?.TryGetValue(name, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static EvidenceOutcome TooLarge(string name) => Refused("BERKAS_TERLALU_BESAR",
        $"Berkas \"{name}\" lebih dari {MaxBytes / 1024 / 1024} MB. Kirim berkas yang lebih kecil, atau kirim tautannya.",
        $"The file \"{name}\" is larger than {MaxBytes / 1024 / 1024} MB. Send a smaller file, or send its link.");

    private static EvidenceOutcome Refused(string code, string indonesian, string english) => new(null, new(code, indonesian, english));

    private static string Safe(string text) =>
        new([.. text.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
}
