namespace BpomBot.Domain.Abstractions;

/// <summary>One dialog state (the JSON of one conversation, or of one user in a group conversation) and when it was written.</summary>
public sealed record DialogStateEntry(string Json, DateTimeOffset UpdatedAt);

/// <summary>
/// A conversation's turn row as read at the start of a turn: its version (the storage ETag, null when there is no row
/// yet), the dialog states kept in it, and the ring of the last <see cref="HandledRing.Capacity"/> distinct activities it
/// handled (redelivery detection; an invoke also has a ledger row with its answer).
/// </summary>
public sealed record ConversationTurnState(string? Version, IReadOnlyDictionary<string, DialogStateEntry> Dialogs, HandledRing Handled)
{
    public static ConversationTurnState Empty { get; } = new(null, new Dictionary<string, DialogStateEntry>(), HandledRing.Empty);
}

/// <summary>A handled activity as the ledger remembers it: the answer a redelivered invoke gets, and the commit that wrote it.</summary>
public sealed record HandledTurn(string ActivityId, string? Answer, DateTimeOffset HandledAt, string CommitId);

/// <summary>
/// One turn's writes, applied all or nothing: the conversation's row (only if it still has
/// <see cref="ExpectedVersion"/>; inserted when that is null), which carries <see cref="Handled"/> (with the activity's
/// id) and the commit id. A message's commit is that single write. When <see cref="LedgerRow"/> is set (an invoke, whose
/// answer must be repeated to a redelivery) a ledger row for <see cref="ActivityId"/> with <see cref="Answer"/> is
/// inserted in the same transaction. <see cref="CommitId"/> tells this commit apart from any other, so a commit retried
/// after a timeout that had in fact succeeded is recognised as success.
/// </summary>
public sealed record TurnCommit(
    string ConversationId,
    string? ExpectedVersion,
    IReadOnlyDictionary<string, DialogStateEntry> Dialogs,
    HandledRing Handled,
    string? ActivityId,
    string? Answer,
    DateTimeOffset Now,
    string CommitId,
    bool LedgerRow = false)
{
    /// <summary>True when the commit inserts a ledger row (and so is a two-row transaction).</summary>
    public bool WritesLedgerRow => LedgerRow && ActivityId is not null;
}

public enum TurnCommitOutcome
{
    /// <summary>Stored (by this attempt or by an earlier attempt of the same commit).</summary>
    Committed,

    /// <summary>The activity has a ledger row, or is in the row's handled ring, already: it was handled (on this or another instance); nothing was written.</summary>
    AlreadyHandled,

    /// <summary>Another turn of the conversation committed since the read; nothing was written, run the turn again.</summary>
    StateChanged,
}

/// <summary>
/// What a commit did; <see cref="Answer"/> is the stored answer when the activity had been handled already, and
/// <see cref="Version"/> the conversation row's new version when it is known (always for a commit without an activity).
/// </summary>
public sealed record TurnCommitResult(TurnCommitOutcome Outcome, string? Answer = null, string? Version = null);

/// <summary>
/// The turn's storage: per conversation, one row with the dialog states and the ring of handled ids (read once at the
/// start of a turn; its version is the conversation's lock; a message's commit writes only it) and, per handled invoke,
/// one ledger row with its answer, written together with the row in one transaction. Layout and retention:
/// docs/storage.md ("Turns").
/// </summary>
public interface ITurnLedger
{
    /// <summary>The conversation's row (one read); <see cref="ConversationTurnState.Empty"/> when it has none.</summary>
    Task<ConversationTurnState> ReadAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>The ledger row of an activity, or null when it was never handled (or has expired).</summary>
    Task<HandledTurn?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>Writes the turn (one transaction). Lost races are outcomes, not exceptions; storage trouble throws.</summary>
    Task<TurnCommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default);
}

/// <summary>How long the turn storage remembers (docs/storage.md, "Turns").</summary>
public static class TurnRetention
{
    /// <summary>
    /// Ledger rows (invokes only) live this long: far longer than any channel redelivers (seconds to minutes), so a
    /// redelivered invoke always gets its first answer, while the table does not grow without bound.
    /// </summary>
    public static readonly TimeSpan Ledger = TimeSpan.FromDays(7);

    /// <summary>
    /// A conversation row (dialog states, handled ring) untouched this long is removed: no channel redelivers an
    /// activity a month later, and it is longer than <see cref="Ledger"/>, so an invoke the removed row could still have
    /// recognised has no ledger row left to miss either way. A dialog state inside a live row (another user of a group
    /// chat) expires after the same idle time.
    /// </summary>
    public static readonly TimeSpan IdleConversation = TimeSpan.FromDays(30);
}
