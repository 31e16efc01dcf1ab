using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Outbox;

/// <summary>One relay run over a kegiatan: what it saw last, how many effects it completed and how many stay pending.</summary>
public sealed record RelayRun(Kegiatan? Kegiatan, int Done, int Pending, Exception? Error);

/// <summary>One background pass: markers read, effects completed, effects still pending, runs that failed (and the first failure).</summary>
public sealed record RelaySweep(int Markers, int Done, int Pending, int Failed, Exception? FirstError);

/// <summary>
/// Completes the <see cref="PendingEffect"/>s stored on a kegiatan: right after the turn that stored them
/// (<see cref="RunAsync"/> with no minimum age) and from the background (<see cref="SweepAsync"/>, at start-up and every
/// few seconds) for whatever a crash, a connector failure or an empty roster left. Every effect is idempotent (the
/// disposisi id comes from kegiatan, step and round; audit copies have deterministic keys), so two runs at once or a
/// run after a crash do no harm; a done effect is removed from the row by a conditional write. Docs: docs/outbox.md.
/// </summary>
public sealed class OutboxRelay(
    IKegiatanRepository repository,
    IAuditLog audit,
    IEnumerable<IDisposisiRequester> requesters,
    KegiatanEngine engine,
    TimeProvider time,
    IOutboxIndex? index = null)
{
    /// <summary>The background relay leaves effects younger than this to the run of the turn that stored them.</summary>
    public static readonly TimeSpan TurnHeadStart = TimeSpan.FromSeconds(20);

    /// <summary>A marker whose kegiatan does not exist may belong to a create still in flight; removed only after this.</summary>
    public static readonly TimeSpan MissingGrace = TimeSpan.FromMinutes(10);

    private const int SaveAttempts = 3;

    private readonly IDisposisiRequester[] _requesters = [.. requesters];
    private readonly IOutboxIndex? _index = index ?? repository as IOutboxIndex;

    /// <summary>
    /// Does the kegiatan's pending effects older than <paramref name="minAge"/> and removes the done ones from its row.
    /// A failing effect stays for the next run (its error is returned, never thrown, except cancellation).
    /// </summary>
    public async Task<RelayRun> RunAsync(string kegiatanId, TimeSpan minAge, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var k = await repository.GetAsync(kegiatanId, cancellationToken);
            if (k?.Outbox is not { Count: > 0 } effects) return new RelayRun(k, 0, 0, null);

            var now = time.GetUtcNow();
            var kept = new List<PendingEffect>();
            var done = 0;
            Exception? error = null;
            foreach (var effect in effects)
            {
                if (now - effect.CreatedAt < minAge)
                {
                    kept.Add(effect);
                    continue;
                }

                DispatchResult result;
                try
                {
                    result = await DoAsync(k, effect, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error ??= ex;
                    kept.Add(effect);
                    continue;
                }

                if (result.Status == DispatchStatus.Done) done++;
                else kept.Add(result.Told ? effect with { NoLeaderTold = true } : effect);
            }

            if (done == 0 && kept.SequenceEqual(effects)) return new RelayRun(k, 0, kept.Count, error);
            k.Outbox = kept.Count == 0 ? null : kept;
            try
            {
                await repository.UpdateAsync(k, k.Version!, cancellationToken);
                return new RelayRun(k, done, kept.Count, error);
            }
            catch (ConcurrencyConflictException ex)
            {
                // Changed meanwhile (the officer, a leader, another relay): run again on the fresh row; done effects are idempotent.
                if (attempt >= SaveAttempts) return new RelayRun(null, 0, kept.Count, ex);
            }
        }
    }

    /// <summary>
    /// One background pass over every kegiatan with a marker; markers of kegiatan with nothing left are removed.
    /// Returns the counts (no-op without an <see cref="IOutboxIndex"/>).
    /// </summary>
    public async Task<RelaySweep> SweepAsync(CancellationToken cancellationToken = default)
    {
        if (_index is null) return new RelaySweep(0, 0, 0, 0, null);
        var markers = await _index.ListOutboxAsync(cancellationToken);
        int done = 0, pending = 0, failed = 0;
        Exception? first = null;
        foreach (var marker in markers)
        {
            var run = await RunAsync(marker.KegiatanId, TurnHeadStart, cancellationToken);
            done += run.Done;
            pending += run.Pending;
            if (run.Error is not null)
            {
                failed++;
                first ??= run.Error;
                continue;
            }

            var finished = run.Kegiatan is null ? time.GetUtcNow() - marker.At > MissingGrace : run.Pending == 0;
            if (finished) await _index.RemoveOutboxAsync(marker, cancellationToken);
        }

        return new RelaySweep(markers.Count, done, pending, failed, first);
    }

    private async Task<DispatchResult> DoAsync(Kegiatan k, PendingEffect effect, CancellationToken cancellationToken)
    {
        if (effect.Kind != PendingEffectKinds.Disposisi) return new DispatchResult(DispatchStatus.Retry, $"unknown effect {effect.Kind}");

        // The audit copies first: they belong to the change, whatever became of the step since.
        for (var i = effect.HistoryFrom; i < Math.Min(effect.HistoryTo, k.History.Count); i++)
        {
            await audit.AppendAsync(k.History[i], cancellationToken);
        }

        var record = k.CurrentStep;
        var current = k.Status == KegiatanStatus.Berjalan && record is not null && record.StepId == effect.StepId
            && record.Status == StepStatus.MenungguDisposisi && record.TimesReturned == effect.Round;
        if (!current) return DispatchResult.Done; // decided, returned or cancelled meanwhile: nothing to send any more

        var request = RequestFor(k, effect.OfficerId);
        var outcome = DispatchResult.Done;
        foreach (var requester in _requesters)
        {
            var result = await requester.DispatchAsync(request, effect.NoLeaderTold, cancellationToken);
            if (result.Status == DispatchStatus.Retry || (result.Status == DispatchStatus.NoLeader && outcome.Status == DispatchStatus.Done))
                outcome = result;
        }

        return outcome;
    }

    /// <summary>The disposisi request of the kegiatan's current step (which must be waiting for its leader).</summary>
    public DisposisiRequest RequestFor(Kegiatan kegiatan, string officerId)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        var record = kegiatan.CurrentStep!;
        var rule = engine.CurrentStepDefinition(kegiatan)?.Disposisi;
        return new DisposisiRequest(
            kegiatan.Id, record.StepId, officerId, kegiatan.UnitId,
            rule?.Mode == Sop.DisposisiMode.LeaderDecides ? "leader-decides" : "report-to-leader",
            record.DueOn,
            record.OutputReference is { } output ? $"{kegiatan.Title}: langkah {record.StepId}, output {output}" : $"{kegiatan.Title}: langkah {record.StepId}");
    }
}
