using BpomBot.Domain.Audit;

namespace BpomBot.Domain.Abstractions;

/// <summary>Append-only audit trail, read newest first.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Events about one subject, newest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default);

    /// <summary>Events of one UTC day, newest first (admin review).</summary>
    Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default);
}
