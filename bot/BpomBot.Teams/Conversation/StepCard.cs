using System.Text.Json.Nodes;
using BpomBot.Domain.Application;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// The step card: the SOP step (sub-process, number, Aktivitas), Kelengkapan required and recorded, Waktu and due date
/// with HK left, the expected Output and a short Keterangan. Buttons carry only verb, kegiatan id and version.
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
                ? $"✅ {got.Alternative}: {Clip(got.Reference, 80)} ({OfficerWorkflow.FormatDate(got.ReceivedOn)})"
                : $"⬜ {item.Text}");
        var facts = new List<(string, string)>
        {
            ("Status", StatusText(record.Status, english)),
            ("Waktu", step.WaktuText),
        };
        if (view.Target is { } target)
        {
            facts.Add((record.DueOn is null ? (english ? "Planned" : "Rencana") : (english ? "Due" : "Jatuh tempo"),
                $"{OfficerWorkflow.FormatDate(target)} ({(english ? view.DueTextEnglish : view.DueText)})"));
        }
        else if (step.IsNotApplicableWaktu)
        {
            facts.Add((english ? "Planned" : "Rencana", english ? "not set: type \"rencana <date>\"" : "belum diisi: ketik \"rencana <tanggal>\""));
        }

        facts.Add(("Output", step.Output));
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text(k.Title, bold: true),
            AdaptiveCard.Text($"Sub-proses {k.SubProcess} · {(english ? "Step" : "Langkah")} {step.No} ({step.Id})", subtle: true),
            AdaptiveCard.Text(step.Aktivitas),
            AdaptiveCard.Text("Kelengkapan:\n\n" + string.Join("\n\n", kelengkapan)),
            AdaptiveCard.Facts(facts),
        };
        if (!string.IsNullOrWhiteSpace(step.Keterangan))
        {
            body.Add(AdaptiveCard.Text(Clip(step.Keterangan, KeteranganChars), subtle: true));
        }

        if (record.Note is { Length: > 0 } note)
        {
            body.Add(AdaptiveCard.Text($"{(english ? "Note" : "Catatan")}: {note}", subtle: true));
        }

        var card = AdaptiveCard.Create([.. body]);
        var actions = Actions(view, english).ToArray();
        return actions.Length == 0 ? card : card.WithActions(actions);
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

    public static string Clip(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}
