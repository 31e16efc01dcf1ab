using BpomBot.Domain.Reminders;

namespace BpomBot.Domain.Tests.Reminders;

public sealed class ReminderDigestTests
{
    private static NotificationItem Item(string title, ReminderKind kind, int days, bool planned = false) =>
        new("s/" + title, title, kind, days, new DateOnly(2026, 3, 25), planned, "Biasa", null);

    [Fact]
    public void Order_MixedItems_MostPressingFirst()
    {
        var ordered = ReminderDigest.Order(
        [
            Item("upcoming-3", ReminderKind.Before, 3),
            Item("today", ReminderKind.DueToday, 0),
            Item("late-1", ReminderKind.Overdue, 1),
            Item("upcoming-1", ReminderKind.Before, 1),
            Item("late-4", ReminderKind.Overdue, 4),
        ]);

        Assert.Equal(["late-4", "late-1", "today", "upcoming-1", "upcoming-3"], ordered.Select(i => i.Title));
    }

    [Theory]
    [InlineData(ReminderKind.Before, 3, false, "H-3 · jatuh tempo Rabu, 25 Maret 2026")]
    [InlineData(ReminderKind.DueToday, 0, true, "hari ini tanggal rencana (Rabu, 25 Maret 2026)")]
    [InlineData(ReminderKind.Overdue, 2, false, "terlambat 2 HK (jatuh tempo Rabu, 25 Maret 2026)")]
    public void Describe_Kind_IndonesianText(ReminderKind kind, int days, bool planned, string expected) =>
        Assert.Equal(expected, ReminderDigest.Describe(Item("x", kind, days, planned)));

    [Fact]
    public void Heading_Digest_CountsItems()
    {
        var n = new Notification("d", "p", "u", new DateOnly(2026, 3, 25), DateTimeOffset.UnixEpoch, true,
            [Item("a", ReminderKind.DueToday, 0), Item("b", ReminderKind.Before, 1)], NotificationStatus.Queued, 0, null, DateTimeOffset.UnixEpoch);

        Assert.Equal("Pengingat harian, Rabu, 25 Maret 2026: 2 pekerjaan", ReminderDigest.Heading(n));
    }
}
