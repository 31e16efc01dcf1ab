using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Disposisi;

/// <summary>
/// Everything a disposisi card shows to one viewer: the disposisi, its kegiatan and SOP step, the people involved
/// (<see cref="Delegates"/>: the addressee's Plt/Plh active today), and what this viewer may do
/// (<see cref="Authority"/> null: read-only).
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
    string? Note = null)
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

/// <summary>The answer to a click: what happened, the view to show the clicker, and a short Indonesian message.</summary>
public sealed record DecisionOutcome(DecisionStatus Status, DisposisiView? View, string Message);

/// <summary>One row of a leader's inbox.</summary>
public sealed record InboxItem(Disposisi Disposisi, int AgeHk, DeadlineColour Colour, string? OnBehalfOf);

/// <summary>
/// Puts disposisi in front of people: the card to the addressee, and after a decision the updated card for every
/// viewer plus a message to the officer. Implemented by the Teams edge.
/// </summary>
public interface IDisposisiDelivery
{
    /// <summary>Sends the card to the addressee; returns where it was posted, or null when they cannot be reached yet.</summary>
    Task<CardLocation?> SendCardAsync(DisposisiView view, CancellationToken cancellationToken = default);

    /// <summary>Replaces the posted card for everyone with the decided state and tells the officer the outcome.</summary>
    Task PublishDecisionAsync(DisposisiView view, CancellationToken cancellationToken = default);

    /// <summary>A short message to one person in their chat (e.g. the officer, when no leader could be found).</summary>
    Task TellAsync(string personId, string text, CancellationToken cancellationToken = default);
}
