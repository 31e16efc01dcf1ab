using System.Text.Json.Nodes;
using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// Where the understanding component meets the dialog: which readings the conversation takes, how a reading becomes a
/// command, the clarifying question, and the confirmation of destructive commands read from a sentence.
/// </summary>
public sealed partial class OfficerConversation
{
    /// <summary>What kind of answer each prompt waits for.</summary>
    public static PromptKind KindOf(Prompt prompt) => prompt switch
    {
        Prompt.None => PromptKind.None,
        Prompt.SubProcess or Prompt.Stakeholder or Prompt.Bentuk or Prompt.UnitPick or Prompt.Role or Prompt.PickKegiatan
            or Prompt.KelengkapanItem or Prompt.KelengkapanAlternative or Prompt.Branch => PromptKind.Choice,
        Prompt.PlanDate or Prompt.KelengkapanDate => PromptKind.Date,
        Prompt.KelengkapanReference => PromptKind.Reference,
        Prompt.Confirm => PromptKind.Confirm,
        _ => PromptKind.Text,
    };

    /// <summary>The intents this dialog runs (bantuan, disposisi, faq and none belong to other handlers).</summary>
    public static bool IsOfficerIntent(Intent intent) => ToCommand(intent) is not null;

    public static Command? ToCommand(Intent intent) => intent switch
    {
        Intent.Mulai => Command.Mulai,
        Intent.MulaiTahunan => Command.MulaiTahunan,
        Intent.Tugas => Command.Tugas,
        Intent.Status => Command.Status,
        Intent.Lanjut => Command.Lanjut,
        Intent.Kelengkapan => Command.Kelengkapan,
        Intent.Selesai => Command.Selesai,
        Intent.Rencana => Command.Rencana,
        Intent.Tunda => Command.Tunda,
        Intent.Lanjutkan => Command.Lanjutkan,
        Intent.Lewati => Command.Lewati,
        Intent.Batal => Command.Batal,
        Intent.Riwayat => Command.Riwayat,
        _ => null,
    };

    /// <summary>A reading as a command: its slots become the argument the command handlers take.</summary>
    private static ParsedCommand ToCommand(Understood heard)
    {
        var command = ToCommand(heard.Intent) ?? throw new ArgumentException($"{heard.Intent} is not a dialog command.", nameof(heard));
        var s = heard.Slots;
        var argument = command switch
        {
            Command.Mulai or Command.MulaiTahunan => s.SubProcess ?? string.Empty,
            Command.Rencana => s.DateText ?? string.Empty,
            Command.Tunda or Command.Batal or Command.Lewati => s.Reason ?? string.Empty,
            Command.Kelengkapan => s.Reference ?? string.Empty,
            _ => string.Empty,
        };
        return new ParsedCommand(command, argument, heard.English) { Kegiatan = s.Kegiatan, Explicit = heard.Explicit };
    }

    /// <summary>True (and the prompt answers nothing) when the message was a bare command; the caller then runs it.</summary>
    private static bool NotACommand(Turn t) => !(t.AtRest.Explicit && IsOfficerIntent(t.AtRest.Intent));

    /// <summary>The open prompt was closed by another command: said at the top of the turn's first reply.</summary>
    private static void SayPromptClosed(Turn t) =>
        t.Notice = t.State.English ? "I closed the previous question (what was recorded is kept)." : "Pertanyaan sebelumnya saya tutup (yang sudah tercatat tetap tersimpan).";

    /// <summary>Two readings nearly tie: ask which was meant, with one button per reading.</summary>
    private static void Clarify(Turn t, Understood heard)
    {
        var en = t.State.English;
        var number = heard.Slots.Kegiatan is { } k ? $" {k}" : string.Empty;
        var buttons = heard.Choices.Take(3).Select(intent =>
        {
            var info = IntentCatalog.Info(intent);
            var word = en ? info.EnglishWord : info.Word;
            return (Title: $"{(en ? info.EnglishDescription : info.Description).Split(':')[0]}", Text: word + number);
        }).ToList();
        t.Card(ChoiceCard(en ? "Did you mean:" : "Maksud Anda:", buttons));
    }

    /// <summary>
    /// A destructive command read from a sentence ("kegiatan 2 dibatalkan", "langkah ini tidak perlu") is confirmed with
    /// a button before it acts; true when the question was asked.
    /// </summary>
    private static bool NeedsConfirmation(Turn t, ParsedCommand parsed, Kegiatan kegiatan, string question, string questionEnglish)
    {
        if (parsed.Explicit)
        {
            return false;
        }

        var state = t.State;
        state.ClearPrompt();
        state.Prompt = Prompt.Confirm;
        state.Pending = parsed.Command;
        state.PendingArgument = parsed.Argument;
        state.KegiatanId = kegiatan.Id;
        var en = state.English;
        t.Card(ChoiceCard(en ? questionEnglish : question,
            [(en ? "Yes" : "Ya", en ? "yes" : "ya"), (en ? "No" : "Tidak", en ? "no" : "tidak")]));
        return true;
    }

    private async Task<bool> OnConfirmAsync(Turn t, CancellationToken ct)
    {
        var state = t.State;
        switch (t.Heard.Slots.Yes)
        {
            case true when state.Pending is { } command:
                var argument = state.PendingArgument ?? string.Empty;
                state.ClearPrompt();
                await RunAsync(t, new ParsedCommand(command, argument) { Explicit = true }, ct);
                return true;
            case false:
                state.ClearPrompt();
                t.Say("Baik, tidak jadi. Tidak ada yang diubah.", "OK, nothing was changed.");
                return true;
            default:
                t.Say("Ketik ya untuk melanjutkan atau tidak untuk membatalkan.", "Type yes to go ahead or no to stop.");
                return NotACommand(t);
        }
    }

    /// <summary>A question with buttons that send their text back as the officer's message (imBack).</summary>
    private static JsonObject ChoiceCard(string question, IEnumerable<(string Title, string Text)> buttons) =>
        AdaptiveCard.Create(AdaptiveCard.Text(question, bold: true))
            .WithActions([.. buttons.Select(b => (JsonNode)new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = b.Title,
                ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = b.Text } },
            })]);
}
