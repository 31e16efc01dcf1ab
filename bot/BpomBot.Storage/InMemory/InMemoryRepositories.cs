using System.Collections.Concurrent;
using System.Globalization;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;

namespace BpomBot.Storage.InMemory;

// Repository fakes for Storage:InMemory (tests and demos; lost on restart). They implement the domain ports directly,
// with the same version rules as the table repositories (insert when no version, replace only if it still matches),
// so a turn behaves the same; there is no table emulation under them. The ports with fakes in BpomBot.Domain
// (kegiatan, roster, disposisi, delegations, reminders, calendar overrides) use those.

/// <summary>Versioned rows keyed by id; a version is a fresh opaque string per write.</summary>
internal sealed class VersionedMap<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, (T Value, string Version)> _rows = new(StringComparer.Ordinal);
    private long _next;

    public (T Value, string Version)? Get(string id) => _rows.TryGetValue(id, out var row) ? row : null;

    public IEnumerable<(T Value, string Version)> All => _rows.Values;

    public string Save(string id, T value, string? expectedVersion)
    {
        var version = "W/\"" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture) + "\"";
        if (expectedVersion is null)
        {
            return _rows.TryAdd(id, (value, version)) ? version : throw Conflict(id);
        }

        lock (_rows)
        {
            if (!_rows.TryGetValue(id, out var current) || current.Version != expectedVersion)
            {
                throw Conflict(id);
            }

            _rows[id] = (value, version);
        }

        return version;
    }

    public string Overwrite(string id, T value)
    {
        var version = "W/\"" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture) + "\"";
        _rows[id] = (value, version);
        return version;
    }

    public void Delete(string id, string? expectedVersion)
    {
        lock (_rows)
        {
            if (_rows.TryGetValue(id, out var current))
            {
                if (expectedVersion is not null && current.Version != expectedVersion)
                {
                    throw Conflict(id);
                }

                _rows.TryRemove(id, out _);
            }
        }
    }

    private static ConcurrencyConflictException Conflict(string id) => new($"{typeof(T).Name} {id} was changed or created by someone else; reload and try again.");
}

public sealed class InMemoryConversationReferenceRepository : IConversationReferenceRepository
{
    private readonly VersionedMap<ConversationReferenceRecord> _rows = new();

    public Task<ConversationReferenceRecord?> GetByUserAsync(string userAadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.Get(userAadObjectId) is { } row ? row.Value with { Version = row.Version } : null);

    public Task<ConversationReferenceRecord> SaveAsync(ConversationReferenceRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.UserAadObjectId);
        var version = _rows.Overwrite(record.UserAadObjectId, record with { Version = null });
        return Task.FromResult(record with { Version = version });
    }
}

public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly List<AuditEvent> _events = [];

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        lock (_events)
        {
            _events.Add(auditEvent);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
        ListAsync(e => e.Subject == subject, max);

    public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
        ListAsync(e => DateOnly.FromDateTime(e.At.UtcDateTime) == utcDay, max);

    private Task<IReadOnlyList<AuditEvent>> ListAsync(Func<AuditEvent, bool> match, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        lock (_events)
        {
            // Newest first, like the table's inverted-ticks row keys; equal times keep the later append first.
            return Task.FromResult<IReadOnlyList<AuditEvent>>([.. _events.Where(match).Reverse().OrderByDescending(e => e.At).Take(max)]);
        }
    }
}

public sealed class InMemoryFaqTicketRepository : IFaqTicketRepository
{
    private readonly VersionedMap<FaqTicketRecord> _rows = new();

    public Task<FaqTicketRecord?> GetAsync(string ticketId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.Get(ticketId) is { } row ? row.Value with { Version = row.Version } : null);

    public Task<FaqTicketRecord> SaveAsync(FaqTicketRecord ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var version = _rows.Save(ticket.TicketId, ticket with { Version = null }, ticket.Version);
        return Task.FromResult(ticket with { Version = version });
    }

    public Task<IReadOnlyList<FaqTicketRecord>> ListByStatusAsync(FaqTicketStatus status, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FaqTicketRecord>>(
            [.. _rows.All.Where(r => r.Value.Status == status).Select(r => r.Value with { Version = r.Version }).OrderBy(t => t.CreatedAt)]);
}

public sealed class InMemoryFaqFeedbackRepository : IFaqFeedbackRepository
{
    private readonly List<FaqFeedbackRecord> _rows = [];

    public Task AddAsync(FaqFeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (_rows)
        {
            _rows.Add(feedback);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FaqFeedbackRecord>> ListByTopicAsync(string topicId, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        lock (_rows)
        {
            return Task.FromResult<IReadOnlyList<FaqFeedbackRecord>>([.. _rows.Where(f => f.TopicId == topicId).Reverse().OrderByDescending(f => f.At).Take(max)]);
        }
    }
}
