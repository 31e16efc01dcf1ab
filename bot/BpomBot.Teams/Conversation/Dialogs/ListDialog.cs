using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Understanding;

namespace BpomBot.Teams.Conversation.Dialogs;

/// <summary>Lists: tugas (the officer's open steps), status (a kegiatan's summary and card) and riwayat (its history).</summary>
internal sealed class ListDialog(WorkflowDialog dialog, IRosterRepository roster) : IDialogHandler
{
    public IReadOnlySet<Intent> Intents { get; } = new HashSet<Intent> { Intent.Tugas, Intent.Status, Intent.Riwayat };

    public IReadOnlySet<Prompt> Prompts { get; } = new HashSet<Prompt>();

    public async Task RunAsync(DialogTurn t, DialogCommand command, Selection? selection, CancellationToken ct)
    {
        var workflow = dialog.Workflow;
        if (command.Intent == Intent.Tugas)
        {
            t.Say(Views.TugasView.Render(await workflow.ListTasksAsync(t.Officer.Id, ct), t.English));
            return;
        }

        var (kegiatan, view) = (selection!.Kegiatan, selection.View);
        if (command.Intent == Intent.Status)
        {
            t.Say(dialog.Summary(kegiatan, t.English));
            if (view is not null) t.StepCard(view);
            return;
        }

        var events = await workflow.HistoryAsync(kegiatan.Id, 30, ct);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in events.SelectMany(e => new[] { e.Actor, e.OnBehalfOf }).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await roster.GetPersonAsync(id, ct) is { } person) names[id] = person.Name;
        }

        t.Say(Views.RiwayatView.Render(kegiatan, events, names, at => workflow.LocalTime(kegiatan.UnitId, at), t.English));
    }

    public Task<bool> AnswerAsync(DialogTurn t, CancellationToken ct) => Task.FromResult(false);
}
