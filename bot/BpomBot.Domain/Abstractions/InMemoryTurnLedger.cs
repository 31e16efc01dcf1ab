using System.Collections.Concurrent;
using System.Globalization;

namespace BpomBot.Domain.Abstractions;

/// <summary>A process-local <see cref="ITurnLedger"/> for hosts and tests without storage; same rules as the table one.</summary>
public sealed class InMemoryTurnLedger : ITurnLedger
{
    private readonly ConcurrentDictionary<(string, string), Row> rows = new();
    private long versions;

    public Task<TurnClaim> TryBeginAsync(string conversationId, string activityId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var key = (conversationId, activityId);
        var started = new Row(false, now, null, NextVersion());
        if (rows.TryAdd(key, started))
        {
            return Task.FromResult(new TurnClaim(TurnClaimStatus.Claimed, started.Version));
        }

        var existing = rows[key];
        if (existing.Done)
        {
            return Task.FromResult(new TurnClaim(TurnClaimStatus.Done, existing.Version, existing.Result));
        }

        return Task.FromResult(now - existing.StartedAt >= lease && rows.TryUpdate(key, started, existing)
            ? new TurnClaim(TurnClaimStatus.Claimed, started.Version)
            : new TurnClaim(TurnClaimStatus.InProgress, existing.Version));
    }

    public Task CompleteAsync(string conversationId, string activityId, TurnClaim claim, string? result, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var key = (conversationId, activityId);
        if (rows.TryGetValue(key, out var existing) && existing.Version == claim.Version)
        {
            rows.TryUpdate(key, new Row(true, now, result, NextVersion()), existing);
        }

        return Task.CompletedTask;
    }

    public Task<string?> TryLockConversationAsync(string conversationId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var key = (conversationId, string.Empty);
        var held = new Row(false, now, null, NextVersion());
        if (rows.TryAdd(key, held))
        {
            return Task.FromResult<string?>(held.Version);
        }

        var existing = rows[key];
        return Task.FromResult<string?>((existing.Done || now - existing.StartedAt >= lease) && rows.TryUpdate(key, held, existing) ? held.Version : null);
    }

    public Task UnlockConversationAsync(string conversationId, string version, CancellationToken cancellationToken = default)
    {
        var key = (conversationId, string.Empty);
        if (rows.TryGetValue(key, out var existing) && existing.Version == version)
        {
            rows.TryUpdate(key, new Row(true, DateTimeOffset.MinValue, null, NextVersion()), existing);
        }

        return Task.CompletedTask;
    }

    private string NextVersion() => Interlocked.Increment(ref versions).ToString(CultureInfo.InvariantCulture);

    private sealed record Row(bool Done, DateTimeOffset StartedAt, string? Result, string Version);
}
