using System.Globalization;

namespace BpomBot.Domain.Reminders;

/// <summary>Orders and words the lines of a reminder message (Indonesian).</summary>
public static class ReminderDigest
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Most pressing first: escalations, then overdue (longest first), due today, then upcoming (soonest first).</summary>
    public static IReadOnlyList<NotificationItem> Order(IEnumerable<NotificationItem> items) =>
        [.. items
            .OrderBy(i => i.Kind switch { ReminderKind.Escalation => 0, ReminderKind.Overdue => 1, ReminderKind.DueToday => 2, _ => 3 })
            .ThenBy(i => i.Kind is ReminderKind.Escalation or ReminderKind.Overdue ? -i.WorkingDays : i.WorkingDays)
            .ThenBy(i => i.DueDate)
            .ThenBy(i => i.Title, StringComparer.Ordinal)
            .ThenBy(i => i.SubjectId, StringComparer.Ordinal)];

    /// <summary>The message heading.</summary>
    public static string Heading(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!notification.IsDigest && notification.Items.Count == 1)
        {
            var item = notification.Items[0];
            return item.Kind == ReminderKind.Escalation
                ? "Eskalasi: pekerjaan staf melewati batas waktu"
                : $"Pengingat {item.Sifat}: {item.Title}";
        }

        return $"Pengingat harian, {FormatDate(notification.LocalDate)}: {notification.Items.Count} pekerjaan";
    }

    /// <summary>One line's status, e.g. "H-3 · jatuh tempo Jumat, 13 Maret 2026" or "terlambat 2 HK".</summary>
    public static string Describe(NotificationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var what = item.IsPlannedDate ? "tanggal rencana" : "jatuh tempo";
        var date = FormatDate(item.DueDate);
        return item.Kind switch
        {
            ReminderKind.Before => $"H-{item.WorkingDays} · {what} {date}",
            ReminderKind.DueToday => $"hari ini {what} ({date})",
            ReminderKind.Overdue => $"terlambat {item.WorkingDays} HK ({what} {date})",
            _ => $"eskalasi: terlambat {item.WorkingDays} HK ({what} {date})",
        };
    }

    public static string FormatDate(DateOnly date) => date.ToString("dddd, d MMMM yyyy", Id);
}
