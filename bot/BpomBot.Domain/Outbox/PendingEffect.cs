using System.Security.Cryptography;
using System.Text;

namespace BpomBot.Domain.Outbox;

/// <summary>
/// A follow-up effect of a kegiatan change, stored on the kegiatan's own row by the same write as the change, so a crash
/// after that write cannot lose it. The relay (<see cref="OutboxRelay"/>) does it and then removes it; doing it twice
/// is harmless (every effect is idempotent). Kinds: <see cref="PendingEffectKinds"/>.
/// </summary>
/// <param name="Id">Unique within the kegiatan, derived from what it is about (e.g. "disposisi/A.4/0").</param>
/// <param name="Kind">What to do.</param>
/// <param name="StepId">The step it is about.</param>
/// <param name="Round">The step's submission round (<c>TimesReturned</c>) it was made for; a later round makes it obsolete.</param>
/// <param name="OfficerId">The officer whose change made it.</param>
/// <param name="CreatedAt">When the change was made (the background relay leaves young effects to the turn's own run).</param>
/// <param name="HistoryFrom">First index in the kegiatan's history of the change's audit events (copied to the audit log).</param>
/// <param name="HistoryTo">One past the last such index.</param>
/// <param name="NoLeaderTold">The officer and the unit's admin were told that no leader could be found (told once).</param>
public sealed record PendingEffect(
    string Id,
    string Kind,
    string StepId,
    int Round,
    string OfficerId,
    DateTimeOffset CreatedAt,
    int HistoryFrom = 0,
    int HistoryTo = 0,
    bool NoLeaderTold = false)
{
    /// <summary>The effect of a step that has just reached menunggu disposisi: send its disposisi and card, copy its audit events.</summary>
    public static PendingEffect Disposisi(string stepId, int round, string officerId, DateTimeOffset at, int historyFrom, int historyTo) =>
        new($"{PendingEffectKinds.Disposisi}/{stepId}/{round}", PendingEffectKinds.Disposisi, stepId, round, officerId, at, historyFrom, historyTo);
}

/// <summary>The kinds of <see cref="PendingEffect"/>.</summary>
public static class PendingEffectKinds
{
    /// <summary>Create the step's disposisi (deterministic id, <see cref="DisposisiIds"/>), send its card, copy the audit events.</summary>
    public const string Disposisi = "disposisi";
}

/// <summary>What an <see cref="Abstractions.IDisposisiRequester"/> made of a dispatch.</summary>
public enum DispatchStatus
{
    /// <summary>The disposisi is stored and its card is out (or its leader cannot receive cards yet and it waits in the inbox).</summary>
    Done,

    /// <summary>No leader could be found on the roster; retried until the roster has one.</summary>
    NoLeader,

    /// <summary>Something did not go through (the connector, storage); retried later.</summary>
    Retry,
}

/// <summary>The outcome of one dispatch, with the reason when it is not done.</summary>
public sealed record DispatchResult(DispatchStatus Status, string? Reason = null, bool Told = false)
{
    public static readonly DispatchResult Done = new(DispatchStatus.Done);
}

/// <summary>
/// The disposisi id of a step's submission round: the same kegiatan, step and round always give the same id, so a
/// relay that runs twice (two instances, a retry after a crash) finds the disposisi the first run made.
/// </summary>
public static class DisposisiIds
{
    public static string For(string kegiatanId, string stepId, int round)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kegiatanId}\n{stepId}\n{round}"));
        return "d" + Convert.ToHexStringLower(hash)[..15];
    }
}

/// <summary>
/// Where the kegiatan with pending effects are listed for the background relay: a marker per kegiatan, written before
/// the kegiatan row that holds the effects (so a stored effect always has its marker). Implemented by the kegiatan
/// repository of Table Storage; in-memory runs have none (the turn's own relay run does the work).
/// </summary>
public interface IOutboxIndex
{
    Task<IReadOnlyList<OutboxMarker>> ListOutboxAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the marker if it is still the version listed (a newer change re-wrote it: it stays).</summary>
    Task RemoveOutboxAsync(OutboxMarker marker, CancellationToken cancellationToken = default);
}

/// <summary>A kegiatan that may have pending effects; <paramref name="At"/> when the marker was written.</summary>
public sealed record OutboxMarker(string KegiatanId, DateTimeOffset At, string? Version);
