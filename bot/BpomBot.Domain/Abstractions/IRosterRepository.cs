namespace BpomBot.Domain.Abstractions;

/// <summary>An organisational unit (UPT or Unit Kerja Pusat).</summary>
public sealed record UnitRecord(string Id, string Name, string Type, string? ParentId, string TimeZoneId, string? Version = null);

/// <summary>A person on the roster.</summary>
public sealed record PersonRecord(
    string AadObjectId,
    string? TeamsId,
    string Name,
    string Email,
    string UnitId,
    IReadOnlyList<string> Roles,
    string? Version = null);

/// <summary>Units and the people in them.</summary>
public interface IRosterRepository
{
    Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default);

    /// <exception cref="ConcurrencyConflictException">The unit changed, or already exists, since it was read.</exception>
    Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default);

    Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default);

    /// <exception cref="ConcurrencyConflictException">The person changed, or already exists, since it was read.</exception>
    Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default);
}
