using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Conversation.Dialogs;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// The officer's SOP conversation. A message is read by the understanding component in the context of the open prompt;
/// this dispatcher loads the dialog state, handles what concerns the reading itself (another intent interrupting the
/// prompt, the confirmation of a destructive command, the clarifying question, which kegiatan) and hands the turn to the
/// handler of the intent or of the open prompt (<see cref="IDialogHandler"/>). The state is saved once per turn, before
/// any reply is sent; redelivered activities are recognised by id.
/// </summary>
public sealed partial class OfficerConversation
{
    private readonly DialogStore _store;
    private readonly WorkflowDialog _dialog;
    private readonly KegiatanPicker _picker;
    private readonly IntentRecognizer _recognizer;
    private readonly TimeProvider _time;
    private readonly ILogger<OfficerConversation> _logger;
    private readonly IDialogHandler[] _handlers;

    public OfficerConversation(
        OfficerWorkflow workflow,
        IDialogStateRepository dialogs,
        IRosterRepository roster,
        RosterSelfRegistration registration,
        UnitCatalog units,
        DateRecognizer dates,
        IEvidenceIntake evidence,
        IntentRecognizer recognizer,
        KegiatanReportRoute route,
        TimeProvider timeProvider,
        ILogger<OfficerConversation> logger)
    {
        _store = new DialogStore(dialogs, timeProvider);
        _dialog = new WorkflowDialog(workflow, dates, evidence);
        _picker = new KegiatanPicker(_dialog);
        _recognizer = recognizer;
        _time = timeProvider;
        _logger = logger;
        var start = new UnitDialog(_dialog, roster, registration, units, route);
        var details = new KegiatanDetailsDialog(_dialog, start);
        _handlers = [new MulaiDialog(_dialog, details, start), details, start, new KelengkapanDialog(_dialog), new SelesaiDialog(_dialog),
            new StepActionDialog(_dialog), new ListDialog(_dialog, roster)];
    }

    /// <summary>The command words, in Indonesian, from the one vocabulary of the bot.</summary>
    public static readonly string CommandList = "Perintah: " + string.Join(", ", IntentCatalog.Intents.Where(i => Understood.IsCommand(i.Intent)).Select(i => i.Word)) + ".";

    /// <summary>The command words, in English.</summary>
    public static readonly string CommandListEnglish = "Commands: " + string.Join(", ", IntentCatalog.Intents.Where(i => Understood.IsCommand(i.Intent)).Select(i => i.EnglishWord)) + ".";

    /// <summary>The intents this dialog runs (bantuan, disposisi, faq and none belong to other handlers).</summary>
    public static bool IsOfficerIntent(Intent intent) => DialogCommand.IsOfficerIntent(intent);

    /// <summary>Handles a typed message; false when it is neither a command nor an answer to an open prompt.</summary>
    public async Task<bool> TryHandleMessageAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        using var gate = await DialogStore.EnterAsync(turn.Activity, cancellationToken);
        var session = await _store.LoadAsync(turn.Activity, cancellationToken);
        var state = session.State;
        if (turn.Activity.Id is { } id && state.Processed.Contains(id))
        {
            LogRedelivery(_logger, id);
            return true;
        }

        var prompt = ConversationState.KindOf(state.Prompt);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime.AddHours(7));
        var heard = _recognizer.Understand(input.Text, prompt, today);
        if (DialogTurn.IsOffered(state, input.Text))
        {
            heard = heard with { Intent = Intent.Answer, Interrupts = false, Alternatives = null }; // a button of the open prompt
        }

        var atRest = prompt == PromptKind.None ? heard : _recognizer.Understand(input.Text, today);
        if (prompt == PromptKind.None && !IsOfficerIntent(heard.Intent))
        {
            return false; // bantuan, disposisi, a citizen's question or chit-chat: the other handlers answer
        }

        state.English = heard.English ?? (input.Language == Language.English || state.English);
        var t = new DialogTurn(turn.Activity, OfficerIdentity.Of(turn.Activity), state, input.Text) { Heard = heard, AtRest = atRest };
        var handled = true;
        if (prompt != PromptKind.None && heard.Interrupts && !IsOfficerIntent(heard.Intent) && heard.Intent is not (Intent.Bantuan or Intent.Batal))
        {
            // Another handler answers (disposisi): the open question is closed first, and the officer is told so.
            state.ClearPrompt();
            t.SayPromptClosed();
            handled = false;
        }
        else if (prompt != PromptKind.None)
        {
            await AnswerAsync(t, cancellationToken);
        }
        else if (heard.IsAmbiguous)
        {
            Confirmation.Clarify(t, heard);
        }
        else
        {
            await RunAsync(t, DialogCommand.From(heard), cancellationToken);
        }

        if (handled) state.MarkProcessed(turn.Activity.Id);
        await _store.SaveAsync(session, cancellationToken);
        foreach (var reply in t.Outgoing())
        {
            await turn.SendAsync(reply, cancellationToken);
        }

        return handled;
    }

    /// <summary>Runs a command: mulai and tugas need no kegiatan; the others act on the kegiatan picked, most on its open step.</summary>
    private async Task RunAsync(DialogTurn t, DialogCommand command, CancellationToken ct)
    {
        var handler = _handlers.First(h => h.Intents.Contains(command.Intent));
        if (command.Intent is Intent.Mulai or Intent.MulaiTahunan or Intent.Tugas)
        {
            await handler.RunAsync(t, command, null, ct);
            return;
        }

        if (await _picker.ResolveAsync(t, command, ct) is not { } kegiatan)
        {
            return;
        }

        t.State.KegiatanId = kegiatan.Id;
        t.State.KegiatanVersion = kegiatan.Version;
        var view = _dialog.Workflow.Describe(kegiatan);
        if (view is null && command.Intent is not (Intent.Status or Intent.Riwayat))
        {
            t.Say(_dialog.Summary(kegiatan, t.English));
            return;
        }

        await handler.RunAsync(t, command, new Selection(kegiatan, view), ct);
    }

    /// <summary>A message at an open prompt: cancel, help, another command, or the answer its handler takes.</summary>
    private async Task AnswerAsync(DialogTurn t, CancellationToken ct)
    {
        var state = t.State;
        var heard = t.Heard;
        if (heard is { Interrupts: true, Intent: Intent.Batal } && heard.Slots.Kegiatan is null && state.Prompt != Prompt.Confirm)
        {
            state.ClearPrompt();
            t.Say("Baik, dibatalkan. Data yang sudah tercatat tetap tersimpan.", "OK, cancelled. What was already recorded is kept.");
            return;
        }

        if (heard is { Interrupts: true, Intent: Intent.Bantuan })
        {
            t.Say("Saya masih menunggu jawaban atas pertanyaan di atas; jawab, atau ketik batal untuk berhenti. " + CommandList,
                "I am still waiting for your answer to the question above; answer it, or type cancel to stop. " + CommandListEnglish);
            return;
        }

        // Another command leaves the prompt and runs; the officer is told the question was closed.
        if (heard.Interrupts)
        {
            state.ClearPrompt();
            t.SayPromptClosed();
            await RunAsync(t, DialogCommand.From(heard), ct);
            return;
        }

        var handled = state.Prompt switch
        {
            Prompt.Confirm => await OnConfirmAsync(t, ct),
            Prompt.PickKegiatan => await OnPickKegiatanAsync(t, ct),
            var open => _handlers.FirstOrDefault(h => h.Prompts.Contains(open)) is { } handler && await handler.AnswerAsync(t, ct),
        };
        if (!handled && IsOfficerIntent(t.AtRest.Intent))
        {
            state.ClearPrompt();
            await RunAsync(t, DialogCommand.From(t.AtRest), ct);
        }
    }

    private async Task<bool> OnConfirmAsync(DialogTurn t, CancellationToken ct)
    {
        if (Confirmation.Answer(t) is { } confirmed)
        {
            await RunAsync(t, confirmed, ct);
            return true;
        }

        return t.State.Prompt != Prompt.Confirm || !t.IsBareCommand;
    }

    private async Task<bool> OnPickKegiatanAsync(DialogTurn t, CancellationToken ct)
    {
        if (KegiatanPicker.Answer(t) is not { } command)
        {
            return !t.IsBareCommand;
        }

        await RunAsync(t, command, ct);
        return true;
    }

    [LoggerMessage(1300, LogLevel.Information, "Activity {ActivityId} was already processed; ignored")]
    private static partial void LogRedelivery(ILogger logger, string activityId);
}
