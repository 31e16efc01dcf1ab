using BpomBot.Domain.Application;
using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation.Dialogs;

/// <summary>
/// One group of the officer's dialog: the intents it runs and the prompts it opens and answers. The dispatcher
/// (<see cref="OfficerConversation"/>) loads the state, handles interruptions, confirmations and clarifying questions,
/// picks the kegiatan, and hands each turn to the handler of the intent or of the open prompt.
/// </summary>
internal interface IDialogHandler
{
    IReadOnlySet<Intent> Intents { get; }

    IReadOnlySet<Prompt> Prompts { get; }

    /// <summary>Runs one of <see cref="Intents"/>; <paramref name="selection"/> is the kegiatan it acts on (null for mulai and tugas).</summary>
    Task RunAsync(DialogTurn t, DialogCommand command, Selection? selection, CancellationToken ct);

    /// <summary>Takes the message as the answer to the open prompt (one of <see cref="Prompts"/>); false when it answers nothing.</summary>
    Task<bool> AnswerAsync(DialogTurn t, CancellationToken ct);
}

/// <summary>The kegiatan a command acts on, and its open step (null once it has ended).</summary>
internal sealed record Selection(Kegiatan Kegiatan, OpenStep? View);
