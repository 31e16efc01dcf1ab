using System.Text.Json.Serialization;

namespace BpomBot.Domain.Roster;

/// <summary>
/// A Plt/Plh: <see cref="DelegateId"/> may act for <see cref="LeaderId"/> from <see cref="From"/> to <see cref="To"/>
/// (both inclusive, dates in the leader's unit). Decisions made under it are recorded "a.n." the leader.
/// </summary>
public sealed record Delegation(
    string Id,
    string LeaderId,
    string DelegateId,
    DelegationKind Kind,
    DateOnly From,
    DateOnly To,
    string SetBy,
    DateTimeOffset SetAt,
    bool Revoked = false,
    string? Version = null)
{
    public bool IsActiveOn(DateOnly date) => !Revoked && From <= date && date <= To;

    /// <summary>Checks a new delegation before it is stored; returns an Indonesian reason or null when valid.</summary>
    public static string? Validate(string leaderId, string delegateId, DateOnly from, DateOnly to)
    {
        if (string.IsNullOrWhiteSpace(leaderId) || string.IsNullOrWhiteSpace(delegateId))
            return "Pimpinan dan pelaksana harian (Plt/Plh) wajib diisi.";
        if (string.Equals(leaderId, delegateId, StringComparison.OrdinalIgnoreCase))
            return "Pimpinan tidak dapat menunjuk dirinya sendiri sebagai Plt/Plh.";
        if (to < from)
            return $"Tanggal selesai {to:dd-MM-yyyy} sebelum tanggal mulai {from:dd-MM-yyyy}.";
        return to.DayNumber - from.DayNumber > 366 ? "Masa Plt/Plh paling lama satu tahun." : null;
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<DelegationKind>))]
public enum DelegationKind
{
    /// <summary>Pelaksana Tugas: the post is vacant or the holder is away long-term.</summary>
    Plt,

    /// <summary>Pelaksana Harian: the holder is away for a short time.</summary>
    Plh,
}

/// <summary>Stored Plt/Plh delegations.</summary>
public interface IDelegationRepository
{
    /// <summary>Delegations given by a leader (all, including past and revoked).</summary>
    Task<IReadOnlyList<Delegation>> ListByLeaderAsync(string leaderId, CancellationToken cancellationToken = default);

    /// <summary>Delegations held by a delegate (all, including past and revoked).</summary>
    Task<IReadOnlyList<Delegation>> ListByDelegateAsync(string delegateId, CancellationToken cancellationToken = default);

    /// <summary>Inserts (Version null) or conditionally replaces; returns the delegation with its new version.</summary>
    /// <exception cref="Abstractions.ConcurrencyConflictException">It changed, or already exists, since it was read.</exception>
    Task<Delegation> SaveAsync(Delegation delegation, CancellationToken cancellationToken = default);
}
