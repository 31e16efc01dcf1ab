namespace BpomBot.Domain.Abstractions;

/// <summary>
/// The storage side of one turn (one per DI scope): the conversation row read at the start, and the dialog-state
/// changes the handlers staged, which the turn runner writes in one commit (with an invoke's ledger row).
/// </summary>
public sealed class TurnUnit
{
    private readonly Dictionary<string, DialogStateEntry?> staged = new(StringComparer.Ordinal);
    private int stagedCount;

    /// <summary>The conversation of the open turn; null before <see cref="Open"/>.</summary>
    public string? ConversationId { get; private set; }

    /// <summary>The conversation row as read at the start of the turn.</summary>
    public ConversationTurnState State { get; private set; } = ConversationTurnState.Empty;

    public bool IsOpen => ConversationId is not null;

    public void Open(string conversationId, ConversationTurnState state)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(state);
        if (IsOpen)
        {
            throw new InvalidOperationException("A turn is already open in this scope.");
        }

        ConversationId = conversationId;
        State = state;
    }

    /// <summary>True when <paramref name="key"/> (a dialog-state key) belongs to the open turn's conversation.</summary>
    public bool Covers(string key) =>
        ConversationId is { } id && (key == id || (key.Length > id.Length && key.StartsWith(id, StringComparison.Ordinal) && key[id.Length] == '|'));

    /// <summary>The dialog state of <paramref name="key"/> as the handlers see it now (read, then staged), with its version.</summary>
    public (DialogStateEntry? Entry, string? Version) Get(string key)
    {
        if (staged.TryGetValue(key, out var entry))
        {
            return (entry, entry is null ? null : Version());
        }

        return State.Dialogs.TryGetValue(key, out var read) ? (read, Version()) : (null, null);
    }

    /// <summary>
    /// Stages a write (null: delete); the new version. Within one turn the handlers run one at a time, so a document
    /// read in this turn (or a new one) may be saved again; only a document read in another turn is refused (the
    /// commit's check on the row's version covers the rest). <paramref name="strict"/> asks for the exact version.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The document was not read in this turn.</exception>
    public string? Stage(string key, DialogStateEntry? entry, string? expectedVersion, bool strict = false)
    {
        var (_, version) = Get(key);
        var fromThisTurn = expectedVersion is null || expectedVersion.StartsWith((State.Version ?? "new") + "#", StringComparison.Ordinal);
        if (strict ? version != expectedVersion : !fromThisTurn)
        {
            throw new ConcurrencyConflictException($"Dialog state {key} was changed since it was read (version {expectedVersion}, now {version}).");
        }

        staged[key] = entry;
        stagedCount++;
        return entry is null ? null : Version();
    }

    /// <summary>
    /// The turn's commit: the row's dialog states with the staged changes (idle ones of other users dropped, see
    /// <see cref="TurnRetention.IdleConversation"/>), the handled ring with this activity, and, when
    /// <paramref name="ledgerRow"/> (an invoke, whose answer must be repeated), its ledger row with <paramref name="answer"/>.
    /// </summary>
    public TurnCommit ToCommit(string? activityId, string? answer, DateTimeOffset now, string commitId, bool ledgerRow = false)
    {
        var conversationId = ConversationId ?? throw new InvalidOperationException("No turn is open.");
        var dialogs = new Dictionary<string, DialogStateEntry>(StringComparer.Ordinal);
        foreach (var (key, entry) in State.Dialogs)
        {
            if (now - entry.UpdatedAt <= TurnRetention.IdleConversation)
            {
                dialogs[key] = entry;
            }
        }

        foreach (var (key, entry) in staged)
        {
            if (entry is null)
            {
                dialogs.Remove(key);
            }
            else
            {
                dialogs[key] = entry;
            }
        }

        var handled = activityId is null ? State.Handled : State.Handled.With(activityId);
        return new TurnCommit(conversationId, State.Version, dialogs, handled, activityId, answer, now, commitId, ledgerRow);
    }

    /// <summary>The version <see cref="Get"/> hands out for a dialog state of a row read at <paramref name="rowVersion"/>, before any change.</summary>
    public static string VersionOf(string? rowVersion) => $"{rowVersion ?? "new"}#0";

    private string Version() => $"{State.Version ?? "new"}#{stagedCount}";
}

/// <summary>
/// <see cref="IDialogStateRepository"/> over the open turn (<see cref="TurnUnit"/>): a read returns the row read at the
/// start of the turn (no round trip), a save stages into the turn's commit. Outside a turn (tools, tests) it reads and
/// commits at once, with the key as the conversation.
/// </summary>
public sealed class TurnDialogStateRepository(TurnUnit unit, ITurnLedger ledger, TimeProvider timeProvider) : IDialogStateRepository
{
    public async Task<DialogStateDocument?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var turn = await TurnForAsync(conversationId, cancellationToken);
        var (entry, version) = turn.Get(conversationId);
        return entry is null ? null : new DialogStateDocument(conversationId, entry.Json, entry.UpdatedAt, version);
    }

    public async Task<DialogStateDocument> SaveAsync(DialogStateDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var turn = await TurnForAsync(document.ConversationId, cancellationToken);
        var version = turn.Stage(document.ConversationId, new DialogStateEntry(document.Json, document.UpdatedAt), document.Version, strict: turn != unit);
        return document with { Version = await CommitIfStandaloneAsync(turn, cancellationToken) ?? version };
    }

    public async Task DeleteAsync(string conversationId, string? version, CancellationToken cancellationToken = default)
    {
        var turn = await TurnForAsync(conversationId, cancellationToken);
        var current = turn.Get(conversationId);
        if (current.Entry is null)
        {
            return; // already gone
        }

        turn.Stage(conversationId, null, version ?? current.Version, strict: turn != unit);
        await CommitIfStandaloneAsync(turn, cancellationToken);
    }

    private async Task<TurnUnit> TurnForAsync(string key, CancellationToken cancellationToken)
    {
        if (unit.Covers(key))
        {
            return unit;
        }

        var standalone = new TurnUnit();
        standalone.Open(key, await ledger.ReadAsync(key, cancellationToken));
        return standalone;
    }

    /// <summary>Commits a standalone change at once; the version a fresh read of it hands out (null inside a turn).</summary>
    private async Task<string?> CommitIfStandaloneAsync(TurnUnit turn, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(turn, unit))
        {
            return null;
        }

        var result = await ledger.CommitAsync(turn.ToCommit(null, null, timeProvider.GetUtcNow(), Guid.NewGuid().ToString("N")), cancellationToken);
        if (result.Outcome != TurnCommitOutcome.Committed)
        {
            throw new ConcurrencyConflictException($"Dialog state {turn.ConversationId} was changed by another turn; reload and try again.");
        }

        return TurnUnit.VersionOf(result.Version);
    }
}
