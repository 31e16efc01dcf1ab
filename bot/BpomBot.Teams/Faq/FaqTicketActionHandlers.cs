using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Tickets;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Faq;

/// <summary>
/// Ambil / Jawab / Tutup on a contact-centre ticket card. Only HALOBPOM officers in the contact-centre channel may act;
/// the answer is the refreshed ticket card, with a notice when someone else got there first. Refusals are in the
/// clicker's language (<see cref="FaqAccess.LanguageOf"/>); the notices stay in the language of the ticket card they sit on.
/// </summary>
public abstract class FaqTicketActionHandler(
    FaqTicketDesk desk, FaqHandOff handOff, FaqAccess access, IOptions<FaqChatOptions> options, ILogger logger) : ICardActionHandler
{
    public abstract string Verb { get; }

    protected FaqTicketDesk Desk => desk;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var en = access.LanguageOf(turn.Activity, action) == FaqLanguage.En;
        if (action.GetString("ticket") is not { Length: > 0 } ticketId)
        {
            return InvokeResponse.Error(400, "BadRequest", en ? "This card does not name a ticket." : "Kartu ini tidak menyebut nomor tiket.");
        }

        var person = await access.FindAsync(turn.Activity, cancellationToken);
        if (!FaqAccess.IsOfficer(options.Value, turn.Activity, person))
        {
            logger.TicketActionRefused(Verb);
            return InvokeResponse.Message(en
                ? "Sorry, only HALOBPOM officers in the contact-centre channel can follow up this ticket."
                : "Maaf, hanya petugas HALOBPOM di kanal contact center yang dapat menindaklanjuti tiket ini.");
        }

        var from = turn.Activity.From;
        var actor = new FaqTicketActor(from?.AadObjectId ?? from?.Id ?? string.Empty, person?.Name ?? from?.Name ?? "Petugas");
        var outcome = await ApplyAsync(ticketId, actor, action, cancellationToken);
        logger.TicketAction(ticketId, Verb, outcome.Refusal?.ToString() ?? "ok");
        if (outcome.Ticket is not { } ticket)
        {
            return InvokeResponse.Message(en ? $"Ticket {ticketId} not found." : $"Tiket {ticketId} tidak ditemukan.");
        }

        string? notice = outcome.Refusal is { } refusal ? Describe(refusal, ticket) : null;
        if (outcome.Changed)
        {
            await handOff.SyncRemindersAsync(ticket, person?.UnitId, cancellationToken);
            var delivered = ticket.Status switch
            {
                FaqTicketStatus.Dijawab => await handOff.NotifyAskerAsync(
                    ticket, FaqCards.OfficerAnswer(ticket, await access.LanguageOfAsync(ticket.AskerAadObjectId, cancellationToken)), cancellationToken),
                FaqTicketStatus.Ditutup when ticket.Answer is null => await handOff.NotifyAskerAsync(
                    ticket, FaqCards.ClosedWithoutAnswer(ticket, await access.LanguageOfAsync(ticket.AskerAadObjectId, cancellationToken)), cancellationToken),
                _ => true,
            };
            notice ??= delivered ? null : "Tersimpan, tetapi pesan ke penanya gagal dikirim. Hubungi penanya melalui kanal lain.";
        }

        return InvokeResponse.Card(FaqCards.Ticket(ticket, notice));
    }

    protected abstract Task<FaqTicketOutcome> ApplyAsync(string ticketId, FaqTicketActor actor, CardAction action, CancellationToken cancellationToken);

    private static string Describe(FaqTicketRefusal refusal, FaqTicketRecord ticket) => refusal switch
    {
        FaqTicketRefusal.AlreadyTaken => $"Tiket ini sudah diambil oleh {ticket.AssigneeName ?? "petugas lain"}.",
        FaqTicketRefusal.AlreadyAnswered => $"Tiket ini sudah dijawab oleh {ticket.AssigneeName ?? "petugas lain"}.",
        FaqTicketRefusal.AlreadyClosed => "Tiket ini sudah ditutup.",
        FaqTicketRefusal.EmptyAnswer => "Jawaban masih kosong. Tuliskan jawaban lalu tekan Kirim jawaban.",
        _ => "Tiket tidak ditemukan.",
    };
}

public sealed class FaqTicketTakeActionHandler(FaqTicketDesk desk, FaqHandOff handOff, FaqAccess access, IOptions<FaqChatOptions> options, ILogger<FaqTicketTakeActionHandler> logger)
    : FaqTicketActionHandler(desk, handOff, access, options, logger)
{
    public override string Verb => Verbs.FaqTicketTake;

    protected override Task<FaqTicketOutcome> ApplyAsync(string ticketId, FaqTicketActor actor, CardAction action, CancellationToken cancellationToken) =>
        Desk.TakeAsync(ticketId, actor, cancellationToken);
}

public sealed class FaqTicketAnswerActionHandler(FaqTicketDesk desk, FaqHandOff handOff, FaqAccess access, IOptions<FaqChatOptions> options, ILogger<FaqTicketAnswerActionHandler> logger)
    : FaqTicketActionHandler(desk, handOff, access, options, logger)
{
    public const int MaxAnswerLength = 4000;

    public override string Verb => Verbs.FaqTicketAnswer;

    protected override Task<FaqTicketOutcome> ApplyAsync(string ticketId, FaqTicketActor actor, CardAction action, CancellationToken cancellationToken)
    {
        var answer = action.GetString("answer")?.Trim();
        return Desk.AnswerAsync(ticketId, actor, answer is { Length: > MaxAnswerLength } ? answer[..MaxAnswerLength] : answer, cancellationToken);
    }
}

public sealed class FaqTicketCloseActionHandler(FaqTicketDesk desk, FaqHandOff handOff, FaqAccess access, IOptions<FaqChatOptions> options, ILogger<FaqTicketCloseActionHandler> logger)
    : FaqTicketActionHandler(desk, handOff, access, options, logger)
{
    public override string Verb => Verbs.FaqTicketClose;

    protected override Task<FaqTicketOutcome> ApplyAsync(string ticketId, FaqTicketActor actor, CardAction action, CancellationToken cancellationToken) =>
        Desk.CloseAsync(ticketId, actor, cancellationToken);
}
