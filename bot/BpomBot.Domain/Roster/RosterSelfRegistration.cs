using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Organization;

namespace BpomBot.Domain.Roster;

/// <summary>What a person said at first contact in chat: they carry out the SOP, or they lead their unit.</summary>
public enum FirstContactRole
{
    Pelaksana,
    Pimpinan,
}

/// <summary>
/// First contact in chat: a person not yet on the roster picks their unit and says whether they are pelaksana or
/// pimpinan; they are stored with the roster's role ids (pimpinan becomes the head role of that kind of unit). A person
/// already on the roster keeps their roles: roles change only through the roster import or an admin. Every change is
/// audited.
/// </summary>
public sealed class RosterSelfRegistration(IRosterRepository roster, UnitCatalog units, IAuditLog audit, TimeProvider time)
{
    /// <summary>The roster role id of a unit's head: Kepala UPT, Direktur (or Kepala Pusat), PPTM, Kepala BPOM.</summary>
    public static string HeadRole(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Type switch
        {
            UnitType.Kepala => RosterRoles.KepalaBpom,
            UnitType.Deputi => RosterRoles.Pptm,
            UnitType.Direktorat or UnitType.Pusat => RosterRoles.Direktur,
            _ => RosterRoles.KepalaUpt,
        };
    }

    /// <summary>
    /// Stores the person's unit (and, when they are new, their role); returns the person as stored. A concurrent
    /// change (e.g. an import) wins: the stored entry is returned unchanged.
    /// </summary>
    public async Task<PersonRecord> RegisterAsync(
        string aadObjectId, string? teamsId, string name, string unitId, FirstContactRole role, CancellationToken cancellationToken = default)
    {
        var unit = units.Get(unitId);
        var existing = await roster.GetPersonAsync(aadObjectId, cancellationToken);
        IReadOnlyList<string> roles = existing is { Roles.Count: > 0 }
            ? existing.Roles
            : [role == FirstContactRole.Pimpinan ? HeadRole(unit) : RosterRoles.Pelaksana];
        var person = new PersonRecord(aadObjectId, teamsId ?? existing?.TeamsId, existing?.Name is { Length: > 0 } n ? n : name,
            existing?.Email ?? string.Empty, unit.Id, roles, existing?.Version);
        try
        {
            person = await roster.SavePersonAsync(person, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return await roster.GetPersonAsync(aadObjectId, cancellationToken) ?? person;
        }

        await audit.AppendAsync(new AuditEvent($"roster/{aadObjectId}", aadObjectId, null,
            existing is null ? "roster.self-registered" : "roster.unit-chosen", time.GetUtcNow(),
            existing is null ? null : $"{existing.UnitId} [{string.Join(";", existing.Roles)}]",
            $"{unit.Id} [{string.Join(";", roles)}]",
            existing is { Roles.Count: > 0 } ? "peran tetap (hanya impor roster atau admin yang mengubah peran)" : "pertama kali di chat"), cancellationToken);
        return person;
    }
}
