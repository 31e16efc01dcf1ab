using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;

namespace BpomBot.Domain.Calendar;

/// <summary>Thread-safe in-memory <see cref="ICalendarOverrideRepository"/> for tests, the CLI and local runs.</summary>
public sealed class InMemoryCalendarOverrideRepository : ICalendarOverrideRepository
{
    private readonly Lock gate = new();
    private readonly List<CalendarOverride> overrides = [];
    private readonly List<AuditEvent> audit = [];

    /// <summary>The audit events written with each override.</summary>
    public IReadOnlyList<AuditEvent> AuditEvents
    {
        get
        {
            lock (gate)
            {
                return [.. audit];
            }
        }
    }

    public Task<IReadOnlyList<CalendarOverride>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<CalendarOverride>>([.. overrides]);
        }
    }

    public Task AddAsync(CalendarOverride calendarOverride, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendarOverride);
        ArgumentNullException.ThrowIfNull(audit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (overrides.Any(o => o.Id == calendarOverride.Id))
            {
                throw new ConcurrencyConflictException($"calendar override {calendarOverride.Id} already exists");
            }

            overrides.Add(calendarOverride);
            this.audit.Add(audit);
        }

        return Task.CompletedTask;
    }
}
