using System.Globalization;
using System.Text;
using BpomBot.Domain.Application;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation;

/// <summary>Picking a kegiatan by number; tugas, status and riwayat.</summary>
public sealed partial class OfficerConversation
{
    private async Task<Kegiatan?> ResolveAsync(Turn t, ParsedCommand parsed, CancellationToken ct)
    {
        var numbered = await workflow.ListNumberedOpenAsync(t.Officer.Id, ct);
        var open = numbered.Select(x => x.Kegiatan).ToList();
        var number = parsed.Kegiatan ?? (parsed.Command == Command.Rencana ? null : LeadingNumber(parsed.Argument));
        if (number is { } n)
        {
            if (numbered.FirstOrDefault(x => x.Number == n) is { } picked)
            {
                return picked.Kegiatan;
            }

            var yours = string.Join(", ", numbered.Select(x => x.Number));
            t.Say(open.Count == 0 ? $"Kegiatan {n} tidak ada; Anda belum memiliki kegiatan berjalan. Ketik mulai untuk memulai." : $"Kegiatan {n} tidak ada; kegiatan Anda: {yours}.",
                open.Count == 0 ? $"There is no kegiatan {n}; you have no kegiatan in progress. Type start to begin one." : $"There is no kegiatan {n}; your kegiatan: {yours}.");
            return null;
        }

        if (t.State.KegiatanId is { } selected)
        {
            if (open.FirstOrDefault(k => k.Id == selected) is { } current)
            {
                return current;
            }

            if (parsed.Command is Command.Status or Command.Riwayat or Command.Lanjut && await workflow.GetAsync(selected, ct) is { } ended && ended.OfficerId == t.Officer.Id)
            {
                return ended;
            }
        }

        switch (open.Count)
        {
            case 0:
                t.Say("Anda belum memiliki kegiatan berjalan. Ketik mulai untuk memulai kegiatan.", "You have no kegiatan in progress. Type start to begin one.");
                return null;
            case 1:
                return open[0];
        }

        t.State.Pending = parsed.Command;
        t.State.PendingArgument = parsed.Argument;
        t.State.PendingExplicit = parsed.Explicit;
        t.State.KegiatanChoices = [.. numbered.Select(x => x.Kegiatan.Id)];
        t.State.KegiatanChoiceNumbers = [.. numbered.Select(x => x.Number)];
        var list = string.Join("\n", numbered.Select(x => $"{x.Number}. {x.Kegiatan.Title} ({x.Kegiatan.CurrentStepId})"));
        Ask(t, Prompt.PickKegiatan, $"Kegiatan yang mana? Ketik nomornya:\n\n{list}", $"Which kegiatan? Type its number:\n\n{list}");
        return null;
    }

    private async Task<bool> OnPickKegiatanAsync(Turn t, CancellationToken ct)
    {
        var choices = t.State.KegiatanChoices;
        // Older dialog state has no numbers: its list showed positions.
        var numbers = t.State.KegiatanChoiceNumbers.Count == choices.Count ? t.State.KegiatanChoiceNumbers : [.. Enumerable.Range(1, choices.Count)];
        var index = LeadingNumber(t.Text) is { } n ? numbers.IndexOf(n) : -1;
        if (index < 0)
        {
            var shown = string.Join(", ", numbers);
            t.Say($"Ketik nomor kegiatan: {shown} (atau batal).", $"Type a kegiatan number: {shown} (or cancel).");
            return NotACommand(t);
        }

        var command = t.State.Pending ?? Command.Lanjut;
        var argument = t.State.PendingArgument ?? string.Empty;
        var id = choices[index];
        var confirmed = t.State.PendingExplicit;
        t.State.ClearPrompt();
        t.State.KegiatanId = id;
        await RunAsync(t, new ParsedCommand(command, argument) { Explicit = confirmed }, ct);
        return true;
    }

    /// <summary>Runs a prompt answer against the selected kegiatan, which must still be open.</summary>
    private async Task<bool> WithKegiatanAsync(Turn t, Func<OpenStep, bool> answer, CancellationToken ct) =>
        await WithKegiatanAsync(t, v => Task.FromResult(answer(v)), ct);

    private async Task<bool> WithKegiatanAsync(Turn t, Func<OpenStep, Task<bool>> answer, CancellationToken ct)
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

    private static int? LeadingNumber(string text)
    {
        var first = text.Trim().Split(' ', 2)[0].TrimStart('#').TrimEnd('.', ',');
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private async Task ListTasksAsync(Turn t, CancellationToken ct) =>
        t.Say(Views.TugasView.Render(await workflow.ListTasksAsync(t.Officer.Id, ct), t.State.English));

    private async Task HistoryAsync(Turn t, Kegiatan kegiatan, CancellationToken ct)
    {
        var events = await workflow.HistoryAsync(kegiatan.Id, 30, ct);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in events.SelectMany(e => new[] { e.Actor, e.OnBehalfOf }).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await roster.GetPersonAsync(id, ct) is { } person) names[id] = person.Name;
        }

        t.Say(Views.RiwayatView.Render(kegiatan, events, names, at => workflow.LocalTime(kegiatan.UnitId, at), t.State.English));
    }

    private string Summary(Kegiatan kegiatan, bool english)
    {
        var sop = workflow.SopOf(kegiatan);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**{kegiatan.Title}** — sub-proses {kegiatan.SubProcess}, ");
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
            if (step.CompletedOn is { } done) sb.Append(CultureInfo.InvariantCulture, $" ({Domain.Calendar.IndonesianDate.Format(done, english)}{(step.LateHk > 0 ? english ? $", {step.LateHk} HK late" : $", terlambat {step.LateHk} HK" : string.Empty)})");
            sb.Append('\n');
        }

        return sb.ToString().TrimEnd();
    }
}
