using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Faq.Tickets;

/// <summary>
/// Applies lifecycle transitions to stored tickets with conditional writes. When another officer wrote the ticket
/// first, the transition is re-applied to the fresh ticket, so two officers pressing Ambil at once end with one
/// assignee and the other told who took it.
/// </summary>
public sealed class FaqTicketDesk(IFaqTicketRepository tickets, TimeProvider timeProvider)
{
    private const int MaxAttempts = 5;

    public Task<FaqTicketOutcome> TakeAsync(string ticketId, FaqTicketActor actor, CancellationToken cancellationToken = default) =>
        ApplyAsync(ticketId, (t, now) => FaqTicketLifecycle.Take(t, actor, now), cancellationToken);

    public Task<FaqTicketOutcome> AnswerAsync(string ticketId, FaqTicketActor actor, string? answer, CancellationToken cancellationToken = default) =>
        ApplyAsync(ticketId, (t, now) => FaqTicketLifecycle.Answer(t, actor, answer, now), cancellationToken);

    public Task<FaqTicketOutcome> CloseAsync(string ticketId, FaqTicketActor actor, CancellationToken cancellationToken = default) =>
        ApplyAsync(ticketId, (t, now) => FaqTicketLifecycle.Close(t, actor, now), cancellationToken);

    private async Task<FaqTicketOutcome> ApplyAsync(
        string ticketId, Func<FaqTicketRecord, DateTimeOffset, FaqTicketOutcome> transition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await tickets.GetAsync(ticketId, cancellationToken);
            if (ticket is null)
            {
                return new FaqTicketOutcome(null, FaqTicketRefusal.NotFound);
            }

            var outcome = transition(ticket, timeProvider.GetUtcNow());
            if (!outcome.Changed)
            {
                return outcome;
            }

            try
            {
                return outcome with { Ticket = await tickets.SaveAsync(outcome.Ticket!, cancellationToken) };
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else wrote the ticket since it was read: decide again on the fresh ticket.
            }
        }
    }
}
