using System.Text.Json.Nodes;
using BpomBot.Domain.Rekap;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Rekap;

/// <summary>
/// What the Unit Kerja Pusat's rekapitulasi step (A.8/B.8/C.6) card shows: n of m UPT annual reports in, which are
/// missing, a button to remind the missing ones' Kepala, and the workbook as its Kelengkapan. Pure; the step card of
/// the annual cycle includes it, and the <see cref="RemindVerb"/> handler sends the reminders.
/// </summary>
public static class RecapStatusCard
{
    public const string RemindVerb = "rekap.ingatkan";

    /// <summary>The step card's button that shows this card (see <see cref="RekapStatusHandler"/>).</summary>
    public const string ShowVerb = "rekap.status";

    /// <summary>The rekapitulasi steps (A.8/B.8/C.6, <c>AnnualReportRules.RecapStep</c>) whose step card offers this card.</summary>
    public static bool IsRecapStep(string stepId) => stepId is "A.8" or "B.8" or "C.6";

    public static JsonObject ShowButton(string subProcess, int year, bool english) =>
        AdaptiveCard.Execute(ShowVerb, english ? "UPT annual reports" : "Laporan tahunan UPT",
            new JsonObject { ["subProcess"] = subProcess, ["year"] = year, ["lang"] = english ? "en" : "id" });

    /// <summary>Missing UPTs listed by name on the card; more are counted.</summary>
    public const int MaxListed = 10;

    public static IReadOnlyList<JsonNode> Body(string subProcess, IReadOnlyList<AnnualReportStatus> reports, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var mine = reports.Where(r => string.Equals(r.SubProcess, subProcess, StringComparison.OrdinalIgnoreCase)).ToList();
        var missing = mine.Where(r => !r.IsIn).ToList();
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text(english
                ? $"UPT annual reports in: {mine.Count - missing.Count} of {mine.Count}"
                : $"Laporan tahunan UPT masuk: {mine.Count - missing.Count} dari {mine.Count}", bold: true),
        };
        if (missing.Count > 0)
        {
            var names = missing.Take(MaxListed).Select(r => r.State == AnnualReportState.Terlambat ? $"{r.UnitName} ({(english ? "overdue" : "lewat batas")})" : r.UnitName);
            var more = missing.Count > MaxListed ? (english ? $", and {missing.Count - MaxListed} more" : $", dan {missing.Count - MaxListed} lainnya") : string.Empty;
            body.Add(AdaptiveCard.Text($"{(english ? "Not in yet" : "Belum masuk")}: {string.Join(", ", names)}{more}."));
        }

        return body;
    }

    /// <summary>The actions: remind the missing UPTs' Kepala (only when some are missing) and download the workbook.</summary>
    public static IReadOnlyList<JsonNode> Actions(string subProcess, int year, IReadOnlyList<AnnualReportStatus> reports, string workbookUrl, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var actions = new List<JsonNode>();
        var missing = reports.Where(r => string.Equals(r.SubProcess, subProcess, StringComparison.OrdinalIgnoreCase) && !r.IsIn).Select(r => r.UnitId).ToList();
        if (missing.Count > 0)
        {
            actions.Add(AdaptiveCard.Execute(RemindVerb, english ? $"Remind {missing.Count} UPT heads" : $"Ingatkan {missing.Count} Kepala UPT", new JsonObject
            {
                ["subProcess"] = subProcess, ["year"] = year, ["units"] = string.Join(',', missing), ["lang"] = english ? "en" : "id",
            }));
        }

        actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = english ? "Download recap (Excel)" : "Unduh rekap (Excel)", ["url"] = workbookUrl });
        return actions;
    }

    /// <summary>A standalone card with the same content (until the step card includes it).</summary>
    public static JsonObject Build(string subProcess, int year, IReadOnlyList<AnnualReportStatus> reports, string workbookUrl, bool english = false) =>
        AdaptiveCard.Create([.. Body(subProcess, reports, english)]).WithActions([.. Actions(subProcess, year, reports, workbookUrl, english)]);
}
