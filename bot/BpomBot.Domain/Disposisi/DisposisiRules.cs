using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Disposisi;

/// <summary>What the leader fills in on the card: arahan ids, catatan, batas waktu and sifat (null keeps the current).</summary>
public sealed record DisposisiInput(IReadOnlyList<string> Arahan, string? Catatan, DateOnly? BatasWaktu, Sifat? Sifat = null)
{
    public static readonly DisposisiInput None = new([], null, null);
}

/// <summary>
/// The outcome of one transition: the changed disposisi (a new instance; the input is never changed), a disposisi
/// created by Teruskan, and the audit events; or a refusal and nothing changed.
/// </summary>
public sealed record DisposisiResult(Disposisi? Disposisi, Disposisi? Forwarded, Refusal? Refusal, IReadOnlyList<AuditEvent> Events, Phrase? Why = null)
{
    public bool Succeeded => Refusal is null;

    /// <summary>A refusal: <see cref="Refusal"/> carries its code and Indonesian reason, <see cref="Why"/> both languages.</summary>
    public static DisposisiResult Refuse(Phrase why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return new(null, null, new Refusal(why.Code, why.Indonesian), [], why);
    }
}

public static class DisposisiRefusals
{
    public const string SudahDiputuskan = "SUDAH_DIPUTUSKAN";
    public const string AlasanKosong = "ALASAN_KOSONG";
    public const string ArahanTidakDikenal = "ARAHAN_TIDAK_DIKENAL";
    public const string BatasWaktuTidakValid = "BATAS_WAKTU_TIDAK_VALID";
    public const string PenerimaTidakSah = "PENERIMA_TIDAK_SAH";
    public const string BukanPemutus = "BUKAN_PEMUTUS";
    public const string SudahDiteruskan = "SUDAH_DITERUSKAN";
    public const string TanggapanKosong = "TANGGAPAN_KOSONG";
    public const string BukanTerusan = "BUKAN_TERUSAN";
}

/// <summary>
/// The disposisi lifecycle: terkirim → dibaca (first opened by the addressee or their Plt/Plh) → disetujui |
/// dikembalikan, optionally through diteruskan (input asked from a subordinate; the decision stays with the addressee).
/// A forwarded disposisi goes terkirim → dibaca → ditanggapi (its addressee answered), or ditutup when the leader
/// decided first; it never decides the step. Each decision is made once. Pure: no clock, no I/O.
/// </summary>
public static class DisposisiRules
{
    /// <summary>
    /// Who may act on a disposisi: the addressee, or a delegate whose Plt/Plh for the addressee covers
    /// <paramref name="today"/>; the delegate acts "a.n." the addressee. Null when <paramref name="actorId"/> may not act.
    /// </summary>
    public static Actor? Authorize(Disposisi disposisi, string actorId, IEnumerable<Delegation> delegations, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        ArgumentNullException.ThrowIfNull(delegations);
        if (string.IsNullOrEmpty(actorId)) return null;
        if (string.Equals(disposisi.ToId, actorId, StringComparison.OrdinalIgnoreCase)) return new Actor(actorId);
        return delegations.Any(d => string.Equals(d.LeaderId, disposisi.ToId, StringComparison.OrdinalIgnoreCase)
                                    && string.Equals(d.DelegateId, actorId, StringComparison.OrdinalIgnoreCase)
                                    && d.IsActiveOn(today))
            ? new Actor(actorId, disposisi.ToId)
            : null;
    }

    /// <summary>The first opening by the addressee (or Plt/Plh) moves terkirim → dibaca; later openings change nothing.</summary>
    public static DisposisiResult MarkRead(Disposisi disposisi, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        ArgumentNullException.ThrowIfNull(actor);
        if (disposisi.State != DisposisiState.Terkirim) return new DisposisiResult(null, null, null, []);
        var copy = Copy(disposisi);
        copy.State = DisposisiState.Dibaca;
        copy.ReadAt = at;
        copy.ReadBy = actor.Id;
        return new DisposisiResult(copy, null, null, [Event(copy, actor, "disposisi.read", at, DisposisiState.Terkirim, null)]);
    }

    /// <summary>Setujui: the step completes (the engine does that with the disposisi as its reference).</summary>
    public static DisposisiResult Approve(Disposisi disposisi, Actor actor, DisposisiInput input, DateOnly today, DateTimeOffset at) =>
        NotTheDecider(disposisi) ?? Decide(disposisi, actor, input, today, at, DisposisiState.Disetujui, "disposisi.approved", null, c => null);

    /// <summary>Kembalikan: the reason is required; the step reopens for the officer.</summary>
    public static DisposisiResult Return(Disposisi disposisi, Actor actor, string? reason, DisposisiInput input, DateOnly today, DateTimeOffset at)
    {
        if (NotTheDecider(disposisi) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(reason))
            return DisposisiResult.Refuse(DisposisiTexts.ReasonRequired());
        return Decide(disposisi, actor, input, today, at, DisposisiState.Dikembalikan, "disposisi.returned", reason.Trim(), c =>
        {
            c.Reason = reason.Trim();
            return null;
        });
    }

    /// <summary>
    /// Teruskan: asks <paramref name="recipientId"/> (one of <paramref name="allowedRecipients"/>, the leader's
    /// subordinates) for input through a new disposisi (id <paramref name="newId"/>) with its own batas waktu. This one
    /// moves to diteruskan and stays with its addressee, who decides once the input is in (or without it). Once only.
    /// </summary>
    public static DisposisiResult Forward(
        Disposisi disposisi, Actor actor, string? recipientId, IReadOnlyCollection<string> allowedRecipients, DisposisiInput input,
        string newId, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(allowedRecipients);
        if (disposisi.IsDecided)
            return DisposisiResult.Refuse(DisposisiTexts.AlreadyDecided(disposisi.State));
        if (disposisi.IsForwarded)
            return DisposisiResult.Refuse(DisposisiTexts.ForwardedCannotForward());
        if (disposisi.State == DisposisiState.Diteruskan)
            return DisposisiResult.Refuse(DisposisiTexts.AlreadyForwarded());
        if (string.IsNullOrWhiteSpace(recipientId) || !allowedRecipients.Contains(recipientId, StringComparer.OrdinalIgnoreCase))
            return DisposisiResult.Refuse(DisposisiTexts.RecipientNotAllowed());
        if (input?.BatasWaktu is null)
            return DisposisiResult.Refuse(DisposisiTexts.ForwardDeadlineRequired());
        var result = Decide(disposisi, actor, input, today, at, DisposisiState.Diteruskan, "disposisi.forwarded", $"kepada {recipientId}", c =>
        {
            c.ForwardedToDisposisiId = newId;
            c.ForwardedToId = recipientId;
            return null;
        });
        if (!result.Succeeded) return result;
        var parent = result.Disposisi!;
        // Forwarding is not deciding: the decider fields stay empty for the addressee's own decision.
        parent.ForwardedBy = parent.DecidedBy;
        parent.ForwardedOnBehalfOf = parent.DecidedOnBehalfOf;
        parent.ForwardedAt = parent.DecidedAt;
        parent.DecidedBy = null;
        parent.DecidedOnBehalfOf = null;
        parent.DecidedAt = null;
        var child = ForwardedChild(parent)!;
        var sent = new AuditEvent($"disposisi/{newId}", actor.Id, actor.OnBehalfOf, "disposisi.sent", at, null,
            DisposisiState.Terkirim.ToString(), $"{child.KegiatanId} {child.StepId} kepada {recipientId}; diteruskan dari {disposisi.Id}");
        return result with { Forwarded = child, Events = [.. result.Events, sent] };
    }

    /// <summary>Tanggapi: the addressee of a forwarded disposisi (or their Plt/Plh) gives the input asked for; required text.</summary>
    public static DisposisiResult Respond(Disposisi disposisi, Actor actor, string? tanggapan, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        ArgumentNullException.ThrowIfNull(actor);
        if (!disposisi.IsForwarded)
            return DisposisiResult.Refuse(DisposisiTexts.NotForwarded());
        if (disposisi.IsDecided)
            return DisposisiResult.Refuse(DisposisiTexts.AlreadyDecided(disposisi.State));
        if (string.IsNullOrWhiteSpace(tanggapan))
            return DisposisiResult.Refuse(DisposisiTexts.InputRequired());
        var copy = Copy(disposisi);
        var before = copy.State;
        var events = new List<AuditEvent>();
        if (before == DisposisiState.Terkirim)
        {
            copy.ReadAt = at;
            copy.ReadBy = actor.Id;
            events.Add(Event(copy, actor, "disposisi.read", at, DisposisiState.Terkirim, null, DisposisiState.Dibaca));
            before = DisposisiState.Dibaca;
        }

        copy.State = DisposisiState.Ditanggapi;
        copy.Tanggapan = tanggapan.Trim();
        copy.TanggapanBy = actor.Id;
        copy.TanggapanAt = at;
        copy.DecidedBy = actor.Id;
        copy.DecidedOnBehalfOf = actor.OnBehalfOf;
        copy.DecidedAt = at;
        events.Add(Event(copy, actor, "disposisi.responded", at, before, copy.Tanggapan));
        return new DisposisiResult(copy, null, null, events);
    }

    /// <summary>
    /// The parent of an answered forwarded disposisi, with the answer copied in for its deciding leader; null when
    /// <paramref name="child"/> is not an answer to <paramref name="parent"/> or the answer is already there.
    /// </summary>
    public static Disposisi? WithTanggapan(Disposisi parent, Disposisi child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        if (child.State != DisposisiState.Ditanggapi || child.ParentId != parent.Id || parent.TanggapanAt == child.TanggapanAt) return null;
        var copy = Copy(parent);
        copy.Tanggapan = child.Tanggapan;
        copy.TanggapanBy = child.TanggapanBy;
        copy.TanggapanAt = child.TanggapanAt;
        return copy;
    }

    /// <summary>
    /// Closes a still-open forwarded disposisi after its leader decided the parent (the input is no longer needed);
    /// null when <paramref name="child"/> is already final or the parent is not decided.
    /// </summary>
    public static DisposisiResult? CloseForwarded(Disposisi child, Disposisi parent)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(parent);
        if (child.IsDecided || !parent.IsDecided || child.ParentId != parent.Id || parent.DecidedAt is not { } at) return null;
        var copy = Copy(child);
        var before = copy.State;
        copy.State = DisposisiState.Ditutup;
        copy.DecidedBy = parent.DecidedBy;
        copy.DecidedOnBehalfOf = parent.DecidedOnBehalfOf;
        copy.DecidedAt = at;
        var actor = new Actor(parent.DecidedBy!, parent.DecidedOnBehalfOf);
        return new DisposisiResult(copy, null, null, [Event(copy, actor, "disposisi.closed", at, before, $"{DisposisiText.StateName(parent.State)} pada {parent.Id}")]);
    }

    /// <summary>
    /// The disposisi a Teruskan creates, built from the forwarded one alone (so it can be rebuilt if storing it was
    /// interrupted); null when <paramref name="parent"/> was not forwarded.
    /// </summary>
    public static Disposisi? ForwardedChild(Disposisi parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.ForwardedToDisposisiId is not { } id || parent.ForwardedToId is not { } to || (parent.ForwardedAt ?? parent.DecidedAt) is not { } at)
            return null;
        return new Disposisi
        {
            Id = id,
            KegiatanId = parent.KegiatanId,
            StepId = parent.StepId,
            Kind = parent.Kind,
            Summary = parent.Summary,
            OfficerId = parent.OfficerId,
            UnitId = parent.UnitId,
            FromId = parent.ForwardedOnBehalfOf ?? parent.ForwardedBy ?? parent.DecidedOnBehalfOf ?? parent.DecidedBy!,
            ToId = to,
            ParentId = parent.Id,
            StepDueOn = parent.StepDueOn,
            Round = parent.Round,
            Sifat = parent.Sifat,
            BatasWaktu = parent.BatasWaktu,
            Arahan = [.. parent.Arahan],
            Catatan = parent.Catatan,
            SentAt = at,
        };
    }

    private static DisposisiResult Decide(
        Disposisi disposisi, Actor actor, DisposisiInput input, DateOnly today, DateTimeOffset at, DisposisiState outcome, string action,
        string? detail, Func<Disposisi, Refusal?> apply)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        ArgumentNullException.ThrowIfNull(actor);
        input ??= DisposisiInput.None;
        if (disposisi.IsDecided)
            return DisposisiResult.Refuse(DisposisiTexts.AlreadyDecided(disposisi.State));
        var unknown = input.Arahan.Where(a => DisposisiText.StandardArahan.All(s => s.Id != a)).ToList();
        if (unknown.Count > 0)
            return DisposisiResult.Refuse(DisposisiTexts.UnknownArahan(unknown));
        if (input.BatasWaktu is { } batas && batas < today)
            return DisposisiResult.Refuse(DisposisiTexts.DeadlinePassed(batas));

        var copy = Copy(disposisi);
        var before = copy.State;
        if (input.Arahan.Count > 0) copy.Arahan = [.. input.Arahan.Distinct(StringComparer.Ordinal)];
        if (!string.IsNullOrWhiteSpace(input.Catatan)) copy.Catatan = input.Catatan.Trim();
        if (input.BatasWaktu is { } b) copy.BatasWaktu = b;
        if (input.Sifat is { } s) copy.Sifat = s;
        if (apply(copy) is { } refusal) return new DisposisiResult(null, null, refusal, []);

        var events = new List<AuditEvent>();
        if (before == DisposisiState.Terkirim)
        {
            copy.ReadAt = at;
            copy.ReadBy = actor.Id;
            events.Add(Event(copy, actor, "disposisi.read", at, DisposisiState.Terkirim, null, DisposisiState.Dibaca));
            before = DisposisiState.Dibaca;
        }

        copy.State = outcome;
        copy.DecidedBy = actor.Id;
        copy.DecidedOnBehalfOf = actor.OnBehalfOf;
        copy.DecidedAt = at;
        events.Add(Event(copy, actor, action, at, before, detail));
        return new DisposisiResult(copy, null, null, events);
    }

    private static DisposisiResult? NotTheDecider(Disposisi disposisi)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        if (disposisi.IsDecided) return DisposisiResult.Refuse(DisposisiTexts.AlreadyDecided(disposisi.State));
        return disposisi.IsForwarded
            ? DisposisiResult.Refuse(DisposisiTexts.ForwardedAsksForInput())
            : null;
    }

    /// <summary>"Disposisi ini sudah diputuskan (disetujui)." in both languages, for a late or duplicate click.</summary>
    public static Phrase AlreadyDecided(Disposisi disposisi)
    {
        ArgumentNullException.ThrowIfNull(disposisi);
        return DisposisiTexts.AlreadyDecided(disposisi.State);
    }

    private static AuditEvent Event(Disposisi d, Actor actor, string action, DateTimeOffset at, DisposisiState before, string? detail, DisposisiState? after = null) =>
        new($"disposisi/{d.Id}", actor.Id, actor.OnBehalfOf, action, at, before.ToString(), (after ?? d.State).ToString(), detail);

    internal static Disposisi Copy(Disposisi disposisi) => DisposisiJson.Deserialize(DisposisiJson.Serialize(disposisi))!;
}

/// <summary>The JSON form of a disposisi (what a storage adapter puts in its document column).</summary>
public static class DisposisiJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    public static string Serialize(Disposisi disposisi) => JsonSerializer.Serialize(disposisi, Options);

    public static Disposisi? Deserialize(string json) => JsonSerializer.Deserialize<Disposisi>(json, Options);
}
