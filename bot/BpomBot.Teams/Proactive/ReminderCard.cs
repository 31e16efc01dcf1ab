using System.Globalization;
using System.Text.Json.Nodes;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Proactive;

/// <summary>
/// The reminder card: heading, one block per item with an "open" button, and "Diterima" (acknowledge for today). In
/// English for English readers; the acknowledge button carries the language so its answer stays in it.
/// </summary>
public static class ReminderCard
{
    /// <summary>The "Diterima" button's verb.</summary>
    public const string AcknowledgeVerb = "reminder.ack";

    public static JsonObject Build(Notification notification, bool acknowledged = false, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var en = english;
        var body = new List<JsonNode> { AdaptiveCard.Text(ReminderDigest.Heading(notification, en), bold: true) };
        foreach (var item in notification.Items)
        {
            var status = ReminderDigest.Describe(item, en);
            var line = item.Kind == ReminderKind.Escalation && item.OfficerId is { } officer ? $"{status} · {(en ? "officer" : "petugas")} {officer}" : status;
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["separator"] = true,
                ["items"] = new JsonArray(AdaptiveCard.Text(item.Title, bold: true), AdaptiveCard.Text(line, subtle: true)),
                ["selectAction"] = OpenAction(item, en),
            });
        }

        if (acknowledged)
        {
            body.Add(AdaptiveCard.Text(AcknowledgedText(en), subtle: true));
            return AdaptiveCard.Create([.. body]);
        }

        var data = new JsonObject
        {
            ["verb"] = AcknowledgeVerb,
            ["notificationId"] = notification.Id,
            ["dueAt"] = notification.DueAt.ToString("O", CultureInfo.InvariantCulture),
            ["subjects"] = string.Join('\n', notification.Items.Select(i => i.SubjectId).Distinct(StringComparer.Ordinal)),
        };
        if (en) data["lang"] = "en";
        var ack = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = AcknowledgeVerb,
            ["title"] = en ? "Got it" : "Diterima",
            ["data"] = data,
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = en ? "Got it" : "Diterima", ["data"] = data.DeepClone() },
        };
        var actions = notification.Items.Count == 1 ? [ack, OpenAction(notification.Items[0], en)] : new JsonNode[] { ack };
        return AdaptiveCard.Create([.. body]).WithActions(actions);
    }

    /// <summary>
    /// Opens the item where its owner feature shows it: a kegiatan step with "status &lt;kegiatan&gt;", a disposisi with
    /// "disposisi", posted back as the user's own message (imBack) so it works wherever the text commands work.
    /// </summary>
    public static JsonObject OpenAction(NotificationItem item, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(item);
        var parts = item.SubjectId.Split('/');
        var command = parts is ["kegiatan", var id, ..] ? $"status {id}" : parts[0] == "disposisi" ? "disposisi" : "tugas";
        return new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = english ? "Open step" : "Buka langkah",
            ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = command } },
        };
    }

    /// <summary>What an acknowledged reminder says.</summary>
    public static string AcknowledgedText(bool english) =>
        english ? "✓ Got it. Other reminders for today are stopped." : "✓ Diterima. Pengingat lain untuk hari ini dihentikan.";
}
