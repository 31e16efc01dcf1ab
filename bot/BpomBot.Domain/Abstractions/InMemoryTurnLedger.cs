using System.Globalization;

namespace BpomBot.Domain.Abstractions;

/// <summary>A process-local <see cref="ITurnLedger"/> for hosts and tests without storage; same rules as the table one.</summary>
public sealed class InMemoryTurnLedger(TimeProvider timeProvider) : ITurnLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Row> rows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), HandledTurn> ledger = [];
    private long versions;
    private DateTimeOffset pruned = DateTimeOffset.MinValue;

    public InMemoryTurnLedger()
        : this(TimeProvider.System)
    {
    }

    public Task<ConversationTurnState> ReadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.TryGetValue(conversationId, out var row)
                ? new ConversationTurnState(row.Version, row.Dialogs, row.Handled)
                : ConversationTurnState.Empty);
        }
    }

    public Task<HandledTurn?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(ledger.GetValueOrDefault((conversationId, activityId)));
        }
    }

    public Task<TurnCommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (gate)
        {
            Prune();
            var current = rows.GetValueOrDefault(commit.ConversationId);
            if (commit.WritesLedgerRow && commit.ActivityId is { } activityId && ledger.TryGetValue((commit.ConversationId, activityId), out var handled))
            {
                return Task.FromResult(new TurnCommitResult(TurnCommitOutcome.AlreadyHandled, handled.Answer));
            }

            if (current?.Version != commit.ExpectedVersion)
            {
                return Task.FromResult(new TurnCommitResult(
                    commit.ActivityId is { } ringId && current is not null && current.Handled.Contains(ringId) ? TurnCommitOutcome.AlreadyHandled : TurnCommitOutcome.StateChanged));
            }

            var version = (++versions).ToString(CultureInfo.InvariantCulture);
            rows[commit.ConversationId] = new Row(version, new Dictionary<string, DialogStateEntry>(commit.Dialogs), commit.Handled, commit.Now);
            if (commit.WritesLedgerRow && commit.ActivityId is { } id)
            {
                ledger[(commit.ConversationId, id)] = new HandledTurn(id, commit.Answer, commit.Now, commit.CommitId);
            }

            return Task.FromResult(new TurnCommitResult(TurnCommitOutcome.Committed, Version: version));
        }
    }

    /// <summary>The retention policy of the table ledger (<see cref="TurnRetention"/>), applied at most hourly.</summary>
    private void Prune()
    {
        var now = timeProvider.GetUtcNow();
        if (now - pruned < TimeSpan.FromHours(1))
        {
            return;
        }

        pruned = now;
        foreach (var key in ledger.Where(e => now - e.Value.HandledAt > TurnRetention.Ledger).Select(e => e.Key).ToList())
        {
            ledger.Remove(key);
        }

        foreach (var key in rows.Where(e => now - e.Value.WrittenAt > TurnRetention.IdleConversation).Select(e => e.Key).ToList())
        {
            rows.Remove(key);
        }
    }

    private sealed record Row(string Version, IReadOnlyDictionary<string, DialogStateEntry> Dialogs, HandledRing Handled, DateTimeOffset WrittenAt);
}
