using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Roster;

/// <summary>A person's <see cref="ExecutorProfile"/> (unit and roles) from the roster, for the engine's Pelaksana check.</summary>
public sealed class ExecutorDirectory(UnitCatalog units, IRosterRepository roster)
{
    /// <summary>The person's profile, or null when they are not on the roster or their unit is unknown.</summary>
    public async Task<ExecutorProfile?> ProfileAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        await roster.GetPersonAsync(aadObjectId, cancellationToken) is { } person && units.Find(person.UnitId) is { } unit
            ? new ExecutorProfile(unit, person.Roles)
            : null;
}
