using BpomBot.Domain.Application;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation;

/// <summary>Selesai, rencana, tunda and batal on the selected kegiatan.</summary>
public sealed partial class OfficerConversation
{
    private void BeginSelesai(Turn t, OpenStep view)
    {
        var record = view.Record;
        if (record.Status == StepStatus.MenungguKelengkapan)
        {
            t.Say($"Kelengkapan langkah {view.Step.Id} belum lengkap: {string.Join("; ", workflow.MissingKelengkapan(view.Kegiatan).Select(i => i.Text))}. Ketik kelengkapan untuk mencatatnya.",
                $"Kelengkapan of step {view.Step.Id} is not complete yet. Type kelengkapan to record it.");
            return;
        }

        if (record.Status != StepStatus.Berjalan)
        {
            t.Say($"Langkah {view.Step.Id} sedang {StepCard.StatusText(record.Status, false)}; belum dapat diselesaikan.",
                $"Step {view.Step.Id} is {StepCard.StatusText(record.Status, true)}; it cannot be completed now.");
            return;
        }

        if (view.Step.IsNotApplicableWaktu && record.PlannedOn is null)
        {
            t.Say($"Langkah {view.Step.Id} berwaktu N/A: isi tanggal rencana dahulu, contoh: rencana 15 Maret 2026.",
                $"Step {view.Step.Id} has no fixed duration: set a planned date first, for example: plan 15 March 2026.");
            return;
        }

        var branches = view.Step.Branches.Where(b => b.After == BranchTiming.Complete).ToList();
        if (branches.Count > 0)
        {
            var list = string.Join("\n", branches.Select((b, i) => $"{i + 2}. {b.Label} (lanjut ke {b.To})"));
            Ask(t, Prompt.Branch, $"Setelah langkah {view.Step.Id}, lanjut ke mana? Ketik nomornya:\n\n1. Sesuai SOP ({view.Step.Next})\n{list}",
                $"After step {view.Step.Id}, where next? Type its number:\n\n1. As in the SOP ({view.Step.Next})\n{list}");
            return;
        }

        AskOutput(t, view);
    }

    private static void AskOutput(Turn t, OpenStep view) =>
        Ask(t, Prompt.Output,
            $"Output langkah {view.Step.Id}: {Views.Text.Sentence(view.Step.Output)} Kirim tautan, nomor surat, atau lampirkan berkasnya.",
            $"Output of step {view.Step.Id}: {Views.Text.Sentence(view.Step.Output)} Send a link, a letter number, or attach the file.");

    private static bool OnBranch(Turn t, OpenStep view)
    {
        var branches = view.Step.Branches.Where(b => b.After == BranchTiming.Complete).ToList();
        if (LeadingNumber(t.Text) is not { } n || n < 1 || n > branches.Count + 1)
        {
            t.Say($"Ketik nomor 1–{branches.Count + 1}, contoh: 1 (atau batal).", $"Type a number 1–{branches.Count + 1}, for example: 1 (or cancel).");
            return NotACommand(t);
        }

        t.State.Branch = n == 1 ? null : branches[n - 2].Id;
        AskOutput(t, view);
        return true;
    }

    private async Task<bool> OnOutputAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        if (await ReferenceFromAsync(t, view, ct) is not { } reference)
        {
            return true;
        }

        var branch = t.State.Branch;
        t.State.ClearPrompt();
        var outcome = await workflow.CompleteAsync(Target(t, view.Kegiatan), reference, branch, ct);
        if (!outcome.Succeeded)
        {
            t.Say(outcome.Error!, outcome.ErrorText(english: true));
            return true;
        }

        var kegiatan = outcome.Kegiatan!;
        t.State.KegiatanVersion = kegiatan.Version;
        if (!outcome.SentToLeader || kegiatan.CurrentStepId != view.Step.Id)
        {
            t.Say($"Langkah {view.Step.Id} selesai.", $"Step {view.Step.Id} done.");
        }

        SayIfSentToLeader(t, outcome);

        if (workflow.Describe(kegiatan) is { } next)
        {
            t.StepCard(next, t.State.English);
        }
        else
        {
            t.Say(Summary(kegiatan, t.State.English));
        }

        return true;
    }

    private async Task<bool> PlanAsync(Turn t, Kegiatan kegiatan, string text, CancellationToken ct)
    {
        var today = workflow.Today(kegiatan.UnitId);
        var date = Recognize(text, today, kegiatan.UnitId);
        if (date is null)
        {
            Ask(t, Prompt.PlanDate, "Saya belum memahami tanggalnya. Contoh: 15 Maret 2026, Senin depan (atau batal).",
                "I did not understand the date. Example: 15 March 2026, next Monday (or cancel).");
            return NotACommand(t) || t.State.Prompt == Prompt.PlanDate;
        }

        t.State.ClearPrompt();
        var outcome = await workflow.PlanAsync(Target(t, kegiatan), date.Date, ct);
        Apply(t, outcome, $"Rencana langkah {kegiatan.CurrentStepId}: {date.Understood}.", $"Planned date for step {kegiatan.CurrentStepId}: {date.Understood}.");
        return true;
    }

    private async Task<bool> OnPauseReasonAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        if (t.Text.Trim().Length < 3)
        {
            t.Say("Tulis alasan singkat, contoh: menunggu jadwal narasumber (atau batal).", "Write a short reason, for example: waiting for the speaker (or cancel).");
            return true;
        }

        t.State.ClearPrompt();
        Apply(t, await workflow.PauseAsync(Target(t, view.Kegiatan), t.Text.Trim(), ct), $"Langkah {view.Step.Id} ditunda.", $"Step {view.Step.Id} paused.");
        return true;
    }

    private async Task<bool> OnCancelReasonAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        if (t.Text.Trim().Length < 3)
        {
            t.Say("Tulis alasan singkat, contoh: kegiatan diganti jadwal tahun depan (atau batal untuk tidak jadi).", "Write a short reason (or cancel to keep the kegiatan).");
            return true;
        }

        await CancelAsync(t, view.Kegiatan, t.Text.Trim(), ct);
        return true;
    }

    private async Task CancelAsync(Turn t, Kegiatan kegiatan, string reason, CancellationToken ct)
    {
        t.State.ClearPrompt();
        var outcome = await workflow.CancelAsync(Target(t, kegiatan), reason, ct);
        t.Say(outcome.Succeeded ? $"Kegiatan \"{kegiatan.Title}\" dibatalkan." : outcome.Error!,
            outcome.Succeeded ? $"Kegiatan \"{kegiatan.Title}\" cancelled." : outcome.ErrorText(english: true));
    }

    private void Apply(Turn t, WorkflowOutcome outcome, string done, string doneEnglish)
    {
        if (!outcome.Succeeded)
        {
            t.Say(outcome.Error!, outcome.ErrorText(english: true));
            return;
        }

        t.State.KegiatanVersion = outcome.Kegiatan!.Version;
        t.Say(done, doneEnglish);
        SayIfSentToLeader(t, outcome);
        if (workflow.Describe(outcome.Kegiatan!) is { } view)
        {
            t.StepCard(view, t.State.English);
        }

    }

    private static void SayIfSentToLeader(Turn t, WorkflowOutcome outcome)
    {
        if (outcome is { SentToLeader: true, Kegiatan.CurrentStepId: { } stepId })
        {
            t.Say($"Langkah {stepId} disampaikan kepada pimpinan dan menunggu disposisi.", $"Step {stepId} was sent to the leader and waits for disposisi.");
        }
    }
}
