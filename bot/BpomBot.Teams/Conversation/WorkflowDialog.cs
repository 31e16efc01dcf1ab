using System.Globalization;
using System.Text;
using BpomBot.Domain.Application;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// What the dialog's handlers share over <see cref="OfficerWorkflow"/>: the kegiatan an answer applies to, outcomes
/// said back, the summary, dates and references read from an answer.
/// </summary>
internal sealed class WorkflowDialog(OfficerWorkflow workflow, DateRecognizer dates, IEvidenceIntake evidence)
{
    public OfficerWorkflow Workflow => workflow;

    /// <summary>The kegiatan as the officer was shown it when the prompt opened (or as just loaded, for a direct command).</summary>
    public static KegiatanTarget Target(DialogTurn t, Kegiatan kegiatan) =>
        new(kegiatan.Id, t.Officer.Id, t.State.KegiatanId == kegiatan.Id && t.State.KegiatanVersion is { } shown ? shown : kegiatan.Version);

    /// <summary>Runs a prompt answer against the selected kegiatan, which must still be open.</summary>
    public async Task<bool> WithKegiatanAsync(DialogTurn t, Func<OpenStep, Task<bool>> answer, CancellationToken ct)
    {
        var kegiatan = t.State.KegiatanId is { } id ? await workflow.GetAsync(id, ct) : null;
        if (kegiatan is null || kegiatan.OfficerId != t.Officer.Id || workflow.Describe(kegiatan) is not { } view)
        {
            t.State.ClearPrompt();
            t.Say("Kegiatan ini sudah tidak berjalan. Ketik tugas untuk melihat tugas Anda.", "This kegiatan is no longer in progress. Type tasks to see your tasks.");
            return true;
        }

        return await answer(view);
    }

    public Task<bool> WithKegiatanAsync(DialogTurn t, Func<OpenStep, bool> answer, CancellationToken ct) =>
        WithKegiatanAsync(t, v => Task.FromResult(answer(v)), ct);

    /// <summary>The outcome said back: the refusal in the officer's language, or the news and the step card.</summary>
    public void Apply(DialogTurn t, WorkflowOutcome outcome, string done, string doneEnglish)
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
            t.StepCard(view);
        }
    }

    public static void SayIfSentToLeader(DialogTurn t, WorkflowOutcome outcome)
    {
        if (outcome is { SentToLeader: true, Kegiatan.CurrentStepId: { } stepId })
        {
            t.Say($"Langkah {stepId} disampaikan kepada pimpinan dan menunggu disposisi.", $"Step {stepId} was sent to the leader and waits for disposisi.");
        }
    }

    public DateRecognition? Recognize(string text, DateOnly today, string unitId)
    {
        try
        {
            return dates.Recognize(text, today, unitId);
        }
        catch (CalendarNotAvailableException)
        {
            return null;
        }
    }

    /// <summary>A stored file, a link or a nomor surat from the answer; null (with a re-prompt said) when there is none.</summary>
    public async Task<string?> ReferenceFromAsync(DialogTurn t, OpenStep view, CancellationToken ct)
    {
        var file = await evidence.TryStoreAsync(t.Activity, view.Kegiatan.Id, view.Step.Id, ct);
        if (file is { Error: { } error })
        {
            t.Say(error.Indonesian, error.English);
            return null;
        }

        if (file is { Reference: { } stored })
        {
            return stored;
        }

        var text = t.Text.Trim();
        if (text.Length < 3)
        {
            t.Say("Kirim tautan, nomor surat, atau lampirkan berkas. Contoh: https://drive.bpom.go.id/rencana.pdf atau B-123/BPOM/2026 (atau batal).",
                "Send a link, a letter number, or attach a file. Example: https://drive.bpom.go.id/plan.pdf or B-123/BPOM/2026 (or cancel).");
            return null;
        }

        return StepCard.Clip(text, 300);
    }

    /// <summary>The kegiatan in a few lines: title, sub-process, where it stands, and each step reached.</summary>
    public string Summary(Kegiatan kegiatan, bool english)
    {
        var sop = workflow.SopOf(kegiatan);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**{kegiatan.Title}** — {(english ? "sub-process" : "sub-proses")} {kegiatan.SubProcess}, ");
        sb.Append(kegiatan.Status switch
        {
            KegiatanStatus.Selesai => english ? "done" : "selesai",
            KegiatanStatus.Dibatalkan => (english ? "cancelled: " : "dibatalkan: ") + kegiatan.CancelReason,
            _ => english ? $"at step {kegiatan.CurrentStepId}" : $"di langkah {kegiatan.CurrentStepId}",
        });
        sb.Append("\n\n");
        foreach (var step in kegiatan.Steps)
        {
            var aktivitas = sop.FindStep(step.StepId)?.Aktivitas ?? string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"- {step.StepId} {StepCard.Clip(aktivitas, 50).TrimEnd('.')}: {StepCard.StatusText(step.Status, english)}");
            if (step.CompletedOn is { } done) sb.Append(CultureInfo.InvariantCulture, $" ({IndonesianDate.Format(done, english)}{(step.LateHk > 0 ? english ? $", {step.LateHk} HK late" : $", terlambat {step.LateHk} HK" : string.Empty)})");
            sb.Append('\n');
        }

        return sb.ToString().TrimEnd();
    }
}
