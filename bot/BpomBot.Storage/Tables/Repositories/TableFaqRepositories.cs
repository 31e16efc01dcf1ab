using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>FaqTickets: PK = ticket id, RK = "", index column Status (listing by status scans the small ticket table).</summary>
public sealed class TableFaqTicketRepository(TableServiceClient service) : IFaqTicketRepository
{
    private readonly JsonDocumentTable<FaqTicketRecord> _table = new(service.GetTableClient(StorageTables.FaqTickets));

    public async Task<FaqTicketRecord?> GetAsync(string ticketId, CancellationToken cancellationToken = default) =>
        await _table.GetAsync(TableKeys.Escape(ticketId), string.Empty, cancellationToken) is { } doc ? doc.Value with { Version = doc.Version } : null;

    public async Task<FaqTicketRecord> SaveAsync(FaqTicketRecord ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var version = await _table.SaveAsync(
            TableKeys.Escape(ticket.TicketId), string.Empty, ticket with { Version = null }, ticket.Version,
            new Dictionary<string, object?> { ["Status"] = ticket.Status.ToString(), ["CreatedAt"] = ticket.CreatedAt }, cancellationToken);
        return ticket with { Version = version };
    }

    public async Task<IReadOnlyList<FaqTicketRecord>> ListByStatusAsync(FaqTicketStatus status, CancellationToken cancellationToken = default) =>
        (await _table.QueryAsync(TableFilter.Property("Status").Eq(status.ToString()), cancellationToken: cancellationToken))
            .Select(d => d.Value with { Version = d.Version })
            .OrderBy(t => t.CreatedAt)
            .ToList();
}

/// <summary>FaqFeedback (append-only): PK = topic id, RK = inverted ticks + unique suffix (newest first).</summary>
public sealed class TableFaqFeedbackRepository(TableServiceClient service) : IFaqFeedbackRepository
{
    private readonly JsonDocumentTable<FaqFeedbackRecord> _table = new(service.GetTableClient(StorageTables.FaqFeedback));

    public Task AddAsync(FaqFeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return _table.SaveAsync(
            TableKeys.Escape(feedback.TopicId), TableKeys.NewestFirst(feedback.At), feedback, null,
            new Dictionary<string, object?> { ["Helpful"] = feedback.Helpful }, cancellationToken);
    }

    public async Task<IReadOnlyList<FaqFeedbackRecord>> ListByTopicAsync(string topicId, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return (await _table.QueryAsync(TableFilter.PartitionKeyEquals(TableKeys.Escape(topicId)), max, cancellationToken)).Select(d => d.Value).ToList();
    }
}
