namespace BpomBot.Domain.Abstractions;

/// <summary>One dialog state (the JSON of one conversation, or of one user in a group conversation) and when it was written.</summary>
public sealed record DialogStateEntry(string Json, DateTimeOffset UpdatedAt);

/// <summary>
/// A conversation's turn row as read at the start of a turn: its version (the storage ETag, null when there is no row
/// yet), the dialog states kept in it, and the ids of the last activities it handled (the fast path of redelivery
/// detection; the ledger rows are the full memory).
/// </summary>
public sealed record ConversationTurnState(string? Version, IReadOnlyDictionary<string, DialogStateEntry> Dialogs, IReadOnlyList<string> Recent)
{
    public static ConversationTurnState Empty { get; } = new(null, new Dictionary<string, DialogStateEntry>(), []);
}

/// <summary>A handled activity as the ledger remembers it: the answer a redelivered invoke gets, and the commit that wrote it.</summary>
public sealed record HandledTurn(string ActivityId, string? Answer, DateTimeOffset HandledAt, string CommitId);

/// <summary>
/// One turn's writes, applied all or nothing: the conversation's row (only if it still has
/// <see cref="ExpectedVersion"/>; inserted when that is null) and, when <see cref="ActivityId"/> is set, a new ledger row
/// for the activity. <see cref="CommitId"/> tells this commit apart from any other, so a commit retried after a timeout
/// that had in fact succeeded is recognised as success.
/// </summary>
public sealed record TurnCommit(
    string ConversationId,
    string? ExpectedVersion,
    IReadOnlyDictionary<string, DialogStateEntry> Dialogs,
    IReadOnlyList<string> Recent,
    string? ActivityId,
    string? Answer,
    DateTimeOffset Now,
    string CommitId);

public enum TurnCommitOutcome
{
    /// <summary>Stored (by this attempt or by an earlier attempt of the same commit).</summary>
    Committed,

    /// <summary>The activity has a ledger row already: it was handled (on this or another instance); nothing was written.</summary>
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
/// start of a turn; its version is the conversation's lock) and one ledger row per handled activity, written together
/// with the row in one transaction at the end of the turn. Layout and retention: docs/storage.md ("Turns").
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

    /// <summary>Ids of handled activities kept in the conversation row (the fast path; repeats do not push ids out).</summary>
    public const int RecentKept = 32;
}
