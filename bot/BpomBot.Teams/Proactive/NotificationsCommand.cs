using System.Globalization;
using System.Text;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Proactive;

/// <summary>
/// `notifikasi` (admins only): the most recent notifications with their delivery status; `notifikasi gagal` lists only
/// the dead-lettered ones with their reasons (English: `notifications`, `notifications failed`). Shows ids and reminder
/// titles, never message text from chat. Answers in English to the English word or an English writer (a bare
/// `notifikasi` takes the writer's known language, see <see cref="Routing.PersonLanguage"/>).
/// </summary>
public sealed class NotificationsCommand(IReminderStore store, IRosterRepository roster, TimeProvider timeProvider) : IMessageHandler
{
    public const int MaxShown = 20;
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public int Order => 500;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        var words = input.Text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not (["notifikasi"] or ["notifikasi", _] or ["notifications"] or ["notifications", _]))
        {
            return false;
        }

        var english = words[0] == "notifications" || (words is [_, "failed"] || input.Language == Language.English) && words is not [_, "gagal"];
        var person = turn.Activity.From?.AadObjectId is { } id ? await roster.GetPersonAsync(id, cancellationToken) : null;
        if (person is null || !person.Roles.Any(r => r.Equals("admin", StringComparison.OrdinalIgnoreCase)))
        {
            await turn.SendAsync(Text(english ? "The `notifications` command is for admins only." : "Perintah `notifikasi` hanya untuk admin."), cancellationToken);
            return true;
        }

        var onlyFailed = words.Length == 2 && words[1] is "gagal" or "failed";
        if (words.Length == 2 && !onlyFailed)
        {
            await turn.SendAsync(Text(english ? "Use `notifications` or `notifications failed`." : "Gunakan `notifikasi` atau `notifikasi gagal`."), cancellationToken);
            return true;
        }

        var now = timeProvider.GetUtcNow();
        var recent = (await store.ListNotificationsAsync(now.AddDays(-3), now, cancellationToken))
            .Where(n => !onlyFailed || n.Status == NotificationStatus.Failed)
            .OrderByDescending(n => n.UpdatedAt)
            .Take(MaxShown)
            .ToList();
        await turn.SendAsync(Text(Render(recent, onlyFailed, english)), cancellationToken);
        return true;
    }

    public static string Render(IReadOnlyList<Notification> notifications, bool onlyFailed, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count == 0)
        {
            return (onlyFailed, english) switch
            {
                (true, true) => "No failed notifications in the last 3 days.",
                (true, false) => "Tidak ada notifikasi gagal dalam 3 hari terakhir.",
                (false, true) => "No notifications in the last 3 days yet.",
                _ => "Belum ada notifikasi dalam 3 hari terakhir.",
            };
        }

        var sb = new StringBuilder((onlyFailed, english) switch
        {
            (true, true) => "**Failed notifications (newest first)**\n\n",
            (true, false) => "**Notifikasi gagal (terbaru dulu)**\n\n",
            (false, true) => $"**{notifications.Count} latest notifications**\n\n",
            _ => $"**{notifications.Count} notifikasi terbaru**\n\n",
        });
        foreach (var n in notifications)
        {
            var at = TimeZoneInfo.ConvertTime(n.UpdatedAt, Wib).ToString("dd/MM HH:mm", CultureInfo.InvariantCulture);
            var what = n.IsDigest ? (english ? $"digest of {n.Items.Count} tasks" : $"ringkasan {n.Items.Count} pekerjaan") : n.Items.Count > 0 ? n.Items[0].Title : "-";
            sb.Append(CultureInfo.InvariantCulture, $"- {at} WIB · **{Status(n.Status, english)}** · {n.RecipientId} · {what} · {(english ? "attempts" : "percobaan")} {n.Attempts}");
            if (n.LastError is { Length: > 0 } error)
            {
                sb.Append(CultureInfo.InvariantCulture, $" · {error}");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Status(NotificationStatus status, bool english) => status switch
    {
        NotificationStatus.Queued => english ? "queued" : "antre",
        NotificationStatus.Sent => english ? "sent" : "terkirim",
        NotificationStatus.Retried => english ? "retried" : "diulang",
        NotificationStatus.Throttled => english ? "held (send limit)" : "ditahan (batas kirim)",
        NotificationStatus.Failed => english ? "failed" : "gagal",
        _ => english ? "skipped" : "dilewati",
    };

    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" };
}
