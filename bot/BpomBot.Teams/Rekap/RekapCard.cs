using System.Globalization;
using System.Text.Json.Nodes;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Rekap;

/// <summary>The recap card in chat: headline numbers, the on-time chart and a link to the workbook; Indonesian or English.</summary>
public static class RekapCard
{
    /// <param name="result">The recap.</param>
    /// <param name="chartUrl">The chart image, or null for none.</param>
    /// <param name="workbookUrl">The workbook download.</param>
    /// <param name="english">English words (the writer wrote English).</param>
    /// <param name="units">Names the scope in English; without it the recap's (Indonesian) scope name is shown.</param>
    public static JsonObject Build(RekapResult result, string? chartUrl, string workbookUrl, bool english = false, UnitCatalog? units = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Request;
        var scope = english && units is not null ? r.Scope.Describe(units, english: true) : result.ScopeName;
        var title = english
            ? $"Recap of {scope}, {r.Year}{(r.SubProcess is null ? string.Empty : $", sub-process {r.SubProcess}")}"
            : $"Rekap {scope}, tahun {r.Year}{(r.SubProcess is null ? string.Empty : $", sub-proses {r.SubProcess}")}";
        var body = new List<JsonNode> { AdaptiveCard.Text(title, bold: true) };
        if (result.IsEmpty)
        {
            body.Add(AdaptiveCard.Text(english ? $"No kegiatan recorded for {scope} in {r.Year} yet." : $"Belum ada kegiatan tercatat untuk {scope} tahun {r.Year}."));
        }
        else
        {
            body.Add(AdaptiveCard.Facts(Headline(result, english)));
            if (chartUrl is not null)
            {
                body.Add(new JsonObject
                {
                    ["type"] = "Image", ["url"] = chartUrl, ["altText"] = english ? "Chart of % steps on time" : "Grafik % tahap tepat waktu", ["size"] = "Stretch",
                });
            }
        }

        body.Add(AdaptiveCard.Text(english
            ? $"As of {IndonesianDate.Format(result.Today, english: true)}. The download link is valid briefly; type \"rekap\" again once it has expired."
            : $"Keadaan per {IndonesianDate.Format(result.Today)}. Tautan unduhan berlaku sebentar; ketik \"rekap\" lagi bila sudah kedaluwarsa.", subtle: true));
        return AdaptiveCard.Create([.. body]).WithActions(new JsonObject
        {
            ["type"] = "Action.OpenUrl", ["title"] = english ? "Download Excel" : "Unduh Excel", ["url"] = workbookUrl,
        });
    }

    /// <summary>The headline numbers, the same on the card, the dashboard and the workbook's totals.</summary>
    public static IReadOnlyList<(string Title, string Value)> Headline(RekapResult result) => Headline(result, english: false);

    /// <summary>The headline numbers in Indonesian or English.</summary>
    public static IReadOnlyList<(string Title, string Value)> Headline(RekapResult result, bool english)
    {
        ArgumentNullException.ThrowIfNull(result);
        var perKegiatan = result.Units.Sum(u => u.Total);
        var t = result.Timing;
        var (berjalan, selesai, batal) = (result.Units.Sum(u => u.Berjalan), result.Units.Sum(u => u.Selesai), result.Units.Sum(u => u.Dibatalkan));
        var pending = result.PendingDisposisi.Count;
        var oldest = pending == 0 ? string.Empty : english ? $" (oldest {result.PendingDisposisi[0].AgeHk} HK)" : $" (terlama {result.PendingDisposisi[0].AgeHk} HK)";
        var reportsIn = result.AnnualReports.Count(a => a.IsIn);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return english
            ?
            [
                ("Kegiatan", $"{perKegiatan} ({berjalan} running, {selesai} done, {batal} cancelled)"),
                ("Steps on time", t.OnTimePercent is { } p ? $"{Percent(p, english)} ({t.TepatWaktu} of {t.Judged})" : "no steps judged yet"),
                ("Steps done late", N(t.Terlambat)),
                ("Steps past due", N(t.LewatBatas)),
                ("Total HK late", N(result.LateHk)),
                ("Pending disposisi", $"{pending}{oldest}"),
                ("UPT annual reports", $"{reportsIn} of {result.AnnualReports.Count} in"),
            ]
            :
            [
                ("Kegiatan", $"{perKegiatan} ({berjalan} berjalan, {selesai} selesai, {batal} dibatalkan)"),
                ("Tahap tepat waktu", t.OnTimePercent is { } q ? $"{Percent(q)} ({t.TepatWaktu} dari {t.Judged})" : "belum ada tahap yang dinilai"),
                ("Tahap selesai terlambat", N(t.Terlambat)),
                ("Tahap lewat batas waktu", N(t.LewatBatas)),
                ("Total HK terlambat", N(result.LateHk)),
                ("Disposisi tertunda", $"{pending}{oldest}"),
                ("Laporan tahunan UPT", $"{reportsIn} dari {result.AnnualReports.Count} masuk"),
            ];
    }

    public static string Percent(double value) => Percent(value, english: false);

    /// <summary>"66,7%" in Indonesian, "66.7%" in English.</summary>
    public static string Percent(double value, bool english) =>
        $"{value.ToString("0.#", CultureInfo.GetCultureInfo(english ? "en-GB" : "id-ID"))}%";
}
