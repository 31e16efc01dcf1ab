using System.Text.Json.Nodes;
using BpomBot.Domain.Application;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Conversation.Views;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// The step card: the SOP step (sub-process, number, Aktivitas), Kelengkapan required and recorded, Waktu and due date
/// with HK left, the expected Output and the Keterangan (a long one folded behind "selengkapnya"). One date style per
/// language (<see cref="IndonesianDate.Format(DateOnly, bool)"/>). Buttons carry only verb, kegiatan id and version.
/// </summary>
public static class StepCard
{
    public const int KeteranganChars = 180;

    public static JsonObject Build(OpenStep view, bool english)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (k, step, record) = (view.Kegiatan, view.Step, view.Record);
        var kelengkapan = step.Kelengkapan.Select(item =>
            record.Kelengkapan.LastOrDefault(r => r.ItemId == item.Id) is { } got
                ? $"✅ {got.Alternative}: {Text.Fold(got.Reference, 80)} ({IndonesianDate.Format(got.ReceivedOn, english)})"
                : $"⬜ {item.Text}");
        var facts = new List<(string, string)>
        {
            ("Status", Status(record, english)),
            (english ? "Time allowed" : "Waktu", step.WaktuText),
        };
        if (view.Target is { } target)
        {
            // While paused the clock stands still: the date moves on resume, so no "HK left" is claimed.
            var distance = record.Status == StepStatus.Ditunda ? (english ? "moves by the HK paused" : "bergeser sebanyak HK ditunda")
                : english ? view.DueTextEnglish : view.DueText;
            facts.Add((record.DueOn is null ? (english ? "Planned" : "Rencana") : (english ? "Due" : "Jatuh tempo"),
                $"{IndonesianDate.Format(target, english)} ({distance})"));
        }
        else if (step.IsNotApplicableWaktu)
        {
            facts.Add((english ? "Planned" : "Rencana", english ? "not set: type plan and the date, e.g. plan tomorrow" : "belum diisi: ketik rencana dan tanggalnya, contoh: rencana besok"));
        }

        facts.Add(("Output", step.Output));
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text(k.Title, bold: true),
            AdaptiveCard.Text($"{(english ? "Sub-process" : "Sub-proses")} {k.SubProcess} · {(english ? "Step" : "Langkah")} {step.No} ({step.Id})", subtle: true),
            AdaptiveCard.Text(step.Aktivitas),
            AdaptiveCard.Text("Kelengkapan:\n\n" + string.Join("\n\n", kelengkapan)),
            AdaptiveCard.Facts(facts),
        };
        if (!string.IsNullOrWhiteSpace(step.Keterangan))
        {
            body.AddRange(Keterangan(step.Keterangan, english));
        }

        if (record.Note is { Length: > 0 } note && record.Status != StepStatus.Ditunda)
        {
            var label = record.TimesReturned > 0 && record.Status == StepStatus.Berjalan
                ? english ? "Returned by the leader" : "Dikembalikan pimpinan"
                : english ? "Note" : "Catatan";
            body.Add(AdaptiveCard.Text($"{label}: {Text.Sentence(note)}", subtle: true));
        }

        var card = AdaptiveCard.Create([.. body]);
        var actions = Actions(view, english).ToArray();
        return actions.Length == 0 ? card : card.WithActions(actions);
    }

    /// <summary>
    /// The Keterangan: whole when short; otherwise its first part cut at a word with a "selengkapnya" toggle that shows
    /// the full text in place (Action.ToggleVisibility, no round trip).
    /// </summary>
    private static IEnumerable<JsonNode> Keterangan(string keterangan, bool english)
    {
        var full = Text.Fold(keterangan, int.MaxValue);
        if (full.Length <= KeteranganChars)
        {
            yield return AdaptiveCard.Text(full, subtle: true);
            yield break;
        }

        var shortBlock = AdaptiveCard.Text(Text.Fold(full, KeteranganChars), subtle: true);
        shortBlock["id"] = "keterangan-ringkas";
        yield return shortBlock;
        var fullBlock = AdaptiveCard.Text(full, subtle: true);
        fullBlock["id"] = "keterangan-lengkap";
        fullBlock["isVisible"] = false;
        yield return fullBlock;
        yield return new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.ToggleVisibility",
                ["title"] = english ? "Show more / less" : "Selengkapnya / ringkas",
                ["targetElements"] = new JsonArray("keterangan-ringkas", "keterangan-lengkap"),
            }),
        };
    }

    private static string Status(StepRecord record, bool english)
    {
        var text = StatusText(record.Status, english);
        if (record.Status == StepStatus.Ditunda && record.PausedOn is { } paused)
        {
            text += english ? $" since {IndonesianDate.Format(paused, english)}" : $" sejak {IndonesianDate.Format(paused, english)}";
            if (record.PauseReason is { Length: > 0 } reason) text += $": {reason.TrimEnd('.')}";
        }

        return text;
    }

    /// <summary>The buttons that make sense for the step now (the server re-checks everything when pressed).</summary>
    private static IEnumerable<JsonNode> Actions(OpenStep view, bool english)
    {
        var record = view.Record;
        JsonObject Button(string verb, string id, string en) => Execute(verb, english ? en : id, view.Kegiatan);
        switch (record.Status)
        {
            case StepStatus.MenungguKelengkapan:
                yield return Button(Verbs.Kelengkapan, "Catat kelengkapan", "Record Kelengkapan");
                break;
            case StepStatus.Berjalan:
                yield return Button(Verbs.Selesai, "Selesai", "Done");
                yield return Button(Verbs.Tunda, "Tunda", "Pause");
                break;
            case StepStatus.Ditunda:
                yield return Button(Verbs.Lanjutkan, "Lanjutkan", "Resume");
                break;
        }

        if (view.Step.IsNotApplicableWaktu && record.Status is StepStatus.MenungguKelengkapan or StepStatus.Berjalan)
        {
            yield return Button(Verbs.Rencana, "Rencana", "Plan");
        }

        if (view.Step.Branches.Any(b => b.After == Domain.Sop.BranchTiming.Skip) && record.Status is StepStatus.MenungguKelengkapan or StepStatus.Berjalan)
        {
            yield return Button(Verbs.Lewati, "Lewati", "Skip");
        }

        if (Rekap.RecapStatusCard.IsRecapStep(view.Step.Id) && record.Status is StepStatus.MenungguKelengkapan or StepStatus.Berjalan)
        {
            // The Unit Kerja Pusat's rekapitulasi: n of m UPT reports in, the missing ones and a reminder button.
            yield return Rekap.RecapStatusCard.ShowButton(view.Kegiatan.SubProcess, view.Kegiatan.Year, english);
        }

        yield return Button(Verbs.Riwayat, "Riwayat", "History");
    }

    /// <summary>Action.Execute with an Action.Submit fallback; both carry only verb, kegiatan id and version.</summary>
    public static JsonObject Execute(string verb, string title, Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = verb,
            ["title"] = title,
            ["data"] = new JsonObject { ["k"] = kegiatan.Id, ["v"] = kegiatan.Version },
            ["fallback"] = new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = title,
                ["data"] = new JsonObject { ["verb"] = verb, ["k"] = kegiatan.Id, ["v"] = kegiatan.Version },
            },
        };
    }

    public static string StatusText(StepStatus status, bool english) => (status, english) switch
    {
        (StepStatus.MenungguKelengkapan, false) => "menunggu kelengkapan",
        (StepStatus.MenungguKelengkapan, true) => "waiting for Kelengkapan",
        (StepStatus.Berjalan, false) => "berjalan",
        (StepStatus.Berjalan, true) => "in progress",
        (StepStatus.Ditunda, false) => "ditunda",
        (StepStatus.Ditunda, true) => "paused",
        (StepStatus.MenungguDisposisi, false) => "menunggu disposisi",
        (StepStatus.MenungguDisposisi, true) => "waiting for disposisi",
        (StepStatus.Selesai, _) => english ? "done" : "selesai",
        (StepStatus.Dilewati, _) => english ? "skipped" : "dilewati",
        _ => status.ToString(),
    };

    /// <summary>One line, shortened at a word boundary (never mid-word); see <see cref="Text.Fold"/>.</summary>
    public static string Clip(string text, int max) => Text.Fold(text, max);
}
