using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// Which kegiatan a command acts on: the number given, else the selected one, else the only open one; with several
/// open it asks for the number and keeps the command until the answer.
/// </summary>
internal sealed class KegiatanPicker(WorkflowDialog dialog)
{
    public async Task<Kegiatan?> ResolveAsync(DialogTurn t, DialogCommand command, CancellationToken ct)
    {
        var workflow = dialog.Workflow;
        var numbered = await workflow.ListNumberedOpenAsync(t.Officer.Id, ct);
        var open = numbered.Select(x => x.Kegiatan).ToList();
        var number = command.Kegiatan ?? (command.Intent == Intent.Rencana ? null : Choices.LeadingNumber(command.Argument));
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

            if (command.Intent is Intent.Status or Intent.Riwayat or Intent.Lanjut && await workflow.GetAsync(selected, ct) is { } ended && ended.OfficerId == t.Officer.Id)
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

        var state = t.State;
        state.Pending = command.Intent;
        state.PendingArgument = command.Argument;
        state.PendingExplicit = command.Explicit;
        state.KegiatanChoices = [.. numbered.Select(x => x.Kegiatan.Id)];
        state.KegiatanChoiceNumbers = [.. numbered.Select(x => x.Number)];
        var list = string.Join("\n", numbered.Select(x => $"{x.Number}. {x.Kegiatan.Title} ({x.Kegiatan.CurrentStepId})"));
        t.Ask(Prompt.PickKegiatan, $"Kegiatan yang mana? Ketik nomornya:\n\n{list}", $"Which kegiatan? Type its number:\n\n{list}");
        return null;
    }

    /// <summary>The answer to "which kegiatan?": the kept command, now on the picked kegiatan; null (re-asked) for no number shown.</summary>
    public static DialogCommand? Answer(DialogTurn t)
    {
        var state = t.State;
        var choices = state.KegiatanChoices;
        // Older dialog state has no numbers: its list showed positions.
        var numbers = state.KegiatanChoiceNumbers.Count == choices.Count ? state.KegiatanChoiceNumbers : [.. Enumerable.Range(1, choices.Count)];
        var index = Choices.LeadingNumber(t.Text) is { } n ? numbers.IndexOf(n) : -1;
        if (index < 0)
        {
            t.Say($"Ketik nomor kegiatan: {string.Join(", ", numbers)} (atau batal).", $"Type a kegiatan number: {string.Join(", ", numbers)} (or cancel).");
            return null;
        }

        var command = new DialogCommand(state.Pending ?? Intent.Lanjut, state.PendingArgument ?? string.Empty) { Explicit = state.PendingExplicit };
        var id = choices[index];
        state.ClearPrompt();
        state.KegiatanId = id;
        return command;
    }
}
