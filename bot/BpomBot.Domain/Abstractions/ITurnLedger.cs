namespace BpomBot.Domain.Abstractions;

/// <summary>One dialog state (the JSON of one conversation, or of one user in a group conversation) and when it was written.</summary>
public sealed record DialogStateEntry(string Json, DateTimeOffset UpdatedAt);

/// <summary>A handled activity id in the conversation row, and when it was handled.</summary>
public sealed record RecentTurn(string Id, DateTimeOffset At);

/// <summary>
/// A conversation's turn row as read at the start of a turn: its version (the storage ETag, null when there is no row
/// yet), the dialog states kept in it, and the ids of the activities it handled recently (every id of the last
/// <see cref="TurnRetention.RecentWindow"/>, and at least the last <see cref="TurnRetention.RecentKept"/>): the
/// redelivery check of a message; invokes also have ledger rows.
/// </summary>
public sealed record ConversationTurnState(string? Version, IReadOnlyDictionary<string, DialogStateEntry> Dialogs, IReadOnlyList<RecentTurn> Recent)
{
    public static ConversationTurnState Empty { get; } = new(null, new Dictionary<string, DialogStateEntry>(), []);

    /// <summary>True when the row remembers <paramref name="activityId"/> as handled.</summary>
    public bool Handled(string activityId) => Recent.Any(r => r.Id == activityId);
}

/// <summary>A handled activity as the ledger remembers it: the answer a redelivered invoke gets, and the commit that wrote it.</summary>
public sealed record HandledTurn(string ActivityId, string? Answer, DateTimeOffset HandledAt, string CommitId);

/// <summary>
/// One turn's writes, applied all or nothing: the conversation's row (only if it still has
/// <see cref="ExpectedVersion"/>; inserted when that is null) and, when <see cref="ActivityId"/> is set and
/// <see cref="LedgerRow"/> is true (invokes: their answer must be repeated), a new ledger row for the activity in the same
/// transaction. Without a ledger row the commit is a single-entity write. <see cref="CommitId"/> tells this commit apart
/// from any other, so a commit retried after a timeout that had in fact succeeded is recognised as success.
/// </summary>
public sealed record TurnCommit(
    string ConversationId,
    string? ExpectedVersion,
    IReadOnlyDictionary<string, DialogStateEntry> Dialogs,
    IReadOnlyList<RecentTurn> Recent,
    string? ActivityId,
    string? Answer,
    DateTimeOffset Now,
    string CommitId,
    bool LedgerRow = true)
{
    /// <summary>True when the commit writes a ledger row (and so is a two-row transaction).</summary>
    public bool WritesLedgerRow => LedgerRow && ActivityId is not null;
}

public enum TurnCommitOutcome
{
    /// <summary>Stored (by this attempt or by an earlier attempt of the same commit).</summary>
    Committed,

    /// <summary>The activity has a ledger row, or is among the row's recent ids, already: it was handled (on this or another instance); nothing was written.</summary>
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
/// The turn's storage: per conversation, one row with the dialog states and the recent handled ids (read once at the
/// start of a turn; its version is the conversation's lock, and a message's commit writes only it) and, for an invoke,
/// one ledger row with its answer, written together with the row in one transaction at the end of the turn. Layout and
/// retention: docs/storage.md ("Turns").
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
    /// Ledger rows live this long: far longer than any channel redelivers (seconds to minutes), so a redelivered
    /// activity is always recognised, while the table does not grow without bound.
    /// </summary>
    public static readonly TimeSpan Ledger = TimeSpan.FromDays(7);

    /// <summary>
    /// A conversation row (dialog states, recent ids) untouched this long is removed; longer than <see cref="Ledger"/>,
    /// so every activity the removed row could still have recognised has no ledger row left to miss either way.
    /// A dialog state inside a live row (another user of a group chat) expires after the same idle time.
    /// </summary>
    public static readonly TimeSpan IdleConversation = TimeSpan.FromDays(30);

    /// <summary>
    /// Every id handled this recently stays in the conversation row, so any redelivery inside it is caught by the turn's
    /// one read. Far longer than a channel redelivers (Bot Framework retries within seconds); a message has no ledger row,
    /// so the row is its only memory.
    /// </summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(15);

    /// <summary>At least this many of the last handled ids stay in the row, however old (repeats do not push ids out).</summary>
    public const int RecentKept = 32;

    /// <summary>
    /// At most this many ids stay in the row (about 70 KB), the oldest going first: more distinct messages in one
    /// conversation within <see cref="RecentWindow"/> than a person or Teams' per-conversation limits allow.
    /// </summary>
    public const int RecentMax = 1000;
}
