namespace BpomBot.Domain.Audit;

/// <summary>
/// An append-only record of one transition: who did what, on behalf of whom, when, and the state before and after.
/// </summary>
/// <param name="Subject">What the event is about, e.g. "kegiatan/ABC123" or "disposisi/XYZ".</param>
/// <param name="Actor">The person who acted (Entra object id or "system").</param>
/// <param name="OnBehalfOf">For Plt/Plh ("a.n."), the person acted for; otherwise null.</param>
/// <param name="Action">A short verb, e.g. "step.completed".</param>
/// <param name="At">UTC instant.</param>
/// <param name="Before">State before, short text (may be null on creation).</param>
/// <param name="After">State after, short text.</param>
/// <param name="Detail">Optional detail (reason, reference), never message text from chat.</param>
public sealed record AuditEvent(
    string Subject,
    string Actor,
    string? OnBehalfOf,
    string Action,
    DateTimeOffset At,
    string? Before,
    string? After,
    string? Detail = null);
