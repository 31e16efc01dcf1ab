using System.Globalization;
using BpomBot.Domain.Application;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation.Dialogs;

/// <summary>Kelengkapan: pick the item and alternative, take a reference (link, nomor surat or file) and the date received.</summary>
internal sealed class KelengkapanDialog(WorkflowDialog dialog) : IDialogHandler
{
    public IReadOnlySet<Intent> Intents { get; } = new HashSet<Intent> { Intent.Kelengkapan };

    public IReadOnlySet<Prompt> Prompts { get; } = new HashSet<Prompt>
    {
        Prompt.KelengkapanItem, Prompt.KelengkapanAlternative, Prompt.KelengkapanReference, Prompt.KelengkapanDate,
    };

    public Task RunAsync(DialogTurn t, DialogCommand command, Selection? selection, CancellationToken ct)
    {
        Begin(t, selection!.View!, command.Argument.Length > 0 ? command.Argument : null);
        return Task.CompletedTask;
    }

    public Task<bool> AnswerAsync(DialogTurn t, CancellationToken ct) => t.State.Prompt switch
    {
        Prompt.KelengkapanItem => dialog.WithKegiatanAsync(t, v => OnItem(t, v), ct),
        Prompt.KelengkapanAlternative => dialog.WithKegiatanAsync(t, v => OnAlternative(t, v), ct),
        Prompt.KelengkapanReference => dialog.WithKegiatanAsync(t, v => OnReferenceAsync(t, v, ct), ct),
        _ => dialog.WithKegiatanAsync(t, v => OnReceivedDateAsync(t, v, ct), ct),
    };

    private void Begin(DialogTurn t, OpenStep view, string? reference = null)
    {
        t.State.ClearPrompt();
        t.State.Reference = reference;
        var missing = dialog.Workflow.MissingKelengkapan(view.Kegiatan);
        if (view.Record.Status != StepStatus.MenungguKelengkapan || missing.Count == 0)
        {
            t.Say($"Kelengkapan langkah {view.Step.Id} sudah lengkap (langkah {StepCard.StatusText(view.Record.Status, false)}). Ketik selesai bila langkah sudah selesai.",
                $"Kelengkapan of step {view.Step.Id} is complete (step {StepCard.StatusText(view.Record.Status, true)}). Type done when the step is finished.");
            return;
        }

        if (missing.Count == 1)
        {
            ChooseItem(t, missing[0]);
            return;
        }

        var list = string.Join("\n", missing.Select((m, i) => $"{i + 1}. {m.Text}"));
        t.Ask(Prompt.KelengkapanItem, $"Kelengkapan mana yang diterima? Ketik nomornya:\n\n{list}", $"Which Kelengkapan item did you receive? Type its number:\n\n{list}");
    }

    private bool OnItem(DialogTurn t, OpenStep view)
    {
        var missing = dialog.Workflow.MissingKelengkapan(view.Kegiatan);
        var n = Choices.LeadingNumber(t.Text);
        if (n is null || n < 1 || n > missing.Count)
        {
            t.Say($"Ketik nomor kelengkapan 1–{missing.Count}, contoh: 1 (atau batal).", $"Type an item number 1–{missing.Count}, for example: 1 (or cancel).");
            return !t.IsBareCommand;
        }

        ChooseItem(t, missing[n.Value - 1]);
        return true;
    }

    private static void ChooseItem(DialogTurn t, KelengkapanItem item)
    {
        t.State.ItemId = item.Id;
        if (item.Alternatives.Count == 1)
        {
            t.State.Alternative = item.Alternatives[0];
            AskReference(t);
            return;
        }

        var list = string.Join("\n", item.Alternatives.Select((a, i) => $"{i + 1}. {a}"));
        t.Ask(Prompt.KelengkapanAlternative, $"Yang mana yang Anda terima? Ketik nomornya:\n\n{list}", $"Which one did you receive? Type its number:\n\n{list}");
    }

    private bool OnAlternative(DialogTurn t, OpenStep view)
    {
        var item = view.Step.Kelengkapan.FirstOrDefault(i => i.Id == t.State.ItemId);
        if (item is null)
        {
            Begin(t, view);
            return true;
        }

        var choices = item.Alternatives.Select((a, i) => new SopChoice((i + 1).ToString(CultureInfo.InvariantCulture), a)).ToList();
        var picked = Choices.LeadingNumber(t.Text) is { } n && n >= 1 && n <= choices.Count ? choices[n - 1] : Choices.Pick(t.Text, choices, null);
        if (picked is null)
        {
            Choices.Reprompt(t, choices, Views.Text.Fold(choices[^1].Name, 40));
            return !t.IsBareCommand;
        }

        t.State.Alternative = picked.Name;
        AskReference(t);
        return true;
    }

    private static void AskReference(DialogTurn t)
    {
        if (t.State.Reference is { } given)
        {
            // The officer's sentence already held the link or nomor surat ("ini notulennya https://…").
            t.Ask(Prompt.KelengkapanDate, $"Referensi: {given}. Tanggal diterima? Ketik hari ini, atau tanggal seperti 3 Maret 2026.",
                $"Reference: {given}. Date received? Type today, or a date such as 3 March 2026.");
            return;
        }

        t.Ask(Prompt.KelengkapanReference,
            $"Referensi untuk \"{t.State.Alternative}\"? Kirim tautan (https://…), nomor surat, atau lampirkan berkas (PDF, DOCX, XLSX, PPTX, JPG, PNG; maks. 20 MB).",
            $"Reference for \"{t.State.Alternative}\"? Send a link (https://…), a letter number (nomor surat), or attach a file (PDF, DOCX, XLSX, PPTX, JPG, PNG; max 20 MB).");
    }

    private async Task<bool> OnReferenceAsync(DialogTurn t, OpenStep view, CancellationToken ct)
    {
        if (await dialog.ReferenceFromAsync(t, view, ct) is not { } reference)
        {
            return true;
        }

        t.State.Reference = reference;
        t.Ask(Prompt.KelengkapanDate, "Tanggal diterima? Ketik hari ini, atau tanggal seperti 3 Maret 2026.",
            "Date received? Type today, or a date such as 3 March 2026.");
        return true;
    }

    private async Task<bool> OnReceivedDateAsync(DialogTurn t, OpenStep view, CancellationToken ct)
    {
        var today = view.Today;
        var normal = Choices.Normalize(t.Text);
        DateRecognition? date = normal is "ya" or "y" or "ok" or "yes" or "oke"
            ? new DateRecognition(today, normal, $"hari ini, {OfficerWorkflow.FormatDate(today)}")
            : dialog.Recognize(t.Text, today, view.Kegiatan.UnitId);
        if (date is null)
        {
            t.Say("Saya belum memahami tanggalnya. Contoh: hari ini, kemarin, 3 Maret 2026 (atau batal).",
                "I did not understand the date. Example: today, yesterday, 3 March 2026 (or cancel).");
            return !t.IsBareCommand;
        }

        if (date.Date > today)
        {
            t.Say($"Saya membaca {date.Understood}, tetapi tanggal diterima tidak boleh setelah hari ini ({OfficerWorkflow.FormatDate(today)}). Ketik tanggal lain.",
                $"I read {date.Understood}, but the date received cannot be after today ({OfficerWorkflow.FormatDate(today)}). Type another date.");
            return true;
        }

        var state = t.State;
        var outcome = await dialog.Workflow.RecordKelengkapanAsync(WorkflowDialog.Target(t, view.Kegiatan), state.ItemId!, state.Alternative, state.Reference!, date.Date, ct);
        var alternative = state.Alternative;
        state.ClearPrompt();
        if (!outcome.Succeeded)
        {
            t.Say(outcome.Error!, outcome.ErrorText(english: true));
            return true;
        }

        state.KegiatanVersion = outcome.Kegiatan!.Version;
        t.Say($"Tercatat: {alternative} (diterima {OfficerWorkflow.FormatDate(date.Date)}).", $"Recorded: {alternative} (received {OfficerWorkflow.FormatDate(date.Date)}).");
        WorkflowDialog.SayIfSentToLeader(t, outcome);
        if (dialog.Workflow.Describe(outcome.Kegiatan!) is { } next)
        {
            if (next.Record.Status == StepStatus.MenungguKelengkapan && dialog.Workflow.MissingKelengkapan(next.Kegiatan).Count > 0)
            {
                Begin(t, next);
            }
            else
            {
                t.StepCard(next);
            }
        }

        return true;
    }
}
