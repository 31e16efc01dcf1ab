using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// The questions the dialog asks about a reading itself: is a destructive command read from a sentence meant (yes/no
/// buttons), and which of two near-equal readings was meant (one button per reading).
/// </summary>
internal static class Confirmation
{
    /// <summary>
    /// A destructive command read from a sentence ("kegiatan 2 dibatalkan", "langkah ini tidak perlu") is confirmed
    /// with a button before it acts; true when the question was asked (the command then waits in the state).
    /// </summary>
    public static bool Asked(DialogTurn t, DialogCommand command, Kegiatan kegiatan, string question, string questionEnglish)
    {
        if (command.Explicit)
        {
            return false;
        }

        var state = t.State;
        state.ClearPrompt();
        state.Prompt = Prompt.Confirm;
        state.Pending = command.Intent;
        state.PendingArgument = command.Argument;
        state.KegiatanId = kegiatan.Id;
        var en = state.English;
        t.Card(Choices.Card(en ? questionEnglish : question,
            [(en ? "Yes" : "Ya", en ? "yes" : "ya"), (en ? "No" : "Tidak", en ? "no" : "tidak")]));
        return true;
    }

    /// <summary>The answer to the yes/no question: the pending command to run now, or null (said why).</summary>
    public static DialogCommand? Answer(DialogTurn t)
    {
        var state = t.State;
        switch (t.Heard.Slots.Yes)
        {
            case true when state.Pending is { } intent:
                var argument = state.PendingArgument ?? string.Empty;
                state.ClearPrompt();
                return new DialogCommand(intent, argument) { Explicit = true };
            case false:
                state.ClearPrompt();
                t.Say("Baik, tidak jadi. Tidak ada yang diubah.", "OK, nothing was changed.");
                return null;
            default:
                t.Say("Ketik ya untuk melanjutkan atau tidak untuk membatalkan.", "Type yes to go ahead or no to stop.");
                return null;
        }
    }

    /// <summary>Two readings nearly tie: ask which was meant, with one button per reading.</summary>
    public static void Clarify(DialogTurn t, Understood heard)
    {
        var en = t.English;
        var number = heard.Slots.Kegiatan is { } k ? $" {k}" : string.Empty;
        var buttons = heard.Choices.Take(3).Select(intent =>
        {
            var info = IntentCatalog.Info(intent);
            var word = en ? info.EnglishWord : info.Word;
            return (Title: $"{(en ? info.EnglishDescription : info.Description).Split(':')[0]}", Text: word + number);
        }).ToList();
        t.Card(Choices.Card(en ? "Did you mean:" : "Maksud Anda:", buttons));
    }
}
