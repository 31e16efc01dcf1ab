using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Disposisi;

/// <summary>
/// Everything a disposisi card shows to one viewer: the disposisi, its kegiatan and SOP step, the people involved
/// (<see cref="Delegates"/>: the addressee's Plt/Plh active today; <see cref="DecidedBy"/>: who decided, or who forwarded
/// while the decision is pending; <see cref="From"/>: the sender; <see cref="Responder"/>: who answered a forwarded
/// one), and what this viewer may do (<see cref="Authority"/> null: read-only).
/// </summary>
public sealed record DisposisiView(
    Disposisi Disposisi,
    Workflow.Kegiatan? Kegiatan,
    SopStep? Step,
    PersonRecord? Officer,
    PersonRecord? Addressee,
    PersonRecord? DecidedBy,
    PersonRecord? ForwardedTo,
    IReadOnlyList<PersonRecord> Delegates,
    Actor? Authority,
    IReadOnlyList<PersonRecord> Subordinates,
    DateOnly Today,
    int AgeHk,
    int? StepHkLeft,
    DeadlineColour Colour,
    Phrase? Note = null,
    PersonRecord? From = null,
    PersonRecord? Responder = null)
{
    public bool CanAct => Authority is not null && !Disposisi.IsDecided;
}

/// <summary>Deadline status: hijau (on time), kuning (batas waktu within 1 HK), merah (past batas waktu).</summary>
public enum DeadlineColour
{
    Hijau,
    Kuning,
    Merah,
}

public enum DecisionVerb
{
    Setujui,
    Kembalikan,
    Teruskan,

    /// <summary>The addressee of a forwarded disposisi gives the input asked for (never decides the step).</summary>
    Tanggapi,
}

/// <summary>A click on Setujui / Kembalikan / Teruskan: who, on which disposisi, with the card's inputs.</summary>
public sealed record DecisionCommand(
    string DisposisiId,
    string ActorId,
    DecisionVerb Verb,
    DisposisiInput Input,
    string? Reason = null,
    string? RecipientId = null);

public enum DecisionStatus
{
    /// <summary>This click made the decision.</summary>
    Decided,

    /// <summary>The input was not acceptable (e.g. no reason); nothing changed, the card stays actionable.</summary>
    Refused,

    /// <summary>The clicker is neither the addressee nor their Plt/Plh; nothing changed (audited).</summary>
    NotAuthorized,

    /// <summary>Somebody already decided (double click, other device, other leader); the current state is shown.</summary>
    AlreadyDecided,

    /// <summary>The disposisi kept changing under the click; the current state is shown, nothing changed.</summary>
    Stale,

    NotFound,
}

/// <summary>The answer to a click: what happened, the view to show the clicker, and a short message in both languages.</summary>
public sealed record DecisionOutcome(DecisionStatus Status, DisposisiView? View, Phrase Message);

/// <summary>One row of a leader's inbox: age in HK since sent, and HK left to the batas waktu (negative: late).</summary>
public sealed record InboxItem(Disposisi Disposisi, int AgeHk, DeadlineColour Colour, string? OnBehalfOf, int? HkLeft = null);

/// <summary>Where a card went: the addressee's copy, the Plt/Plh copies, and who could not be reached yet (no chat with the bot).</summary>
public sealed record CardDelivery(CardLocation? Addressee, IReadOnlyList<CardLocation> Delegates, IReadOnlyList<string> Unreachable)
{
    public static readonly CardDelivery None = new(null, [], []);
}

/// <summary>
/// Puts disposisi in front of people: the card to the addressee and their acting Plt/Plh, the updated card for every
/// viewer after a change, and short messages. Implemented by the Teams edge.
/// </summary>
public interface IDisposisiDelivery
{
    /// <summary>
    /// Sends the card to the addressee and to each of <see cref="DisposisiView.Delegates"/>; returns where it was posted
    /// and the ids of those who cannot be reached yet.
    /// </summary>
    Task<CardDelivery> SendCardAsync(DisposisiView view, CancellationToken cancellationToken = default);

    /// <summary>Replaces every posted copy of the card (<see cref="Disposisi.AllCards"/>) with the current state.</summary>
    Task UpdateCardsAsync(DisposisiView view, CancellationToken cancellationToken = default);

    /// <summary>Tells the officer the outcome of a decision (approved, returned, forwarded).</summary>
    Task TellOfficerAsync(DisposisiView view, CancellationToken cancellationToken = default);

    /// <summary>
    /// A short message to one person in their chat (e.g. the officer, when no leader could be found), in the person's
    /// language.
    /// </summary>
    Task TellAsync(string personId, Phrase text, CancellationToken cancellationToken = default);
}
