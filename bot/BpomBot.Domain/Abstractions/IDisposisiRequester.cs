namespace BpomBot.Domain.Abstractions;

/// <summary>
/// Sends a step that the SOP marks for a leader (a leader-decides step, or a report to a leader) as a disposisi.
/// Implemented by the disposisi feature; called by the officer conversation when such a step is completed.
/// </summary>
public interface IDisposisiRequester
{
    Task RequestAsync(DisposisiRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="RequestAsync"/>, for the outbox relay: says whether the disposisi (and its card) is out, must wait
    /// for a leader on the roster, or must be retried. Must be idempotent (docs/outbox.md).
    /// </summary>
    async Task<Outbox.DispatchResult> DispatchAsync(DisposisiRequest request, bool noLeaderTold, CancellationToken cancellationToken = default)
    {
        await RequestAsync(request, cancellationToken);
        return Outbox.DispatchResult.Done;
    }

    /// <summary>
    /// Where the disposisi of a step waiting for a leader stands (for the officer's task list); null when this
    /// requester cannot tell.
    /// </summary>
    Task<DisposisiProgress?> ProgressAsync(DisposisiRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<DisposisiProgress?>(null);
}

/// <param name="KegiatanId">The kegiatan (or annual cycle) the step belongs to.</param>
/// <param name="StepId">The SOP step id, e.g. "A.4".</param>
/// <param name="OfficerId">Entra object id of the officer who submitted.</param>
/// <param name="UnitId">The officer's unit.</param>
/// <param name="Kind">"leader-decides" or "report-to-leader", as marked in the SOP data.</param>
/// <param name="DueDate">The step's due date in the unit's calendar, when it has one.</param>
/// <param name="Summary">A short description for the leader's card (title, step, output reference).</param>
public sealed record DisposisiRequest(
    string KegiatanId,
    string StepId,
    string OfficerId,
    string UnitId,
    string Kind,
    DateOnly? DueDate,
    string Summary);
