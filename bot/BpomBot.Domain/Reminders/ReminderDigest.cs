using System.Globalization;

namespace BpomBot.Domain.Reminders;

/// <summary>Orders and words the lines of a reminder message (Indonesian, and English for English readers).</summary>
public static class ReminderDigest
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

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

    /// <summary>The heading in the reader's language.</summary>
    public static string Heading(Notification notification, bool english)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!english) return Heading(notification);
        if (!notification.IsDigest && notification.Items.Count == 1)
        {
            var item = notification.Items[0];
            return item.Kind == ReminderKind.Escalation
                ? "Escalation: a staff member's work is past its deadline"
                : $"Reminder ({SifatEnglish(item.Sifat)}): {item.Title}";
        }

        return $"Daily reminder, {FormatDate(notification.LocalDate, english: true)}: {notification.Items.Count} {(notification.Items.Count == 1 ? "item" : "items")}";
    }

    /// <summary>One line's status in the reader's language, e.g. "3 HK left · due Friday, 13 March 2026".</summary>
    public static string Describe(NotificationItem item, bool english)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!english) return Describe(item);
        var what = item.IsPlannedDate ? "planned date" : "due";
        var date = FormatDate(item.DueDate, english: true);
        return item.Kind switch
        {
            ReminderKind.Before => $"{item.WorkingDays} HK left · {what} {date}",
            ReminderKind.DueToday => $"{what} today ({date})",
            ReminderKind.Overdue => $"{item.WorkingDays} HK overdue ({what} {date})",
            _ => $"escalation: {item.WorkingDays} HK overdue ({what} {date})",
        };
    }

    public static string FormatDate(DateOnly date, bool english) => english ? date.ToString("dddd, d MMMM yyyy", En) : FormatDate(date);

    /// <summary>The sifat of a reminder (Biasa, Segera, Sangat Segera) in English; other words as they are.</summary>
    private static string SifatEnglish(string sifat) => sifat.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "BIASA" => "normal",
        "SEGERA" => "urgent",
        "SANGATSEGERA" => "very urgent",
        _ => sifat,
    };
}
