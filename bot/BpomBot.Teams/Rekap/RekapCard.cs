using System.Globalization;
using System.Text.Json.Nodes;
using BpomBot.Domain.Rekap;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Rekap;

/// <summary>The recap card in chat: headline numbers, the on-time chart and a link to the workbook.</summary>
public static class RekapCard
{
    public static JsonObject Build(RekapResult result, string? chartUrl, string workbookUrl)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Request;
        var title = $"Rekap {result.ScopeName}, tahun {r.Year}{(r.SubProcess is null ? string.Empty : $", sub-proses {r.SubProcess}")}";
        var body = new List<JsonNode> { AdaptiveCard.Text(title, bold: true) };
        if (result.IsEmpty)
        {
            body.Add(AdaptiveCard.Text($"Belum ada kegiatan tercatat untuk {result.ScopeName} tahun {r.Year}."));
        }
        else
        {
            body.Add(AdaptiveCard.Facts(Headline(result)));
            if (chartUrl is not null)
            {
                body.Add(new JsonObject { ["type"] = "Image", ["url"] = chartUrl, ["altText"] = "Grafik % tahap tepat waktu", ["size"] = "Stretch" });
            }
        }

        body.Add(AdaptiveCard.Text($"Keadaan per {Date(result.Today)}. Tautan unduhan berlaku sebentar; ketik \"rekap\" lagi bila sudah kedaluwarsa.", subtle: true));
        return AdaptiveCard.Create([.. body]).WithActions(new JsonObject
        {
            ["type"] = "Action.OpenUrl", ["title"] = "Unduh Excel", ["url"] = workbookUrl,
        });
    }

    /// <summary>The headline numbers, the same on the card, the dashboard and the workbook's totals.</summary>
    public static IReadOnlyList<(string Title, string Value)> Headline(RekapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var perKegiatan = result.Units.Sum(u => u.Total);
        var t = result.Timing;
        var oldest = result.PendingDisposisi.Count == 0 ? string.Empty : $" (terlama {result.PendingDisposisi[0].AgeHk} HK)";
        return
        [
            ("Kegiatan", $"{perKegiatan} ({result.Units.Sum(u => u.Berjalan)} berjalan, {result.Units.Sum(u => u.Selesai)} selesai, {result.Units.Sum(u => u.Dibatalkan)} dibatalkan)"),
            ("Tahap tepat waktu", t.OnTimePercent is { } p ? $"{Percent(p)} ({t.TepatWaktu} dari {t.Judged})" : "belum ada tahap yang dinilai"),
            ("Tahap selesai terlambat", t.Terlambat.ToString(CultureInfo.InvariantCulture)),
            ("Tahap lewat batas waktu", t.LewatBatas.ToString(CultureInfo.InvariantCulture)),
            ("Total HK terlambat", result.LateHk.ToString(CultureInfo.InvariantCulture)),
            ("Disposisi tertunda", $"{result.PendingDisposisi.Count}{oldest}"),
            ("Laporan tahunan UPT", $"{result.AnnualReports.Count(a => a.IsIn)} dari {result.AnnualReports.Count} masuk"),
        ];
    }

    public static string Percent(double value) => $"{value.ToString("0.#", CultureInfo.GetCultureInfo("id-ID"))}%";

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));
}
