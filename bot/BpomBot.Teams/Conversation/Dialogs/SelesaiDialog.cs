using BpomBot.Domain.Application;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation.Dialogs;

/// <summary>
/// Selesai: checks the step can be completed, asks where next when the SOP allows a branch, takes the output. A link or
/// nomor surat given with the command ("selesai https://…", "done B-12/BPOM/2026") is the output: every Output of the
/// SOP is a document, which the officer records by its reference; the bot asks for it only when none was given.
/// </summary>
internal sealed class SelesaiDialog(WorkflowDialog dialog) : IDialogHandler
{
    public IReadOnlySet<Intent> Intents { get; } = new HashSet<Intent> { Intent.Selesai };

    public IReadOnlySet<Prompt> Prompts { get; } = new HashSet<Prompt> { Prompt.Branch, Prompt.Output };

    public Task RunAsync(DialogTurn t, DialogCommand command, Selection? selection, CancellationToken ct) =>
        BeginAsync(t, selection!.View!, command.Argument.Length > 0 ? StepCard.Clip(command.Argument.Trim(), 300) : null, ct);

    public Task<bool> AnswerAsync(DialogTurn t, CancellationToken ct) => t.State.Prompt == Prompt.Branch
        ? dialog.WithKegiatanAsync(t, v => OnBranchAsync(t, v, ct), ct)
        : dialog.WithKegiatanAsync(t, v => OnOutputAsync(t, v, ct), ct);

    private async Task BeginAsync(DialogTurn t, OpenStep view, string? reference, CancellationToken ct)
    {
        var record = view.Record;
        if (record.Status == StepStatus.MenungguKelengkapan)
        {
            t.Say($"Kelengkapan langkah {view.Step.Id} belum lengkap: {string.Join("; ", dialog.Workflow.MissingKelengkapan(view.Kegiatan).Select(i => i.Text))}. Ketik kelengkapan untuk mencatatnya.",
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
            var listEnglish = string.Join("\n", branches.Select((b, i) => $"{i + 2}. {b.Label} (goes to {b.To})"));
            t.Ask(Prompt.Branch, $"Setelah langkah {view.Step.Id}, lanjut ke mana? Ketik nomornya:\n\n1. Sesuai SOP ({view.Step.Next})\n{list}",
                $"After step {view.Step.Id}, where next? Type its number:\n\n1. As in the SOP ({view.Step.Next})\n{listEnglish}");
            t.State.Reference = reference; // the output given with the command, used once the branch is chosen
            return;
        }

        if (reference is not null)
        {
            await CompleteAsync(t, view, reference, ct);
            return;
        }

        AskOutput(t, view);
    }

    private static void AskOutput(DialogTurn t, OpenStep view) =>
        t.Ask(Prompt.Output,
            $"Output langkah {view.Step.Id}: {Views.Text.Sentence(view.Step.Output)} Kirim tautan, nomor surat, atau lampirkan berkasnya.",
            $"Output of step {view.Step.Id}: {Views.Text.Sentence(view.Step.Output)} Send a link, a letter number, or attach the file.");

    private async Task<bool> OnBranchAsync(DialogTurn t, OpenStep view, CancellationToken ct)
    {
        var branches = view.Step.Branches.Where(b => b.After == BranchTiming.Complete).ToList();
        if (Choices.LeadingNumber(t.Text) is not { } n || n < 1 || n > branches.Count + 1)
        {
            t.Say($"Ketik nomor 1–{branches.Count + 1}, contoh: 1 (atau batal).", $"Type a number 1–{branches.Count + 1}, for example: 1 (or cancel).");
            return !t.IsBareCommand;
        }

        t.State.Branch = n == 1 ? null : branches[n - 2].Id;
        if (t.State.Reference is { } given)
        {
            await CompleteAsync(t, view, given, ct);
            return true;
        }

        AskOutput(t, view);
        return true;
    }

    private async Task<bool> OnOutputAsync(DialogTurn t, OpenStep view, CancellationToken ct)
    {
        if (await dialog.ReferenceFromAsync(t, view, ct) is not { } reference)
        {
            return true;
        }

        await CompleteAsync(t, view, reference, ct);
        return true;
    }

    /// <summary>Completes the step with its output (and the branch chosen, if any) and says what happened.</summary>
    private async Task CompleteAsync(DialogTurn t, OpenStep view, string reference, CancellationToken ct)
    {
        var branch = t.State.Branch;
        t.State.ClearPrompt();
        var outcome = await dialog.Workflow.CompleteAsync(WorkflowDialog.Target(t, view.Kegiatan), reference, branch, ct);
        if (!outcome.Succeeded)
        {
            t.Say(outcome.Error!, outcome.ErrorText(english: true));
            return;
        }

        var kegiatan = outcome.Kegiatan!;
        t.State.KegiatanVersion = kegiatan.Version;
        if (!outcome.SentToLeader || kegiatan.CurrentStepId != view.Step.Id)
        {
            t.Say($"Langkah {view.Step.Id} selesai.", $"Step {view.Step.Id} done.");
        }

        WorkflowDialog.SayIfSentToLeader(t, outcome);
        if (dialog.Workflow.Describe(kegiatan) is { } next)
        {
            t.StepCard(next);
        }
        else
        {
            t.Say(dialog.Summary(kegiatan, t.English));
        }
    }
}
