using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Outbox;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Disposisi;

/// <summary>
/// The disposisi application service: sends a step to its leader (<see cref="IDisposisiRequester"/>), opens cards,
/// records decisions exactly once (conditional writes on the disposisi version) and drives the kegiatan engine:
/// Setujui completes the step, Kembalikan reopens it with the reason, Teruskan sends a new disposisi down the hierarchy.
/// </summary>
public sealed class DisposisiService(
    IDisposisiRepository disposisi,
    IKegiatanRepository kegiatan,
    KegiatanEngine engine,
    LeaderDirectory directory,
    IDelegationRepository delegations,
    IWorkingDayCalendar calendar,
    OfficeClock clock,
    TimeProvider time,
    IAuditLog audit,
    IDisposisiDelivery delivery,
    IEnumerable<IReminderScheduler> reminders,
    IConversationReferenceRepository? references = null,
    IRosterRepository? roster = null) : IDisposisiRequester
{
    /// <summary>
    /// How long a <see cref="CardClaim"/> holds: while it does, no other run (the turn, the background relay, another
    /// instance, a restarted one) posts the card. Only a claim this old whose card location was never stored is taken
    /// over, and its card posted again (docs/outbox.md, "Cards once"). Longer than a claimant may take to post and store:
    /// see <see cref="ClaimFreshFor"/>.
    /// </summary>
    public static readonly TimeSpan CardLease = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A claimant posts only while its claim is younger than this; an older claim is left to expire. The rest of the
    /// lease covers the post itself (the connector's total budget, 25 s) and storing the card's location.
    /// </summary>
    public static readonly TimeSpan ClaimFreshFor = TimeSpan.FromSeconds(30);

    private const int EngineAttempts = 3;
    private const int ResentKept = 8;

    /// <summary>The officer's step goes to its leader; when it cannot, the officer is told why in their chat.</summary>
    public async Task RequestAsync(DisposisiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (sent, message, status) = await EnsureAsync(request, cancellationToken);
        if (status == DispatchStatus.NoLeader)
            await TellNoLeaderAsync(request, message, cancellationToken);
        else if (sent is null)
            await delivery.TellAsync(request.OfficerId, DisposisiTexts.NotSent(request.StepId, message), cancellationToken);
    }

    /// <summary>
    /// For the outbox relay: the step's disposisi is stored (once: its id comes from kegiatan, step and round) and its
    /// card is out. Done also when the step no longer waits (decided meanwhile) or its leader cannot receive cards yet
    /// (it waits in their inbox); NoLeader when the roster has no leader (the officer and the unit's admin are told,
    /// once: <paramref name="noLeaderTold"/>); Retry when the card could not be posted.
    /// </summary>
    public async Task<DispatchResult> DispatchAsync(DisposisiRequest request, bool noLeaderTold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, message, status) = await EnsureAsync(request, cancellationToken);
        if (status != DispatchStatus.NoLeader) return status == DispatchStatus.Done ? DispatchResult.Done : new DispatchResult(status, message.Indonesian);
        if (noLeaderTold) return new DispatchResult(DispatchStatus.NoLeader, message.Indonesian);
        await TellNoLeaderAsync(request, message, cancellationToken);
        return new DispatchResult(DispatchStatus.NoLeader, message.Indonesian, Told: true);
    }

    /// <summary>
    /// <c>kirim ulang</c>: posts the card of the officer's undecided disposisi of <paramref name="kegiatanId"/> again to
    /// its addressee (and acting Plt/Plh). Idempotent per <paramref name="requestId"/> (the message's activity id): a
    /// repeated request finds its id on the disposisi and sends nothing. Audited. Returns the disposisi and a message.
    /// </summary>
    public async Task<(Disposisi? Disposisi, ResendStatus Status)> ResendAsync(string kegiatanId, string officerId, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        var k = await kegiatan.GetAsync(kegiatanId, cancellationToken);
        if (k?.CurrentStep is not { Status: StepStatus.MenungguDisposisi } record || k.OfficerId != officerId) return (null, ResendStatus.NotWaiting);
        for (var attempt = 0; attempt < EngineAttempts; attempt++)
        {
            var d = await disposisi.GetAsync(DisposisiIds.For(k.Id, record.StepId, record.TimesReturned), cancellationToken)
                ?? (await disposisi.ListPendingForAsync((await LeaderOfAsync(k, officerId, cancellationToken)) ?? string.Empty, cancellationToken))
                    .FirstOrDefault(x => x.KegiatanId == k.Id && x.StepId == record.StepId && !x.IsForwarded);
            if (d is null) return (null, ResendStatus.NotSent);
            if (d.IsDecided) return (d, ResendStatus.NotWaiting);
            if (d.ResentFor?.Contains(requestId) == true) return (d, ResendStatus.Sent);
            d.ResentFor = [.. (d.ResentFor ?? []).TakeLast(ResentKept - 1), requestId];
            try
            {
                await disposisi.UpdateAsync(d, d.Version!, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                continue; // opened or decided meanwhile: read again
            }

            await audit.AppendAsync(new AuditEvent($"disposisi/{d.Id}", officerId, null, "disposisi.resent", time.GetUtcNow(), d.State.ToString(),
                d.State.ToString(), $"kirim ulang ({requestId}) kepada {d.ToId}"), cancellationToken);
            var delivered = await delivery.SendCardAsync(await ViewAsync(d, null, null, cancellationToken), cancellationToken);
            await StoreCardsAsync(d.Id, delivered, replace: true, cancellationToken);
            return (d, delivered.Addressee is null ? ResendStatus.Unreachable : ResendStatus.Sent);
        }

        return (null, ResendStatus.NotSent);
    }

    private async Task<string?> LeaderOfAsync(Workflow.Kegiatan k, string officerId, CancellationToken cancellationToken)
    {
        if (engine.CurrentStepDefinition(k) is not { } step) return null;
        var resolution = engine.SopOf(k) is { } sop
            ? await directory.ResolveAsync(k, sop, step, officerId, cancellationToken)
            : await directory.ResolveAsync(k.UnitId, officerId, step, cancellationToken);
        return resolution.Leader?.AadObjectId;
    }

    /// <summary>The officer and the unit's admins hear that no leader was found and that the disposisi will follow.</summary>
    private async Task TellNoLeaderAsync(DisposisiRequest request, Phrase explanation, CancellationToken cancellationToken)
    {
        await delivery.TellAsync(request.OfficerId, DisposisiTexts.NoLeaderYet(request.StepId, explanation), cancellationToken);
        if (roster is null) return;
        var officer = await directory.GetPersonAsync(request.OfficerId, cancellationToken);
        var name = officer?.Name ?? request.OfficerId;
        foreach (var admin in (await roster.ListPeopleByUnitAsync(request.UnitId, cancellationToken)).Where(p => p.Roles.Contains(RosterRoles.Admin)))
        {
            await delivery.TellAsync(admin.AadObjectId, DisposisiTexts.NoLeaderForAdmin(request.StepId, name, explanation), cancellationToken);
        }
    }

    /// <summary>
    /// Where the disposisi of a step waiting for its leader stands: waiting for whom and since when, forwarded, or not
    /// sent (and why), for the officer's task list.
    /// </summary>
    public async Task<DisposisiProgress?> ProgressAsync(DisposisiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var k = await kegiatan.GetAsync(request.KegiatanId, cancellationToken);
        if (k is null || engine.CurrentStepDefinition(k) is not { } step || step.Id != request.StepId) return null;
        var resolution = await directory.ResolveAsync(request.UnitId, request.OfficerId, step, cancellationToken);
        if (resolution.Leader is null)
            return new DisposisiProgress(DisposisiProgressKind.BelumTerkirim, null, null, null, resolution.Reason.Indonesian, Why: resolution.Reason);
        var open = (await disposisi.ListPendingForAsync(resolution.Leader.AadObjectId, cancellationToken))
            .Where(x => x.KegiatanId == request.KegiatanId && x.StepId == request.StepId && !x.IsForwarded)
            .OrderByDescending(x => x.SentAt).FirstOrDefault();
        if (open is null)
        {
            var none = DisposisiTexts.NoneWaiting(resolution.Leader.Name);
            return new DisposisiProgress(DisposisiProgressKind.BelumTerkirim, resolution.Leader.Name, null, null, none.Indonesian, Why: none);
        }
        var reachable = open.Card is not null || open.DelegateCards.Count > 0;
        if (open.State == DisposisiState.Diteruskan)
        {
            var to = open.ForwardedToId is { } f ? (await directory.GetPersonAsync(f, cancellationToken))?.Name ?? f : "-";
            return new DisposisiProgress(DisposisiProgressKind.Diteruskan, resolution.Leader.Name, open.SentAt, open.BatasWaktu, to, reachable);
        }

        return new DisposisiProgress(DisposisiProgressKind.Menunggu, resolution.Leader.Name, open.SentAt, open.BatasWaktu, null, reachable);
    }

    /// <summary>Creates the disposisi for a step waiting for its leader and sends the card; returns it, or a refusal.</summary>
    public async Task<(Disposisi? Disposisi, Phrase Message)> SendAsync(DisposisiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (d, message, _) = await EnsureAsync(request, cancellationToken);
        return (d, message);
    }

    /// <summary>
    /// The disposisi of the step's current round exists and its card is out, whatever an earlier run left (none, the
    /// row without a card, or everything). The status says what the relay should do next.
    /// </summary>
    private async Task<(Disposisi? Disposisi, Phrase Message, DispatchStatus Status)> EnsureAsync(DisposisiRequest request, CancellationToken cancellationToken)
    {
        var k = await kegiatan.GetAsync(request.KegiatanId, cancellationToken);
        var step = k is null ? null : engine.CurrentStepDefinition(k);
        if (k is null || step is null || step.Id != request.StepId)
            return (null, DisposisiTexts.NotAtStep(request.KegiatanId, request.StepId), DispatchStatus.Done);
        if (k.CurrentStep!.Status != StepStatus.MenungguDisposisi)
            return (null, DisposisiTexts.NotWaiting(step.Id), DispatchStatus.Done);
        var resolution = engine.SopOf(k) is { } sop
            ? await directory.ResolveAsync(k, sop, step, request.OfficerId, cancellationToken)
            : await directory.ResolveAsync(request.UnitId, request.OfficerId, step, cancellationToken);
        if (resolution.Leader is null)
            return (null, resolution.Reason, DispatchStatus.NoLeader);
        var id = DisposisiIds.For(k.Id, step.Id, k.CurrentStep.TimesReturned);
        var waitingNote = DisposisiTexts.AlreadySent(step.Id, resolution.Leader.Name);
        var existing = await disposisi.GetAsync(id, cancellationToken);
        if (existing is null)
        {
            // A disposisi stored before ids were derived (random id) for the same step is the one.
            var open = (await disposisi.ListPendingForAsync(resolution.Leader.AadObjectId, cancellationToken))
                .FirstOrDefault(x => x.KegiatanId == request.KegiatanId && x.StepId == request.StepId);
            if (open is not null) return (open, waitingNote, DispatchStatus.Done);
        }
        else
        {
            if (existing.IsDecided || existing.Card is not null) return (existing, waitingNote, DispatchStatus.Done);
            if (!await ReachableAsync(existing.ToId, cancellationToken)) return (existing, waitingNote, DispatchStatus.Done);
            // Claimed less than a lease ago: its card is on the way from another run (a row from before claims counts from
            // its creation). Otherwise the claimant stopped before storing the card: take the claim over, conditionally,
            // so that of two runs arriving now only one posts.
            var now = time.GetUtcNow();
            if (now - (existing.CardClaim?.At ?? existing.SentAt) < CardLease) return (existing, waitingNote, DispatchStatus.Retry);
            existing.CardClaim = NewClaim(now, (existing.CardClaim?.Attempt ?? 0) + 1);
            try
            {
                await disposisi.UpdateAsync(existing, existing.Version!, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return (existing, waitingNote, DispatchStatus.Retry); // another run took it, or the leader acted: the next run sees which
            }

            return await SendCardAsync(existing, resolution, cancellationToken);
        }

        var today = clock.Today(request.UnitId);
        var sifat = SifatFor(request.DueDate, today, request.UnitId);
        var d = new Disposisi
        {
            Id = id,
            KegiatanId = request.KegiatanId,
            StepId = request.StepId,
            Kind = string.IsNullOrEmpty(request.Kind) ? DisposisiKinds.ReportToLeader : request.Kind,
            Summary = string.IsNullOrWhiteSpace(request.Summary) ? $"{k.Title} — {step.Id} {step.Aktivitas}" : request.Summary.Trim(),
            OfficerId = request.OfficerId,
            UnitId = request.UnitId,
            FromId = request.OfficerId,
            ToId = resolution.Leader.AadObjectId,
            StepDueOn = request.DueDate,
            Round = k.CurrentStep.TimesReturned,
            Sifat = sifat,
            BatasWaktu = DefaultBatasWaktu(request.DueDate, sifat, today, request.UnitId),
            SentAt = time.GetUtcNow(),
            CardClaim = NewClaim(time.GetUtcNow(), 1), // the create is the claim: whoever makes the row posts its card
            LeaderReason = resolution.Reason.Indonesian,
            LeaderReasonEnglish = resolution.Reason.English,
        };
        try
        {
            await disposisi.CreateAsync(d, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return (await disposisi.GetAsync(id, cancellationToken), waitingNote, DispatchStatus.Retry); // another run made it just now
        }

        return await SendCardAsync(d, resolution, cancellationToken);
    }

    /// <summary>
    /// The audit copy (deterministic key: once however often), reminders and the card of a stored disposisi whose
    /// <see cref="Disposisi.CardClaim"/> this run holds (<paramref name="d"/> is the claim's version of the row).
    /// </summary>
    private async Task<(Disposisi? Disposisi, Phrase Message, DispatchStatus Status)> SendCardAsync(
        Disposisi d, LeaderResolution resolution, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEvent($"disposisi/{d.Id}", d.OfficerId, null, "disposisi.sent", d.SentAt, null,
            DisposisiState.Terkirim.ToString(), $"{d.KegiatanId} {d.StepId} kepada {d.ToId} ({d.LeaderReason})"), cancellationToken);
        await ScheduleReminderAsync(d, cancellationToken);
        var view = await ViewAsync(d, null, null, cancellationToken);
        var leader = resolution.Leader!.Name;
        if (time.GetUtcNow() - d.CardClaim!.At > ClaimFreshFor)
            return (d, DisposisiTexts.CardPending(leader, resolution.Reason), DispatchStatus.Retry); // too late to post inside the lease: left to expire
        var delivered = await delivery.SendCardAsync(view, cancellationToken);
        await StoreClaimedCardAsync(d, delivered, cancellationToken);
        if (delivered.Addressee is not null) return (d, DisposisiTexts.Sent(leader, resolution.Reason, reachable: true), DispatchStatus.Done);
        var reachable = await ReachableAsync(d.ToId, cancellationToken);
        return (d, reachable ? DisposisiTexts.CardPending(leader, resolution.Reason) : DisposisiTexts.Sent(leader, resolution.Reason, reachable: false),
            reachable ? DispatchStatus.Retry : DispatchStatus.Done);
    }

    /// <summary>Whether the bot can post to the person at all (a stored conversation); without references, assumed not.</summary>
    private async Task<bool> ReachableAsync(string personId, CancellationToken cancellationToken) =>
        references is not null && await references.GetByUserAsync(personId, cancellationToken) is not null;

    /// <summary>
    /// The card for one viewer. When the viewer may act, the first opening marks the disposisi dibaca.
    /// Returns null when the disposisi does not exist.
    /// </summary>
    public async Task<DisposisiView?> OpenAsync(string id, string viewerId, bool markRead, CancellationToken cancellationToken = default)
    {
        var d = await disposisi.GetAsync(id, cancellationToken);
        if (d is null) return null;
        var repaired = await CompleteDecisionAsync(d, cancellationToken); // completes a decision interrupted before the step changed
        if (repaired.Related is { } related) await delivery.UpdateCardsAsync(await ViewAsync(related, null, null, cancellationToken), cancellationToken);
        var authority = await AuthorizeAsync(d, viewerId, cancellationToken);
        if (authority is not null && markRead && d.State == DisposisiState.Terkirim)
        {
            var read = DisposisiRules.MarkRead(d, authority, time.GetUtcNow());
            try
            {
                await disposisi.UpdateAsync(read.Disposisi!, d.Version!, cancellationToken);
                await AppendAsync(read.Events, cancellationToken);
                d = read.Disposisi!;
            }
            catch (ConcurrencyConflictException)
            {
                d = await disposisi.GetAsync(id, cancellationToken) ?? d; // another device opened or decided it first
            }
        }

        return await ViewAsync(d, authority, null, cancellationToken);
    }

    /// <summary>Setujui / Kembalikan / Teruskan: exactly one decision wins, every other click sees the current state.</summary>
    public async Task<DecisionOutcome> DecideAsync(DecisionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 0; ; attempt++)
        {
            var d = await disposisi.GetAsync(command.DisposisiId, cancellationToken);
            if (d is null) return new DecisionOutcome(DecisionStatus.NotFound, null, DisposisiTexts.NotFound());
            if (d.State == DisposisiState.Diteruskan) await CompleteDecisionAsync(d, cancellationToken); // an interrupted Teruskan first
            var authority = await AuthorizeAsync(d, command.ActorId, cancellationToken);
            if (authority is null)
            {
                var at = time.GetUtcNow();
                await audit.AppendAsync(new AuditEvent($"disposisi/{d.Id}", command.ActorId, null, "disposisi.refused", at, d.State.ToString(),
                    d.State.ToString(), $"{command.Verb}: bukan penerima atau Plt/Plh"), cancellationToken);
                return new DecisionOutcome(DecisionStatus.NotAuthorized, await ViewAsync(d, null, null, cancellationToken),
                    DisposisiTexts.NotAuthorized());
            }

            if (d.IsDecided)
            {
                var repaired = await CompleteDecisionAsync(d, cancellationToken);
                if (repaired.Related is { } other) await delivery.UpdateCardsAsync(await ViewAsync(other, null, null, cancellationToken), cancellationToken);
                var note = DisposisiRules.AlreadyDecided(d);
                return new DecisionOutcome(DecisionStatus.AlreadyDecided, await ViewAsync(d, authority, note, cancellationToken), note);
            }

            var today = clock.Today(d.UnitId);
            var now = time.GetUtcNow();
            var result = command.Verb switch
            {
                DecisionVerb.Setujui => DisposisiRules.Approve(d, authority, command.Input, today, now),
                DecisionVerb.Kembalikan => DisposisiRules.Return(d, authority, command.Reason, command.Input, today, now),
                DecisionVerb.Tanggapi => DisposisiRules.Respond(d, authority, command.Input.Catatan, now),
                _ => await ForwardAsync(d, authority, command, today, now, cancellationToken),
            };
            if (!result.Succeeded)
            {
                var why = result.Why ?? new Phrase(result.Refusal!.Code, result.Refusal.Reason, RefusalTexts.Text(result.Refusal.Code, result.Refusal.Reason, english: true));
                return new DecisionOutcome(DecisionStatus.Refused, await ViewAsync(d, authority, why, cancellationToken), why);
            }

            try
            {
                await disposisi.UpdateAsync(result.Disposisi!, d.Version!, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt == 0)
            {
                continue; // re-read: either somebody decided (answered above) or only the read state moved
            }
            catch (ConcurrencyConflictException)
            {
                var current = await disposisi.GetAsync(d.Id, cancellationToken) ?? d;
                var note = current.IsDecided ? DisposisiRules.AlreadyDecided(current) : DisposisiTexts.Stale();
                return new DecisionOutcome(current.IsDecided ? DecisionStatus.AlreadyDecided : DecisionStatus.Stale,
                    await ViewAsync(current, authority, note, cancellationToken), note);
            }

            var decided = result.Disposisi!;
            await AppendAsync(result.Events, cancellationToken);
            if (decided.IsDecided)
            {
                foreach (var r in reminders) await r.CancelAsync($"disposisi/{decided.Id}", cancellationToken);
            }

            var (engineNote, related) = await CompleteDecisionAsync(decided, cancellationToken);
            decided = await disposisi.GetAsync(decided.Id, cancellationToken) ?? decided; // with its card locations

            var view = await ViewAsync(decided, authority, engineNote, cancellationToken);
            await delivery.UpdateCardsAsync(view with { Authority = null, Note = null }, cancellationToken);
            if (!decided.IsForwarded) await delivery.TellOfficerAsync(view, cancellationToken);
            if (related is not null)
            {
                var relatedView = await ViewAsync(related, null, null, cancellationToken);
                await delivery.UpdateCardsAsync(relatedView, cancellationToken);
                if (decided.State == DisposisiState.Ditanggapi)
                    await delivery.TellAsync(related.ToId, ResponseMessage(relatedView, view), cancellationToken);
            }

            return new DecisionOutcome(DecisionStatus.Decided, view, engineNote ?? DecidedMessage(view));
        }
    }

    /// <summary>Undecided disposisi the viewer may act on (their own and, while a Plt/Plh is active, their leader's), oldest first.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(string viewerId, CancellationToken cancellationToken = default)
    {
        var items = (await disposisi.ListPendingForAsync(viewerId, cancellationToken)).Select(d => (d, (string?)null)).ToList();
        foreach (var delegation in await delegations.ListByDelegateAsync(viewerId, cancellationToken))
        {
            var pending = await disposisi.ListPendingForAsync(delegation.LeaderId, cancellationToken);
            items.AddRange(pending.Where(d => delegation.IsActiveOn(clock.Today(d.UnitId))).Select(d => (d, (string?)delegation.LeaderId)));
        }

        return [.. items.DistinctBy(i => i.d.Id).OrderBy(i => i.d.SentAt).ThenBy(i => i.d.Id, StringComparer.Ordinal)
            .Select(i =>
            {
                var today = clock.Today(i.d.UnitId);
                return new InboxItem(i.d, AgeHk(i.d, today), Colour(i.d, today), i.Item2, HkLeft(i.d.BatasWaktu, today, i.d.UnitId));
            })];
    }

    /// <summary>
    /// Sets a Plt/Plh: the leader for themself, or an admin for any leader. Returns the stored delegation and what to
    /// tell the actor (in both languages; the edge picks the reader's).
    /// </summary>
    public async Task<(Delegation? Delegation, Phrase Message)> SetDelegationAsync(
        string actorId, string leaderId, string delegateId, DelegationKind kind, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (DisposisiTexts.DelegationInvalid(leaderId, delegateId, from, to) is { } invalid) return (null, invalid);
        var actor = await directory.GetPersonAsync(actorId, cancellationToken);
        var leader = await directory.GetPersonAsync(leaderId, cancellationToken);
        var deputy = await directory.GetPersonAsync(delegateId, cancellationToken);
        if (actor is null) return (null, DisposisiTexts.DelegationActorUnknown());
        if (leader is null || deputy is null) return (null, DisposisiTexts.DelegationPeopleUnknown());
        var isAdmin = actor.Roles.Contains(RosterRoles.Admin);
        if (!isAdmin && !string.Equals(actorId, leaderId, StringComparison.OrdinalIgnoreCase))
            return (null, DisposisiTexts.DelegationNotAllowed());
        if (!leader.Roles.Any(RosterRoles.Leaders.Contains))
            return (null, DisposisiTexts.DelegationNotALeader(leader.Name));

        var now = time.GetUtcNow();
        var saved = await delegations.SaveAsync(new Delegation(NewId(), leader.AadObjectId, deputy.AadObjectId, kind, from, to, actorId, now), cancellationToken);
        await audit.AppendAsync(new AuditEvent($"delegasi/{saved.Id}", actorId, null, "delegation.set", now, null,
            $"{kind} {deputy.AadObjectId} a.n. {leader.AadObjectId}", $"{from:yyyy-MM-dd} s.d. {to:yyyy-MM-dd}"), cancellationToken);
        return (saved, DisposisiTexts.DelegationSet(deputy.Name, kind, leader.Name, from, to));
    }

    private async Task<DisposisiResult> ForwardAsync(Disposisi d, Actor authority, DecisionCommand command, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leader = await directory.GetPersonAsync(d.ToId, cancellationToken);
        var allowed = leader is null ? [] : (await directory.SubordinatesAsync(leader, cancellationToken)).Select(p => p.AadObjectId).ToList();
        return DisposisiRules.Forward(d, authority, command.RecipientId, allowed, command.Input, NewId(), today, now);
    }

    /// <summary>
    /// Completes a stored decision: Teruskan stores and sends the new disposisi (when not yet there); Tanggapi copies
    /// the answer onto the parent; Setujui/Kembalikan close a forwarded disposisi still open, then Setujui completes the
    /// step, Kembalikan reopens it (retried on a concurrent kegiatan change), and the disposisi is marked
    /// <see cref="Disposisi.StepUpdated"/>. Safe to call again: a decision already applied to its submission round is
    /// recognised and only marked. Returns a note for the decider (the step could not change, or the person forwarded
    /// to cannot be reached yet) and the other disposisi that changed with it (the parent or the closed forwarded one).
    /// </summary>
    private async Task<(Phrase? Note, Disposisi? Related)> CompleteDecisionAsync(Disposisi d, CancellationToken cancellationToken)
    {
        if (d.State == DisposisiState.Diteruskan)
        {
            if (DisposisiRules.ForwardedChild(d) is not { } child || await disposisi.GetAsync(child.Id, cancellationToken) is not null) return (null, null);
            try
            {
                await disposisi.CreateAsync(child, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return (null, null); // created meanwhile by another click or device
            }

            var delivered = await DeliverAsync(child, cancellationToken);
            if (delivered.Addressee is not null) return (null, null);
            var name = (await directory.GetPersonAsync(child.ToId, cancellationToken))?.Name ?? child.ToId;
            return (DisposisiTexts.ForwardUnreachable(name), null);
        }

        if (d.State == DisposisiState.Ditanggapi) return (null, await CopyTanggapanToParentAsync(d, cancellationToken));
        if (d.State is not (DisposisiState.Disetujui or DisposisiState.Dikembalikan) || d.DecidedAt is not { } at) return (null, null);

        var closed = await CloseForwardedAsync(d, cancellationToken);
        if (d.StepUpdated) return (null, closed);
        var actor = new Actor(d.DecidedBy!, d.DecidedOnBehalfOf);
        var decidedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.ZoneOf(d.UnitId)).DateTime);
        for (var attempt = 1; ; attempt++)
        {
            var k = await kegiatan.GetAsync(d.KegiatanId, cancellationToken);
            if (k is null) return (DisposisiTexts.KegiatanMissing(d.KegiatanId), closed);
            var record = k.FindStep(d.StepId);
            var applied = record is not null && (d.State == DisposisiState.Disetujui
                ? record.Status == StepStatus.Selesai && record.TimesReturned == d.Round
                : record.TimesReturned > d.Round);
            if (applied)
            {
                await MarkStepUpdatedAsync(d.Id, cancellationToken);
                return (null, closed);
            }

            var result = d.State == DisposisiState.Disetujui
                ? engine.Approve(k, decidedOn, actor, at, d.LeaderDecides ? $"Disposisi {d.Id}" : null)
                : engine.Return(k, d.Reason ?? string.Empty, actor, at);
            if (!result.Succeeded)
            {
                await audit.AppendAsync(new AuditEvent($"disposisi/{d.Id}", actor.Id, actor.OnBehalfOf, "disposisi.engine-refused", time.GetUtcNow(),
                    d.State.ToString(), d.State.ToString(), result.Refusal!.Reason), cancellationToken);
                return (DisposisiTexts.StepUnchanged(result.Refusal), closed);
            }

            // A decision that leaves the kegiatan waiting for a leader again (Setujui of A.8 opens A.9, a leader-decides
            // step) must request that disposisi: the effect is stored with the change, in the same write (docs/outbox.md).
            var after = result.Kegiatan!;
            var waiting = WithPendingDisposisi(k, after, time.GetUtcNow());
            try
            {
                await kegiatan.UpdateAsync(after, k.Version!, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < EngineAttempts)
            {
                continue; // the officer changed the kegiatan meanwhile; apply the decision to the fresh copy
            }

            if (!waiting) await AppendAsync(result.Events, cancellationToken); // else the relay copies them (the effect's history range)
            await MarkStepUpdatedAsync(d.Id, cancellationToken);
            if (waiting) await RelayNowAsync(after.Id, cancellationToken);
            return (null, closed);
        }
    }

    /// <summary>
    /// When <paramref name="after"/> leaves the kegiatan's current step at menunggu disposisi in a round that was not
    /// waiting before, adds the step's pending disposisi effect to it (replacing an older one of that step and round) and
    /// returns true. The effect's officer is the kegiatan's own (the one the step's leader is resolved for, and who hears
    /// the decision), never the leader who decided.
    /// </summary>
    private static bool WithPendingDisposisi(Workflow.Kegiatan before, Workflow.Kegiatan after, DateTimeOffset at)
    {
        if (after.Status != KegiatanStatus.Berjalan || after.CurrentStep is not { Status: StepStatus.MenungguDisposisi } step) return false;
        if (before.CurrentStep is { Status: StepStatus.MenungguDisposisi } was && was.StepId == step.StepId && was.TimesReturned == step.TimesReturned)
            return false;
        after.Outbox = [.. (after.Outbox ?? []).Where(e => e.StepId != step.StepId || e.Round != step.TimesReturned),
            PendingEffect.Disposisi(step.StepId, step.TimesReturned, after.OfficerId, at, before.History.Count, after.History.Count)];
        return true;
    }

    /// <summary>
    /// Runs the outbox relay for the kegiatan now (this service is the requester), so the leader gets the card within the
    /// click; whatever it cannot do (connector down, no leader) stays stored for the background relay.
    /// </summary>
    private async Task RelayNowAsync(string kegiatanId, CancellationToken cancellationToken)
    {
        try
        {
            await new OutboxRelay(kegiatan, audit, [this], engine, time).RunAsync(kegiatanId, TimeSpan.Zero, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // stored: left to the background relay
        }
    }

    /// <summary>The answer of a forwarded disposisi onto its parent, for the deciding leader; returns the updated parent.</summary>
    private async Task<Disposisi?> CopyTanggapanToParentAsync(Disposisi child, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < EngineAttempts; attempt++)
        {
            if (child.ParentId is null || await disposisi.GetAsync(child.ParentId, cancellationToken) is not { } parent) return null;
            if (DisposisiRules.WithTanggapan(parent, child) is not { } updated) return null;
            try
            {
                await disposisi.UpdateAsync(updated, parent.Version!, cancellationToken);
                return updated;
            }
            catch (ConcurrencyConflictException)
            {
                // the leader opened or decided it meanwhile; read again
            }
        }

        return null;
    }

    /// <summary>A forwarded disposisi still open when its leader decided is closed; returns it.</summary>
    private async Task<Disposisi?> CloseForwardedAsync(Disposisi parent, CancellationToken cancellationToken)
    {
        if (parent.ForwardedToDisposisiId is not { } childId) return null;
        for (var attempt = 0; attempt < EngineAttempts; attempt++)
        {
            if (await disposisi.GetAsync(childId, cancellationToken) is not { } child) return null;
            if (DisposisiRules.CloseForwarded(child, parent) is not { } closed) return null;
            try
            {
                await disposisi.UpdateAsync(closed.Disposisi!, child.Version!, cancellationToken);
                await AppendAsync(closed.Events, cancellationToken);
                foreach (var r in reminders) await r.CancelAsync($"disposisi/{childId}", cancellationToken);
                return closed.Disposisi;
            }
            catch (ConcurrencyConflictException)
            {
                // answered or opened meanwhile; read again
            }
        }

        return null;
    }

    private async Task MarkStepUpdatedAsync(string id, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < EngineAttempts; attempt++)
        {
            var current = await disposisi.GetAsync(id, cancellationToken);
            if (current is null || current.StepUpdated) return;
            current.StepUpdated = true;
            try
            {
                await disposisi.UpdateAsync(current, current.Version!, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // the card location was being stored; read again
            }
        }
    }

    private async Task<CardDelivery> DeliverAsync(Disposisi d, CancellationToken cancellationToken)
    {
        await ScheduleReminderAsync(d, cancellationToken);
        var delivered = await delivery.SendCardAsync(await ViewAsync(d, null, null, cancellationToken), cancellationToken);
        await StoreCardsAsync(d.Id, delivered, replace: false, cancellationToken);
        return delivered;
    }

    private async Task ScheduleReminderAsync(Disposisi d, CancellationToken cancellationToken)
    {
        foreach (var r in reminders)
        {
            await r.ScheduleAsync(new ReminderSubject($"disposisi/{d.Id}", d.ToId, d.UnitId, d.BatasWaktu, $"Disposisi {d.StepId} — {d.Summary}",
                DisposisiText.SifatName(d.Sifat)), cancellationToken);
        }
    }

    /// <summary>A fresh claim to post a first card (<see cref="CardLease"/>).</summary>
    private static CardClaim NewClaim(DateTimeOffset at, int attempt) => new(Guid.NewGuid().ToString("N")[..12], at, attempt);

    /// <summary>
    /// Stores where the claimed card was posted: one conditional write on the claim's version of the row (no read first,
    /// so the post→store window is as short as it can be). When the row changed meanwhile (the leader opened it from
    /// the inbox, <c>kirim ulang</c> resent it), it is read again and the location added; a card already stored by
    /// another run keeps its place and this copy joins the other copies, so a decision updates both.
    /// </summary>
    private async Task StoreClaimedCardAsync(Disposisi claimed, CardDelivery delivered, CancellationToken cancellationToken)
    {
        if (delivered.Addressee is null && delivered.Delegates.Count == 0) return;
        var current = claimed;
        for (var attempt = 0; attempt < EngineAttempts; attempt++)
        {
            current.Card ??= delivered.Addressee;
            var extra = delivered.Addressee is { } mine && mine != current.Card ? [mine] : Array.Empty<CardLocation>();
            current.DelegateCards = [.. current.DelegateCards.Concat(extra).Concat(delivered.Delegates).Distinct()];
            try
            {
                await disposisi.UpdateAsync(current, current.Version!, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                if (await disposisi.GetAsync(claimed.Id, cancellationToken) is not { } fresh) return;
                current = fresh;
            }
        }
    }

    /// <summary>
    /// Remembers where the card was posted (so decisions update every copy). A resent card becomes the addressee's card
    /// and the old one is kept with the other copies.
    /// </summary>
    private async Task StoreCardsAsync(string id, CardDelivery delivered, bool replace, CancellationToken cancellationToken)
    {
        if (delivered.Addressee is null && delivered.Delegates.Count == 0) return;
        for (var attempt = 0; attempt < EngineAttempts; attempt++)
        {
            var current = await disposisi.GetAsync(id, cancellationToken);
            if (current is null) return;
            var old = current.Card;
            current.Card = replace ? delivered.Addressee ?? old : old ?? delivered.Addressee;
            var extra = replace && old is not null && old != current.Card ? [old] : Array.Empty<CardLocation>();
            current.DelegateCards = [.. current.DelegateCards.Concat(extra).Concat(delivered.Delegates).Distinct()];
            try
            {
                await disposisi.UpdateAsync(current, current.Version!, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // opened or decided in the meantime: keep that and add the card locations
            }
        }
    }

    private async Task<Actor?> AuthorizeAsync(Disposisi d, string viewerId, CancellationToken cancellationToken)
    {
        if (string.Equals(d.ToId, viewerId, StringComparison.OrdinalIgnoreCase)) return new Actor(viewerId);
        var held = await delegations.ListByDelegateAsync(viewerId, cancellationToken);
        return DisposisiRules.Authorize(d, viewerId, held, clock.Today(d.UnitId));
    }

    private async Task<DisposisiView> ViewAsync(Disposisi d, Actor? authority, Phrase? note, CancellationToken cancellationToken)
    {
        var k = await kegiatan.GetAsync(d.KegiatanId, cancellationToken);
        var step = k is null ? null : engine.CurrentStepDefinition(k) is { } current && current.Id == d.StepId
            ? current
            : FindStep(k, d.StepId);
        var addressee = await directory.GetPersonAsync(d.ToId, cancellationToken);
        var subordinates = authority is not null && !d.IsDecided && !d.IsForwarded && d.State != DisposisiState.Diteruskan && addressee is not null
            ? await directory.SubordinatesAsync(addressee, cancellationToken)
            : [];
        var today = clock.Today(d.UnitId);
        var delegates = new List<PersonRecord>();
        if (!d.IsDecided)
        {
            foreach (var delegation in (await delegations.ListByLeaderAsync(d.ToId, cancellationToken)).Where(x => x.IsActiveOn(today)))
            {
                if (await directory.GetPersonAsync(delegation.DelegateId, cancellationToken) is { } person) delegates.Add(person);
            }
        }

        int? hkLeft = null;
        var due = k?.FindStep(d.StepId)?.DueOn ?? d.StepDueOn;
        if (due is { } dueOn)
        {
            try
            {
                hkLeft = calendar.WorkingDaysBetween(today, dueOn, d.UnitId);
            }
            catch (CalendarNotAvailableException)
            {
                hkLeft = null;
            }
        }

        return new DisposisiView(
            d, k, step,
            await directory.GetPersonAsync(d.OfficerId, cancellationToken),
            addressee,
            (d.DecidedBy ?? d.ForwardedBy) is { } by ? await directory.GetPersonAsync(by, cancellationToken) : null,
            d.ForwardedToId is { } fwd ? await directory.GetPersonAsync(fwd, cancellationToken) : null,
            delegates, authority, subordinates, today, AgeHk(d, today), hkLeft, Colour(d, today), note,
            await directory.GetPersonAsync(d.FromId, cancellationToken),
            d.TanggapanBy is { } responder ? await directory.GetPersonAsync(responder, cancellationToken) : null);
    }

    private Sop.SopStep? FindStep(Workflow.Kegiatan k, string stepId)
    {
        // The step definition comes from the kegiatan's own SOP revision, via the engine's view of a copy at that step.
        var probe = new Workflow.Kegiatan
        {
            Id = k.Id, SopCode = k.SopCode, SopVersion = k.SopVersion, SubProcess = k.SubProcess, Kind = k.Kind, Title = k.Title,
            UnitId = k.UnitId, OfficerId = k.OfficerId, Year = k.Year, CreatedAt = k.CreatedAt, CurrentStepId = stepId,
        };
        return engine.CurrentStepDefinition(probe);
    }

    private int AgeHk(Disposisi d, DateOnly today)
    {
        var sentOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(d.SentAt, clock.ZoneOf(d.UnitId)).DateTime);
        try
        {
            return Math.Max(0, calendar.WorkingDaysBetween(sentOn, today, d.UnitId));
        }
        catch (CalendarNotAvailableException)
        {
            return Math.Max(0, today.DayNumber - sentOn.DayNumber);
        }
    }

    private int? HkLeft(DateOnly due, DateOnly today, string unitId)
    {
        try
        {
            return calendar.WorkingDaysBetween(today, due, unitId);
        }
        catch (CalendarNotAvailableException)
        {
            return null;
        }
    }

    private DeadlineColour Colour(Disposisi d, DateOnly today)
    {
        if (today > d.BatasWaktu) return DeadlineColour.Merah;
        try
        {
            return calendar.WorkingDaysBetween(today, d.BatasWaktu, d.UnitId) <= 1 ? DeadlineColour.Kuning : DeadlineColour.Hijau;
        }
        catch (CalendarNotAvailableException)
        {
            return d.BatasWaktu.DayNumber - today.DayNumber <= 1 ? DeadlineColour.Kuning : DeadlineColour.Hijau;
        }
    }

    /// <summary>Sifat from the HK left to the step's due date: ≤ 1 HK (or overdue) Sangat Segera, ≤ 3 HK Segera.</summary>
    private Sifat SifatFor(DateOnly? due, DateOnly today, string unitId)
    {
        if (due is not { } d) return Sifat.Biasa;
        try
        {
            var left = calendar.WorkingDaysBetween(today, d, unitId);
            return left <= 1 ? Sifat.SangatSegera : left <= 3 ? Sifat.Segera : Sifat.Biasa;
        }
        catch (CalendarNotAvailableException)
        {
            return Sifat.Biasa;
        }
    }

    /// <summary>Batas waktu proposed on the card: the step's due date while it lies ahead, else 5/2/1 HK by sifat.</summary>
    private DateOnly DefaultBatasWaktu(DateOnly? due, Sifat sifat, DateOnly today, string unitId)
    {
        if (due is { } d && d >= today) return d;
        try
        {
            return calendar.AddWorkingDays(today, sifat switch { Sifat.SangatSegera => 1, Sifat.Segera => 2, _ => 5 }, unitId);
        }
        catch (CalendarNotAvailableException)
        {
            return today.AddDays(7);
        }
    }

    private static Phrase DecidedMessage(DisposisiView view) =>
        DisposisiTexts.Decided(view.Disposisi.State, view.From?.Name ?? view.Disposisi.FromId, view.ForwardedTo?.Name ?? view.Disposisi.ForwardedToId);

    /// <summary>What the leader reads when the person they forwarded to has answered.</summary>
    private static Phrase ResponseMessage(DisposisiView parent, DisposisiView child) =>
        DisposisiTexts.Answered(child.Responder?.Name ?? child.Disposisi.TanggapanBy ?? "-", parent.Disposisi.StepId, parent.Disposisi.Summary, child.Disposisi.Tanggapan);

    private async Task AppendAsync(IEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events) await audit.AppendAsync(e, cancellationToken);
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}

/// <summary>What <c>kirim ulang</c> did with one kegiatan.</summary>
public enum ResendStatus
{
    /// <summary>The card was posted again (or was already, for this very request).</summary>
    Sent,

    /// <summary>The disposisi waits in the leader's inbox: they cannot receive cards from the bot yet.</summary>
    Unreachable,

    /// <summary>The step does not wait for a disposisi (decided, or not submitted).</summary>
    NotWaiting,

    /// <summary>The step waits but its disposisi is not out yet (no leader on the roster, or the relay is still at it).</summary>
    NotSent,
}
