using BpomBot.Domain.Sop;
using BpomBot.Domain.Understanding;

namespace BpomBot.Teams.Conversation.Dialogs;

/// <summary>Mulai and mulai tahunan: the sub-process (or the one named in the sentence) and the kegiatan's title.</summary>
internal sealed class MulaiDialog(WorkflowDialog dialog, KegiatanDetailsDialog details, UnitDialog start) : IDialogHandler
{
    public IReadOnlySet<Intent> Intents { get; } = new HashSet<Intent> { Intent.Mulai, Intent.MulaiTahunan };

    public IReadOnlySet<Prompt> Prompts { get; } = new HashSet<Prompt> { Prompt.SubProcess, Prompt.Title };

    public async Task RunAsync(DialogTurn t, DialogCommand command, Selection? selection, CancellationToken ct)
    {
        var state = t.State;
        var annual = command.Intent == Intent.MulaiTahunan;
        state.ClearPrompt();
        state.Annual = annual;
        if (SubProcessFrom(command.Argument, annual) is not { } sub)
        {
            AskSubProcess(t, annual);
            return;
        }

        state.SubProcess = sub.Code;
        if (annual)
        {
            await start.StartWhenUnitKnownAsync(t, ct);
        }
        else
        {
            AskTitle(t);
        }
    }

    public async Task<bool> AnswerAsync(DialogTurn t, CancellationToken ct) => t.State.Prompt switch
    {
        Prompt.SubProcess => await OnSubProcessAsync(t, ct),
        _ => OnTitle(t),
    };

    private void AskSubProcess(DialogTurn t, bool annual)
    {
        var subs = SubProcesses(annual);
        var list = string.Join("\n", subs.Select(s => $"- **{s.Code}** {s.Name}"));
        var letters = $"{subs[0].Code}–{subs[^1].Code}";
        t.Ask(Prompt.SubProcess,
            $"{(annual ? "Siklus tahunan sub-proses" : "Sub-proses")} mana? Ketik huruf {letters}:\n\n{list}",
            $"Which sub-process{(annual ? " (annual cycle)" : string.Empty)}? Type a letter {letters}:\n\n{list}");
    }

    private List<SopSubProcess> SubProcesses(bool annual) =>
        [.. dialog.Workflow.Sop.SubProcesses.Where(s => !annual || s.EntryStep(WorkflowKind.SiklusTahunan) is not null)];

    private SopSubProcess? SubProcessFrom(string text, bool annual)
    {
        var normal = Choices.Normalize(text).Replace("sub proses ", string.Empty, StringComparison.Ordinal).Replace("subproses ", string.Empty, StringComparison.Ordinal);
        if (normal.Length == 0)
        {
            return null;
        }

        var subs = SubProcesses(annual);
        if (int.TryParse(normal, out var n) && n >= 1 && n <= subs.Count)
        {
            return subs[n - 1];
        }

        return subs.FirstOrDefault(s => string.Equals(s.Code, normal, StringComparison.OrdinalIgnoreCase))
            ?? (normal.Length >= 4 ? subs.FirstOrDefault(s => Choices.Normalize(s.Name).Contains(normal, StringComparison.Ordinal)) : null);
    }

    private async Task<bool> OnSubProcessAsync(DialogTurn t, CancellationToken ct)
    {
        if (SubProcessFrom(t.Text, t.State.Annual) is not { } sub)
        {
            var letters = t.State.Annual ? "A, B atau C" : "A, B, C atau D";
            t.Say($"Pilih sub-proses dengan hurufnya: {letters}. Contoh: A (atau ketik batal).", $"Pick the sub-process by its letter: {letters.Replace("atau", "or", StringComparison.Ordinal)}. Example: A (or type cancel).");
            return !t.IsBareCommand;
        }

        t.State.SubProcess = sub.Code;
        if (t.State.Annual)
        {
            await start.StartWhenUnitKnownAsync(t, ct);
        }
        else
        {
            AskTitle(t);
        }

        return true;
    }

    private void AskTitle(DialogTurn t)
    {
        var sub = dialog.Workflow.Sop.FindSubProcess(t.State.SubProcess!)!;
        t.Ask(Prompt.Title, $"Sub-proses {sub.Code} {sub.Name}. Apa judul kegiatannya? Contoh: FGD keamanan pangan dengan Pemda Kota Medan",
            $"Sub-process {sub.Code} {sub.Name}. What is the kegiatan's title? Example: Food safety FGD with the Medan city government");
    }

    private bool OnTitle(DialogTurn t)
    {
        var title = FreeText.StripLeadIn(t.Text); // "judulnya FGD …" is titled "FGD …"
        if (title.Length < 3 || title.Length > 200)
        {
            t.Say("Judul kegiatan 3–200 karakter. Contoh: FGD keamanan pangan dengan Pemda Kota Medan (atau ketik batal).",
                "The title needs 3–200 characters. Example: Food safety FGD with the Medan city government (or type cancel).");
            return true;
        }

        t.State.Title = title;
        details.AskStakeholder(t);
        return true;
    }
}
