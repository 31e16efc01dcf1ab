using BpomBot.Domain.Understanding;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// Typed officer commands and answers to open prompts. Runs before the FAQ and help handlers; text that is neither
/// falls through to them.
/// </summary>
public sealed class ConversationMessageHandler(OfficerConversation conversation) : IMessageHandler
{
    /// <summary>Before the disposisi inbox (100): at an open prompt the dialog closes it before "disposisi" is answered there.</summary>
    public const int HandlerOrder = 95;

    public int Order => HandlerOrder;

    public Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default) =>
        conversation.TryHandleMessageAsync(turn, input, cancellationToken);
}

/// <summary>A step card button: the verb names the intent, the data the kegiatan and the version the card showed.</summary>
public abstract class StepCardAction(OfficerConversation conversation, string verb, Intent intent) : ICardActionHandler
{
    public string Verb => verb;

    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return conversation.HandleActionAsync(turn, intent, action.GetString("k"), action.GetString("v"), cancellationToken);
    }
}

public sealed class LanjutAction(OfficerConversation c) : StepCardAction(c, Verbs.Lanjut, Intent.Lanjut);

public sealed class KelengkapanAction(OfficerConversation c) : StepCardAction(c, Verbs.Kelengkapan, Intent.Kelengkapan);

public sealed class SelesaiAction(OfficerConversation c) : StepCardAction(c, Verbs.Selesai, Intent.Selesai);

public sealed class RencanaAction(OfficerConversation c) : StepCardAction(c, Verbs.Rencana, Intent.Rencana);

public sealed class TundaAction(OfficerConversation c) : StepCardAction(c, Verbs.Tunda, Intent.Tunda);

public sealed class LanjutkanAction(OfficerConversation c) : StepCardAction(c, Verbs.Lanjutkan, Intent.Lanjutkan);

public sealed class LewatiAction(OfficerConversation c) : StepCardAction(c, Verbs.Lewati, Intent.Lewati);

public sealed class RiwayatAction(OfficerConversation c) : StepCardAction(c, Verbs.Riwayat, Intent.Riwayat);
