using BpomBot.Domain.Understanding;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

/// <summary>
/// Fallback message handler: "bantuan", greetings and "what can you do" get the help card; thanks, chit-chat, empty
/// text and gibberish get one short friendly line (not the whole card).
/// </summary>
public sealed class HelpMessageHandler : IMessageHandler
{
    public int Order => int.MaxValue;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        var en = input.Language == Language.English;
        var understood = input.Understood;
        if (understood.Intent == Intent.Bantuan)
        {
            await turn.SendAsync(AdaptiveCard.ToMessage(HelpCard.Build(input.Language)), cancellationToken);
            return true;
        }

        var text = understood.Intent == Intent.None && understood.Score >= IntentRecognizer.Threshold
            ? (en ? "You're welcome! Type help to see what I can do." : "Sama-sama! Ketik bantuan untuk melihat yang bisa saya bantu.")
            : (en ? "Sorry, I did not understand that. Type help to see what I can do, or ask a HALOBPOM question in a sentence."
                : "Maaf, saya belum memahami pesan itu. Ketik bantuan untuk melihat yang bisa saya bantu, atau tulis pertanyaan HALOBPOM dalam satu kalimat.");
        await turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);
        return true;
    }
}
