namespace BpomBot.Domain.Abstractions;

/// <summary>Where the disposisi of a step waiting for a leader stands, as the officer's task list shows it.</summary>
public enum DisposisiProgressKind
{
    /// <summary>No disposisi is waiting: no leader could be found, or it was never sent.</summary>
    BelumTerkirim,

    /// <summary>Sent and waiting for the leader (or their Plt/Plh).</summary>
    Menunggu,

    /// <summary>The leader forwarded it for input and still decides.</summary>
    Diteruskan,
}

/// <param name="Kind">Where it stands.</param>
/// <param name="LeaderName">The leader it waits on (null when none was found).</param>
/// <param name="SentAt">When it was sent (null when not sent).</param>
/// <param name="BatasWaktu">The leader's batas waktu (null when not sent).</param>
/// <param name="Explanation">Why it was not sent, or whom it was forwarded to; in Indonesian.</param>
/// <param name="Reachable">False when the leader has no chat with the bot yet, so the card waits in their inbox.</param>
/// <param name="Why">Why it was not sent, in both languages (the reader's is picked at the edge).</param>
public sealed record DisposisiProgress(
    DisposisiProgressKind Kind, string? LeaderName, DateTimeOffset? SentAt, DateOnly? BatasWaktu, string? Explanation, bool Reachable = true, Phrase? Why = null);
