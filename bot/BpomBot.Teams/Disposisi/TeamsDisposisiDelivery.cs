using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Disposisi;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Disposisi;

/// <summary>
/// Delivers disposisi through the Bot Connector: the card to the chats of the addressee and their acting Plt/Plh (stored
/// conversation references), every posted copy replaced after a change so all viewers see the same state, and notes.
/// Each person reads their own language (<see cref="ConversationReferenceRecord.PrefersEnglish"/>); a posted copy keeps
/// the language it was posted in. A failed send is logged and never undoes a stored decision.
/// </summary>
public sealed class TeamsDisposisiDelivery(
    IConnectorClient connector, IConversationReferenceRepository references, ServiceUrlTrust trust, ILogger<TeamsDisposisiDelivery> logger)
    : IDisposisiDelivery
{
    public async Task<CardDelivery> SendCardAsync(DisposisiView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Disposisi;
        var unreachable = new List<string>();
        var addressee = await PostAsync(view, d.ToId, "addressee", unreachable, cancellationToken);
        var delegates = new List<CardLocation>();
        foreach (var deputy in view.Delegates.Where(p => !string.Equals(p.AadObjectId, d.ToId, StringComparison.OrdinalIgnoreCase)))
        {
            if (await PostAsync(view, deputy.AadObjectId, "Plt/Plh", unreachable, cancellationToken) is { } location) delegates.Add(location);
        }

        return new CardDelivery(addressee, delegates, unreachable);
    }

    public async Task UpdateCardsAsync(DisposisiView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Disposisi;
        foreach (var card in d.AllCards)
        {
            var english = card.Language == ConversationReferenceRecord.English;
            var message = AdaptiveCard.ToMessage(DisposisiCard.Build(view with { Authority = null, Note = null }, english));
            message.Conversation = new ConversationAccount { Id = card.ConversationId };
            message.Id = card.ActivityId;
            trust.Trust(card.ServiceUrl);
            try
            {
                await connector.UpdateActivityAsync(card.ServiceUrl, card.ConversationId, card.ActivityId, message, cancellationToken);
                logger.CardUpdated(d.Id, d.State.ToString());
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException) // after the commit: never a failed decision
            {
                logger.SendFailed(ex, d.Id, "base message");
            }
        }
    }

    public async Task TellOfficerAsync(DisposisiView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var reference = await references.GetByUserAsync(view.Disposisi.OfficerId, cancellationToken);
        await TellAsync(reference, OfficerText(view, reference?.PrefersEnglish == true), cancellationToken);
    }

    public async Task TellAsync(string personId, Phrase text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reference = await references.GetByUserAsync(personId, cancellationToken);
        await TellAsync(reference, text.Text(reference?.PrefersEnglish == true), cancellationToken);
    }

    private async Task TellAsync(ConversationReferenceRecord? reference, string text, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            logger.NoConversationForPerson();
            return;
        }

        trust.Trust(reference.ServiceUrl);
        try
        {
            await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, new Activity
            {
                Type = ActivityTypes.Message,
                Conversation = new ConversationAccount { Id = reference.ConversationId },
                Text = text,
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            logger.TellFailed(ex);
        }
    }

    private async Task<CardLocation?> PostAsync(DisposisiView view, string personId, string role, List<string> unreachable, CancellationToken cancellationToken)
    {
        var d = view.Disposisi;
        var reference = await references.GetByUserAsync(personId, cancellationToken);
        if (reference is null)
        {
            logger.NoConversation(d.Id);
            unreachable.Add(personId);
            return null;
        }

        var english = reference.PrefersEnglish;
        var message = AdaptiveCard.ToMessage(DisposisiCard.Build(view with { Authority = null, Note = null }, english));
        message.Conversation = new ConversationAccount { Id = reference.ConversationId };
        trust.Trust(reference.ServiceUrl); // captured from an authenticated activity; may predate this instance
        try
        {
            var sent = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, message, cancellationToken);
            logger.CardSent(d.Id, role);
            return sent.Id is { Length: > 0 } id
                ? new CardLocation(reference.ConversationId, id, reference.ServiceUrl, english ? ConversationReferenceRecord.English : null)
                : null;
        }
        catch (ConnectorException ex)
        {
            logger.SendFailed(ex, d.Id, role);
            unreachable.Add(personId);
            return null;
        }
    }

    /// <summary>What the officer reads after a decision, in their language.</summary>
    public static string OfficerText(DisposisiView view, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Disposisi;
        var en = english;
        var by = view.DecidedBy?.Name ?? d.DecidedBy;
        if (d.DecidedOnBehalfOf is not null) by += $" {(en ? "on behalf of" : "a.n.")} {view.Addressee?.Name ?? d.DecidedOnBehalfOf}";
        var title = view.Kegiatan?.Title ?? d.KegiatanId;
        var extra = string.Concat(
            d.Arahan.Count > 0 ? $"\n\n{(en ? "Instructions" : "Arahan")}: {string.Join(", ", d.Arahan.Select(a => DisposisiText.ArahanName(a, en)))}." : string.Empty,
            d.Catatan is { Length: > 0 } c ? $"\n\n{(en ? "Note" : "Catatan")}: {c}" : string.Empty);
        var to = view.ForwardedTo?.Name ?? d.ForwardedToId;
        var leader = view.Addressee?.Name ?? d.ToId;
        if (en)
        {
            return d.State switch
            {
                DisposisiState.Disetujui => $"Step {d.StepId} \"{title}\" was **approved** by {by}.{extra}",
                DisposisiState.Dikembalikan => $"Step {d.StepId} \"{title}\" was **returned** by {by}.\n\nReason: {d.Reason}{extra}\n\nFix it, then send it to the leader again.",
                DisposisiState.Diteruskan => $"The disposisi of step {d.StepId} \"{title}\" was **forwarded** by {Forwarder(view, en)} to {to} for input (deadline {IndonesianDate.Format(d.BatasWaktu, english: true)}); the decision stays with {leader}.{extra}",
                _ => $"The disposisi of step {d.StepId} \"{title}\": {DisposisiText.StateName(d.State, english: true)}.",
            };
        }

        return d.State switch
        {
            DisposisiState.Disetujui => $"Langkah {d.StepId} \"{title}\" **disetujui** oleh {by}.{extra}",
            DisposisiState.Dikembalikan => $"Langkah {d.StepId} \"{title}\" **dikembalikan** oleh {by}.\n\nAlasan: {d.Reason}{extra}\n\nPerbaiki lalu kirim ulang kepada pimpinan.",
            DisposisiState.Diteruskan => $"Disposisi langkah {d.StepId} \"{title}\" **diteruskan** oleh {Forwarder(view, en)} kepada {to} untuk dimintai tanggapan (batas waktu {IndonesianDate.Format(d.BatasWaktu)}); keputusan tetap pada {leader}.{extra}",
            _ => $"Disposisi langkah {d.StepId} \"{title}\": {DisposisiText.StateName(d.State)}.",
        };
    }

    private static string Forwarder(DisposisiView view, bool en)
    {
        var d = view.Disposisi;
        var name = view.DecidedBy?.Name ?? d.ForwardedBy ?? d.DecidedBy;
        var onBehalf = d.ForwardedOnBehalfOf ?? d.DecidedOnBehalfOf;
        return onBehalf is null ? name ?? "-" : $"{name} {(en ? "on behalf of" : "a.n.")} {view.Addressee?.Name ?? onBehalf}";
    }
}
