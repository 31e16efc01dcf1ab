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
/// A failed send is logged and never undoes a stored decision.
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
            var message = AdaptiveCard.ToMessage(DisposisiCard.Build(view with { Authority = null, Note = null }));
            message.Conversation = new ConversationAccount { Id = card.ConversationId };
            message.Id = card.ActivityId;
            trust.Trust(card.ServiceUrl);
            try
            {
                await connector.UpdateActivityAsync(card.ServiceUrl, card.ConversationId, card.ActivityId, message, cancellationToken);
                logger.CardUpdated(d.Id, d.State.ToString());
            }
            catch (ConnectorException ex)
            {
                logger.SendFailed(ex, d.Id, "base message");
            }
        }
    }

    public Task TellOfficerAsync(DisposisiView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        return TellAsync(view.Disposisi.OfficerId, OfficerText(view), cancellationToken);
    }

    public async Task TellAsync(string personId, string text, CancellationToken cancellationToken = default)
    {
        var reference = await references.GetByUserAsync(personId, cancellationToken);
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
        catch (ConnectorException ex)
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

        var message = AdaptiveCard.ToMessage(DisposisiCard.Build(view with { Authority = null, Note = null }));
        message.Conversation = new ConversationAccount { Id = reference.ConversationId };
        trust.Trust(reference.ServiceUrl); // captured from an authenticated activity; may predate this instance
        try
        {
            var sent = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, message, cancellationToken);
            logger.CardSent(d.Id, role);
            return sent.Id is { Length: > 0 } id ? new CardLocation(reference.ConversationId, id, reference.ServiceUrl) : null;
        }
        catch (ConnectorException ex)
        {
            logger.SendFailed(ex, d.Id, role);
            unreachable.Add(personId);
            return null;
        }
    }

    /// <summary>What the officer reads after a decision (Indonesian).</summary>
    public static string OfficerText(DisposisiView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Disposisi;
        var by = view.DecidedBy?.Name ?? d.DecidedBy;
        if (d.DecidedOnBehalfOf is not null) by += $" a.n. {view.Addressee?.Name ?? d.DecidedOnBehalfOf}";
        var title = view.Kegiatan?.Title ?? d.KegiatanId;
        var extra = string.Concat(
            d.Arahan.Count > 0 ? $"\n\nArahan: {string.Join(", ", d.Arahan.Select(DisposisiText.ArahanName))}." : string.Empty,
            d.Catatan is { Length: > 0 } c ? $"\n\nCatatan: {c}" : string.Empty);
        return d.State switch
        {
            DisposisiState.Disetujui => $"Langkah {d.StepId} \"{title}\" **disetujui** oleh {by}.{extra}",
            DisposisiState.Dikembalikan => $"Langkah {d.StepId} \"{title}\" **dikembalikan** oleh {by}.\n\nAlasan: {d.Reason}{extra}\n\nPerbaiki lalu kirim ulang kepada pimpinan.",
            DisposisiState.Diteruskan => $"Disposisi langkah {d.StepId} \"{title}\" **diteruskan** oleh {Forwarder(view)} kepada {view.ForwardedTo?.Name ?? d.ForwardedToId} untuk dimintai tanggapan (batas waktu {IndonesianDate.Format(d.BatasWaktu)}); keputusan tetap pada {view.Addressee?.Name ?? d.ToId}.{extra}",
            _ => $"Disposisi langkah {d.StepId} \"{title}\": {DisposisiText.StateName(d.State)}.",
        };
    }

    private static string Forwarder(DisposisiView view)
    {
        var d = view.Disposisi;
        var name = view.DecidedBy?.Name ?? d.ForwardedBy ?? d.DecidedBy;
        var onBehalf = d.ForwardedOnBehalfOf ?? d.DecidedOnBehalfOf;
        return onBehalf is null ? name ?? "-" : $"{name} a.n. {view.Addressee?.Name ?? onBehalf}";
    }
}
