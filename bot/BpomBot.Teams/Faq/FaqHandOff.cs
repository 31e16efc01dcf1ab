using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Tickets;
using BpomBot.Domain.Organization;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Faq;

/// <summary>
/// "Tanya petugas": stores a ticket due by the HALOBPOM service standard and posts it to the contact-centre channel;
/// later delivers the officer's answer to the asker's own conversation and keeps reminders in step.
/// </summary>
public sealed class FaqHandOff(
    IFaqTicketRepository tickets,
    IConnectorClient connector,
    ServiceUrlTrust trust,
    IOptions<FaqChatOptions> options,
    IWorkingDayCalendar calendar,
    OfficeClock clock,
    TimeProvider timeProvider,
    IEnumerable<IReminderScheduler> reminders,
    ILogger<FaqHandOff> logger)
{
    private readonly FaqChatOptions settings = options.Value;

    /// <summary>Hands the question over and returns the card for the asker.</summary>
    public async Task<JsonObject> HandOffAsync(Activity asked, string question, FaqLanguage language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (!settings.IsHandOffConfigured)
        {
            return FaqCards.HandOffNotConfigured(language);
        }

        question = question.Trim();
        if (question.Length == 0)
        {
            return FaqCards.HandOffAskForQuestion(language);
        }

        var now = timeProvider.GetUtcNow();
        var received = clock.Today(settings.ContactCentreUnitId);
        var kind = FaqTicketLifecycle.KindOf(question);
        var ticket = new FaqTicketRecord(
            TicketIdOf(asked, received),
            asked.From?.AadObjectId ?? asked.From?.Id ?? string.Empty,
            question.Length <= FaqCards.MaxQuestionLength ? question : question[..FaqCards.MaxQuestionLength],
            FaqTicketStatus.Baru,
            now,
            now,
            HaloBpomServiceStandard.DueDate(received, kind, calendar, settings.ContactCentreUnitId),
            AskerName: asked.From?.Name,
            AskerConversation: JsonSerializer.Serialize(asked.GetConversationReference(), BotJson.Options));
        try
        {
            ticket = await tickets.SaveAsync(ticket, cancellationToken); // an insert: a ticket of this very message meets 409
        }
        catch (ConcurrencyConflictException)
        {
            // The same message handled again (a turn re-run after a conflict, a redelivery, another instance): its ticket
            // was made, and posted, by the first run. Answer as that run did; post nothing.
            var stored = await tickets.GetAsync(ticket.TicketId, cancellationToken);
            if (stored is null || stored.AskerAadObjectId != ticket.AskerAadObjectId || stored.Question != ticket.Question)
            {
                // Another question under the same short id (a hash collision): this one gets a fresh id.
                ticket = await tickets.SaveAsync(ticket with { TicketId = FaqTicketLifecycle.NewTicketId(received, Guid.NewGuid()) }, cancellationToken);
                stored = null;
            }

            if (stored is not null) return stored is { Status: FaqTicketStatus.Ditutup, Answer: null, AssigneeAadObjectId: null }
                ? FaqCards.HandOffFailed(language)
                : FaqCards.HandedOff(stored, language, HaloBpomServiceStandard.WorkingDays(kind));
        }

        logger.TicketCreated(ticket.TicketId, ticket.DueDate);

        // Posted only by the run whose insert made the ticket, so the contact centre sees one card per question.
        var post = AdaptiveCard.ToMessage(FaqCards.Ticket(ticket));
        post.Conversation = new ConversationAccount { Id = settings.ContactCentreConversationId };
        try
        {
            // The contact-centre serviceUrl is operator configuration, so the bot may call it before Teams has sent from there.
            trust.Trust(settings.ContactCentreServiceUrl!);
            await connector.SendToConversationAsync(settings.ContactCentreServiceUrl!, settings.ContactCentreConversationId!, post, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.ContactCentrePostFailed(ex, ticket.TicketId);
            // Nobody will see the ticket, so it must not wait as Baru; the record stays for review.
            var closedAt = timeProvider.GetUtcNow();
            await tickets.SaveAsync(ticket with { Status = FaqTicketStatus.Ditutup, ClosedAt = closedAt, UpdatedAt = closedAt }, cancellationToken);
            return FaqCards.HandOffFailed(language);
        }

        return FaqCards.HandedOff(ticket, language, HaloBpomServiceStandard.WorkingDays(kind));
    }

    /// <summary>
    /// The ticket id of a message: derived from its conversation and activity id, so handling the same message again
    /// (on this instance or another) meets the ticket the first run made instead of making a second.
    /// </summary>
    public static string TicketIdOf(Activity asked, DateOnly received)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (asked.Id is not { Length: > 0 } activityId) return FaqTicketLifecycle.NewTicketId(received, Guid.NewGuid());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{asked.Conversation?.Id}\n{activityId}"));
        return FaqTicketLifecycle.NewTicketId(received, new Guid(hash.AsSpan(0, 16)));
    }

    /// <summary>Sends a card to the asker's conversation; false when the reference is missing or the send fails.</summary>
    public async Task<bool> NotifyAskerAsync(FaqTicketRecord ticket, JsonObject card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        try
        {
            var reference = ticket.AskerConversation is { Length: > 0 } json
                ? JsonSerializer.Deserialize<ConversationReference>(json, BotJson.Options)
                : null;
            if (reference?.Conversation.Id is not { Length: > 0 } conversationId || reference.ServiceUrl.Length == 0)
            {
                return false;
            }

            // The reference came from an authenticated inbound activity and was kept in our own storage.
            trust.Trust(reference.ServiceUrl);
            var message = AdaptiveCard.ToMessage(card);
            message.Conversation = reference.Conversation;
            message.From = reference.Bot;
            message.Recipient = reference.User;
            await connector.SendToConversationAsync(reference.ServiceUrl, conversationId, message, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is ConnectorException or JsonException or HttpRequestException)
        {
            logger.AskerDeliveryFailed(ex, ticket.TicketId);
            return false;
        }
    }

    /// <summary>Open tickets are reminded to their officer until the due date; answered or closed ones are not.</summary>
    public async Task SyncRemindersAsync(FaqTicketRecord ticket, string? officerUnitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var subject = $"ticket/{ticket.TicketId}";
        foreach (var scheduler in reminders)
        {
            try
            {
                if (ticket.Status == FaqTicketStatus.Diambil && ticket.DueDate is { } due && ticket.AssigneeAadObjectId is { } officer)
                {
                    await scheduler.ScheduleAsync(
                        new ReminderSubject(subject, officer, officerUnitId ?? settings.ContactCentreUnitId, due, $"Tiket HALOBPOM {ticket.TicketId}"),
                        cancellationToken);
                }
                else if (ticket.Status is FaqTicketStatus.Dijawab or FaqTicketStatus.Ditutup)
                {
                    await scheduler.CancelAsync(subject, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A reminder problem must not undo an officer's action that is already stored.
                logger.ReminderFailed(ex, ticket.TicketId);
            }
        }
    }
}
