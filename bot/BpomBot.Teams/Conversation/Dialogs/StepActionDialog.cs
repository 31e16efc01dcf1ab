using BpomBot.Domain.Application;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation.Dialogs;

/// <summary>The other actions on the open step: lanjut (show it), rencana, tunda, lanjutkan, lewati and batal.</summary>
internal sealed class StepActionDialog(WorkflowDialog dialog) : IDialogHandler
{
    public IReadOnlySet<Intent> Intents { get; } = new HashSet<Intent>
    {
        Intent.Lanjut, Intent.Rencana, Intent.Tunda, Intent.Lanjutkan, Intent.Lewati, Intent.Batal,
    };

    public IReadOnlySet<Prompt> Prompts { get; } = new HashSet<Prompt> { Prompt.PlanDate, Prompt.PauseReason, Prompt.CancelReason };

    public async Task RunAsync(DialogTurn t, DialogCommand command, Selection? selection, CancellationToken ct)
    {
        var view = selection!.View!;
        var (kegiatan, step, argument) = (view.Kegiatan, view.Step, command.Argument);
        var workflow = dialog.Workflow;
        switch (command.Intent)
        {
            case Intent.Lanjut:
                t.StepCard(view);
                break;
            case Intent.Rencana when !step.IsNotApplicableWaktu:
                t.Say($"Langkah {step.Id} berwaktu {step.WaktuText}; jatuh tempo dihitung otomatis, tidak perlu rencana.",
                    $"Step {step.Id} takes {step.WaktuText}; its due date is computed, no plan needed.");
                break;
            case Intent.Rencana when argument.Length > 0:
                await PlanAsync(t, kegiatan, argument, ct);
                break;
            case Intent.Rencana:
                t.Ask(Prompt.PlanDate, $"Tanggal rencana langkah {step.Id}? Contoh: 15 Maret 2026, atau Senin depan.",
                    $"Planned date for step {step.Id}? Example: 15 March 2026, or next Monday.");
                break;
            case Intent.Tunda when argument.Length >= 3:
                dialog.Apply(t, await workflow.PauseAsync(WorkflowDialog.Target(t, kegiatan), argument, ct), $"Langkah {step.Id} ditunda.", $"Step {step.Id} paused.");
                break;
            case Intent.Tunda:
                t.Ask(Prompt.PauseReason, $"Alasan menunda langkah {step.Id}? Contoh: menunggu jadwal narasumber.",
                    $"Why pause step {step.Id}? Example: waiting for the speaker's schedule.");
                break;
            case Intent.Lanjutkan:
                dialog.Apply(t, await workflow.ResumeAsync(WorkflowDialog.Target(t, kegiatan), ct), $"Langkah {step.Id} dilanjutkan.", $"Step {step.Id} resumed.");
                break;
            case Intent.Lewati when !step.Branches.Any(b => b.After == BranchTiming.Skip):
                t.Say($"Langkah {step.Id} wajib menurut SOP dan tidak dapat dilewati.", $"Step {step.Id} is required by the SOP and cannot be skipped.");
                break;
            case Intent.Lewati:
                var skip = step.Branches.First(b => b.After == BranchTiming.Skip);
                if (!Confirmation.Asked(t, command, kegiatan, $"Lewati langkah {step.Id} ({skip.Label})?", $"Skip step {step.Id} ({skip.Label})?"))
                {
                    dialog.Apply(t, await workflow.SkipAsync(WorkflowDialog.Target(t, kegiatan), skip.Id, argument.Length > 0 ? argument : null, ct),
                        $"Langkah {step.Id} dilewati ({skip.Label}).", $"Step {step.Id} skipped ({skip.Label}).");
                }

                break;
            case Intent.Batal when Confirmation.Asked(t, command, kegiatan, $"Batalkan kegiatan \"{kegiatan.Title}\"?", $"Cancel the kegiatan \"{kegiatan.Title}\"?"):
                break;
            case Intent.Batal when argument.Length >= 3 && !int.TryParse(argument, out _):
                await CancelAsync(t, kegiatan, argument, ct);
                break;
            case Intent.Batal:
                t.Ask(Prompt.CancelReason, $"Alasan membatalkan kegiatan \"{kegiatan.Title}\"? (ketik batal untuk tidak jadi)",
                    $"Why cancel the kegiatan \"{kegiatan.Title}\"? (type cancel to keep it)");
                break;
        }
    }

    public Task<bool> AnswerAsync(DialogTurn t, CancellationToken ct) => t.State.Prompt switch
    {
        Prompt.PlanDate => dialog.WithKegiatanAsync(t, v => PlanAsync(t, v.Kegiatan, t.Text.Trim(), ct), ct),
        Prompt.PauseReason => dialog.WithKegiatanAsync(t, v => OnPauseReasonAsync(t, v, ct), ct),
        _ => dialog.WithKegiatanAsync(t, v => OnCancelReasonAsync(t, v, ct), ct),
    };

    private async Task<bool> PlanAsync(DialogTurn t, Kegiatan kegiatan, string text, CancellationToken ct)
    {
        var today = dialog.Workflow.Today(kegiatan.UnitId);
        var date = dialog.Recognize(text, today, kegiatan.UnitId);
        if (date is null)
        {
            t.Ask(Prompt.PlanDate, "Saya belum memahami tanggalnya. Contoh: 15 Maret 2026, Senin depan (atau batal).",
                "I did not understand the date. Example: 15 March 2026, next Monday (or cancel).");
            return !t.IsBareCommand || t.State.Prompt == Prompt.PlanDate;
        }

        t.State.ClearPrompt();
        var outcome = await dialog.Workflow.PlanAsync(WorkflowDialog.Target(t, kegiatan), date.Date, ct);
        dialog.Apply(t, outcome, $"Rencana langkah {kegiatan.CurrentStepId}: {date.Understood}.", $"Planned date for step {kegiatan.CurrentStepId}: {date.Understood}.");
        return true;
    }

    private async Task<bool> OnPauseReasonAsync(DialogTurn t, OpenStep view, CancellationToken ct)
    {
        if (t.Text.Trim().Length < 3)
        {
            t.Say("Tulis alasan singkat, contoh: menunggu jadwal narasumber (atau batal).", "Write a short reason, for example: waiting for the speaker (or cancel).");
            return true;
        }

        t.State.ClearPrompt();
        dialog.Apply(t, await dialog.Workflow.PauseAsync(WorkflowDialog.Target(t, view.Kegiatan), FreeText.StripLeadIn(t.Text), ct), $"Langkah {view.Step.Id} ditunda.", $"Step {view.Step.Id} paused.");
        return true;
    }

    private async Task<bool> OnCancelReasonAsync(DialogTurn t, OpenStep view, CancellationToken ct)
    {
        if (t.Text.Trim().Length < 3)
        {
            t.Say("Tulis alasan singkat, contoh: kegiatan diganti jadwal tahun depan (atau batal untuk tidak jadi).", "Write a short reason (or cancel to keep the kegiatan).");
            return true;
        }

        await CancelAsync(t, view.Kegiatan, FreeText.StripLeadIn(t.Text), ct); // "alasannya …" is stored without its lead-in
        return true;
    }

    private async Task CancelAsync(DialogTurn t, Kegiatan kegiatan, string reason, CancellationToken ct)
    {
        t.State.ClearPrompt();
        var outcome = await dialog.Workflow.CancelAsync(WorkflowDialog.Target(t, kegiatan), reason, ct);
        t.Say(outcome.Succeeded ? $"Kegiatan \"{kegiatan.Title}\" dibatalkan." : outcome.Error!,
            outcome.Succeeded ? $"Kegiatan \"{kegiatan.Title}\" cancelled." : outcome.ErrorText(english: true));
    }
}
