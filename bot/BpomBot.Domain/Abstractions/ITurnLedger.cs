namespace BpomBot.Domain.Abstractions;

/// <summary>What <see cref="ITurnLedger.TryBeginAsync"/> found for an activity.</summary>
public enum TurnClaimStatus
{
    /// <summary>This caller owns the turn now (first delivery, or an earlier owner's lease ran out).</summary>
    Claimed,

    /// <summary>Another delivery of the same activity is being handled (on this or another instance).</summary>
    InProgress,

    /// <summary>The activity was handled already; <see cref="TurnClaim.Result"/> is what the first delivery answered.</summary>
    Done,
}

/// <summary>The ledger's answer; <see cref="Version"/> fences the completion write of a claimed turn.</summary>
public sealed record TurnClaim(TurnClaimStatus Status, string? Version = null, string? Result = null);

/// <summary>
/// Durable record of handled activities, keyed by conversation and activity id: a redelivered activity (the channel's
/// retry, a second instance, a repeat after a crash) is recognised however many other activities came in between.
/// </summary>
public interface ITurnLedger
{
    /// <summary>Claims the activity for one handling (an insert that fails when it exists); a claim older than <paramref name="lease"/> is taken over.</summary>
    Task<TurnClaim> TryBeginAsync(string conversationId, string activityId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed activity handled, with the answer to give a redelivery (an invoke's body); a lost fence is ignored.</summary>
    Task CompleteAsync(string conversationId, string activityId, TurnClaim claim, string? result, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the conversation's turn lock (across instances) unless another holder's lock is younger than
    /// <paramref name="lease"/>; the lock's version, or null when it is held.
    /// </summary>
    Task<string?> TryLockConversationAsync(string conversationId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Releases a lock taken with <see cref="TryLockConversationAsync"/> (nothing when it was taken over).</summary>
    Task UnlockConversationAsync(string conversationId, string version, CancellationToken cancellationToken = default);
}
