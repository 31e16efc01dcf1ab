using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Relay;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Disposisi;

/// <summary>
/// Roster administration in chat. "roster import" followed by pasted CSV lines, or with a CSV file attached (admin
/// only): every bad row is answered with its line number and nothing is stored. "plt|plh &lt;e-mail&gt; &lt;dari&gt; &lt;sampai&gt; [a.n. &lt;e-mail pimpinan&gt;]":
/// a leader names their Plt/Plh (an admin may do it for any leader). A successful import nudges the outbox relay, so a
/// disposisi that was waiting for a leader the roster lacked goes out right away (docs/outbox.md).
/// Answers in the writer's language: "impor roster" is Indonesian; "roster import" and the Plt/Plh command (an e-mail and
/// dates say nothing) take the writer's known language (the router's <see cref="MessageInput.Known"/>).
/// </summary>
public sealed partial class RosterChatHandler(
    RosterImporter importer, LeaderDirectory directory, DisposisiService disposisi, IHttpClientFactory http, OutboxRelayService? relay = null) : IMessageHandler
{
    private const int MaxErrorsShown = 20;
    private const int MaxFileBytes = 1024 * 1024;
    private const string TeamsFileType = "application/vnd.microsoft.teams.file.download.info";

    public int Order => 90;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        if (ImportCommand().Match(turn.Activity.Text ?? string.Empty) is { Success: true } import)
        {
            var english = !import.Groups["word"].Value.StartsWith("impor", StringComparison.OrdinalIgnoreCase)
                && input.Known == Language.English;
            await ImportAsync(turn, import.Groups["csv"].Value, english, cancellationToken);
            return true;
        }

        if (DelegationCommand().Match(input.Text) is { Success: true } delegation)
        {
            await DelegateAsync(turn, delegation, input.Understood.English ?? input.Language == Language.English, cancellationToken);
            return true;
        }

        return false;
    }

    private async Task ImportAsync(ITurnContext turn, string csv, bool english, CancellationToken cancellationToken)
    {
        var actorId = DisposisiActions.ActorId(turn);
        var actor = await directory.GetPersonAsync(actorId, cancellationToken);
        if (actor is null || !actor.Roles.Contains(RosterRoles.Admin))
        {
            await ReplyAsync(turn, english ? "Only an admin can import the roster." : "Hanya admin yang dapat mengimpor roster.", cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(csv) && turn.Activity.Attachments?.FirstOrDefault(a => FileUrl(a) is not null) is { } file)
        {
            var (downloaded, problem) = await DownloadAsync(turn.Activity, file, english, cancellationToken);
            if (problem is not null)
            {
                await ReplyAsync(turn, problem, cancellationToken);
                return;
            }

            csv = downloaded!;
        }

        if (string.IsNullOrWhiteSpace(csv))
        {
            await ReplyAsync(turn, english
                ? $"Attach a CSV file, or paste its content after **roster import**, starting with the header line:\n\n`{RosterCsv.Header}`"
                : $"Lampirkan berkas CSV, atau tempelkan isinya setelah **roster import**, diawali baris judul:\n\n`{RosterCsv.Header}`", cancellationToken);
            return;
        }

        var result = await importer.ImportAsync(csv, actorId, cancellationToken);
        if (result.Succeeded)
        {
            relay?.Nudge(); // a step waiting for a leader the roster lacked may have one now
            await ReplyAsync(turn, english
                ? $"Roster imported: {result.Added} new people, {result.Updated} updated."
                : $"Roster diimpor: {result.Added} orang baru, {result.Updated} diperbarui.", cancellationToken);
            return;
        }

        var text = new StringBuilder(english
            ? $"The roster was **not** imported; nothing was stored. Fix these {result.Errors.Count} errors and send it again:\n\n"
            : $"Roster **tidak** diimpor; tidak ada data yang disimpan. Perbaiki {result.Errors.Count} kesalahan berikut lalu kirim ulang:\n\n");
        foreach (var error in result.Errors.Take(MaxErrorsShown))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {error.Text(english)}\n");
        }

        if (result.Errors.Count > MaxErrorsShown)
        {
            var more = result.Errors.Count - MaxErrorsShown;
            text.Append(CultureInfo.InvariantCulture, $"- {(english ? $"… and {more} more errors." : $"… dan {more} kesalahan lain.")}\n");
        }

        await ReplyAsync(turn, text.ToString(), cancellationToken);
    }

    private async Task DelegateAsync(ITurnContext turn, Match match, bool english, CancellationToken cancellationToken)
    {
        var actorId = DisposisiActions.ActorId(turn);
        if (!TryDate(match.Groups["from"].Value, out var from) || !TryDate(match.Groups["to"].Value, out var to))
        {
            await ReplyAsync(turn, english
                ? "Dates not recognised; write for example: **plh budi@pom.go.id 02-03-2026 06-03-2026**."
                : "Tanggal tidak dikenali; tulis seperti: **plh budi@pom.go.id 02-03-2026 06-03-2026**.", cancellationToken);
            return;
        }

        var deputy = await directory.FindByEmailAsync(match.Groups["delegate"].Value, cancellationToken);
        var leader = match.Groups["leader"].Success
            ? await directory.FindByEmailAsync(match.Groups["leader"].Value, cancellationToken)
            : await directory.GetPersonAsync(actorId, cancellationToken);
        if (deputy is null || leader is null)
        {
            await ReplyAsync(turn, english ? "Nobody with that e-mail is on the roster." : "Pegawai dengan e-mail itu tidak ada di roster.", cancellationToken);
            return;
        }

        var kind = match.Groups["kind"].Value.Equals("plt", StringComparison.OrdinalIgnoreCase) ? DelegationKind.Plt : DelegationKind.Plh;
        var (_, message) = await disposisi.SetDelegationAsync(actorId, leader.AadObjectId, deputy.AadObjectId, kind, from, to, cancellationToken);
        await ReplyAsync(turn, message.Text(english), cancellationToken);
    }

    /// <summary>
    /// Downloads an attached CSV: a Teams file (content.downloadUrl on SharePoint) or a plain attachment (contentUrl)
    /// from the conversation's own service host; at most 1 MB. Returns the text or the problem in the reader's language.
    /// </summary>
    private async Task<(string? Text, string? Problem)> DownloadAsync(Activity activity, Attachment file, bool english, CancellationToken cancellationToken)
    {
        var url = FileUrl(file)!;
        var serviceHost = Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var service) ? service.Host : null;
        var trusted = (url.Scheme == Uri.UriSchemeHttps && (url.Host.EndsWith(".sharepoint.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".sharepoint.us", StringComparison.OrdinalIgnoreCase)))
            || (serviceHost is not null && string.Equals(url.Host, serviceHost, StringComparison.OrdinalIgnoreCase));
        if (!trusted)
        {
            return (null, english
                ? "That file cannot be downloaded from that address; attach the CSV file directly in this chat."
                : "Berkas itu tidak dapat diunduh dari alamat tersebut; lampirkan berkas CSV langsung di chat ini.");
        }

        var tooBig = english ? "The roster file is over 1 MB; split it into several files." : "Berkas roster lebih dari 1 MB; pecah menjadi beberapa berkas.";

        try
        {
            var client = http.CreateClient(nameof(RosterChatHandler));
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, english
                    ? $"The file could not be downloaded (HTTP {(int)response.StatusCode}); try attaching it again."
                    : $"Berkas tidak dapat diunduh (HTTP {(int)response.StatusCode}); coba lampirkan lagi.");
            }

            if (response.Content.Headers.ContentLength > MaxFileBytes) return (null, tooBig);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxFileBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0) total += read;
            return total > MaxFileBytes ? (null, tooBig) : (Encoding.UTF8.GetString(buffer, 0, total), null);
        }
        catch (HttpRequestException)
        {
            return (null, english ? "The file could not be downloaded; try attaching it again." : "Berkas tidak dapat diunduh; coba lampirkan lagi.");
        }
    }

    private static Uri? FileUrl(Attachment attachment)
    {
        string? url = null;
        if (attachment.ContentType == TeamsFileType && attachment.Content?["downloadUrl"] is { } download) url = download.GetValue<string>();
        else if (attachment.Extra?.TryGetValue("contentUrl", out var contentUrl) == true && contentUrl.ValueKind == System.Text.Json.JsonValueKind.String)
            url = contentUrl.GetString();
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Task<ResourceResponse> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    [GeneratedRegex(@"^\s*(?<word>roster\s+import|impor\s+roster)\b[ \t]*\r?\n?(?<csv>[\s\S]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ImportCommand();

    [GeneratedRegex(@"^(?<kind>plt|plh)\s+(?<delegate>\S+@\S+)\s+(?<from>\S+)\s+(?:s\.?d\.?\s+|sampai\s+|-\s+)?(?<to>\S+)(?:\s+a\.?n\.?\s+(?<leader>\S+@\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex DelegationCommand();
}
