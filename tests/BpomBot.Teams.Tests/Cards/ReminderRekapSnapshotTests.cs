using BpomBot.Domain.Reminders;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Tests.Rekap;

namespace BpomBot.Teams.Tests.Cards;

/// <summary>
/// Snapshots of the reminder cards (one item, the daily digest with an escalation, acknowledged) in both languages, and
/// of the recap cards (the recap card and the UPT annual-report status card) in both languages.
/// </summary>
public sealed class ReminderRekapSnapshotTests
{
    private static readonly DateTimeOffset DueAt = new(2026, 3, 26, 1, 0, 0, TimeSpan.Zero);

    private static Notification Single() => new("single|disposisi/D1", "aad-1", "bbpom-medan", new DateOnly(2026, 3, 26), DueAt, false,
        [new NotificationItem("disposisi/D1", "Disposisi A.4 — Laporan FGD Pemda Kota Medan", ReminderKind.Before, 2, new DateOnly(2026, 3, 30), false, "Segera", null)],
        NotificationStatus.Queued, 0, null, DueAt);

    private static Notification Digest() => new("digest|aad-1|2026-03-26", "aad-1", "bbpom-medan", new DateOnly(2026, 3, 26), DueAt, true,
        ReminderDigest.Order(
        [
            new NotificationItem("kegiatan/k-1/A.3", "A.3 Pelaksanaan advokasi — FGD Pemda Kota Medan", ReminderKind.Overdue, 2, new DateOnly(2026, 3, 24), true, "Biasa", null),
            new NotificationItem("kegiatan/k-2/B.2", "B.2 Penyusunan bahan — Sosialisasi UMKM", ReminderKind.DueToday, 0, new DateOnly(2026, 3, 26), false, "Segera", null),
            new NotificationItem("kegiatan/k-9/A.4", "A.4 Laporan — Advokasi Dinas Kesehatan", ReminderKind.Escalation, 3, new DateOnly(2026, 3, 23), false, "Biasa", "Sari Petugas"),
        ]),
        NotificationStatus.Queued, 0, null, DueAt);

    [Theory]
    [InlineData(false, "pengingat.tunggal.id")]
    [InlineData(true, "pengingat.tunggal.en")]
    public void ReminderCard_OneItem(bool english, string name) => Snapshot.Match(name, ReminderCard.Build(Single(), english: english));

    [Theory]
    [InlineData(false, "pengingat.harian.id")]
    [InlineData(true, "pengingat.harian.en")]
    public void ReminderCard_DailyDigestWithEscalation(bool english, string name) => Snapshot.Match(name, ReminderCard.Build(Digest(), english: english));

    [Theory]
    [InlineData(false, "pengingat.diterima.id")]
    [InlineData(true, "pengingat.diterima.en")]
    public void ReminderCard_Acknowledged(bool english, string name) => Snapshot.Match(name, ReminderCard.Build(Single(), acknowledged: true, english));

    [Theory]
    [InlineData(false, "rekap.id")]
    [InlineData(true, "rekap.en")]
    public void RekapCard(bool english, string name) => Snapshot.Match(name,
        Teams.Rekap.RekapCard.Build(RekapSample.Compute("A"), "https://bot.example/rekap/grafik?x", "https://bot.example/rekap/unduh?x", english, RekapSample.Units));

    [Theory]
    [InlineData(false, "rekap.kosong.id")]
    [InlineData(true, "rekap.kosong.en")]
    public void RekapCard_EmptyYear(bool english, string name) => Snapshot.Match(name,
        Teams.Rekap.RekapCard.Build(new Domain.Rekap.RekapCalculator(RekapSample.Sop, RekapSample.Units, RekapSample.Calendar)
            .Compute(new Domain.Rekap.RekapRequest(2025, "A", Domain.Rekap.RekapScope.WithChildren("bbpom-medan")), [], RekapSample.Today), null, "https://bot.example/rekap/unduh?x", english, RekapSample.Units));

    [Theory]
    [InlineData(false, "rekap.laporan-tahunan.id")]
    [InlineData(true, "rekap.laporan-tahunan.en")]
    public void RecapStatusCard_AnnualReports(bool english, string name) => Snapshot.Match(name,
        Teams.Rekap.RecapStatusCard.Build("A", 2026, RekapSample.Compute("A").AnnualReports, "https://bot.example/rekap/unduh?x", english));
}
