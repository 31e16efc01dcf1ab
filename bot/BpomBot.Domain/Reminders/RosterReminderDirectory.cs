using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;

namespace BpomBot.Domain.Reminders;

/// <summary>
/// Zones from the unit catalogue; the atasan from the roster: a ketua tim of the officer's unit, else the unit's head
/// (kepala UPT, direktur/kepala pusat, PPTM/deputi, kepala BPOM), else the head of the next unit up (a Loka's Balai
/// Koordinator, a directorate's deputi, …). Unknown units fall back to WIB.
/// </summary>
public sealed class RosterReminderDirectory(UnitCatalog units, IRosterRepository roster) : IReminderDirectory
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly HashSet<string> HeadRoles =
        new(["kepalaupt", "kepalabalai", "kepalaloka", "direktur", "kepalapusat", "pptm", "deputi", "pptmdeputi", "kepalabpom"], StringComparer.Ordinal);

    public TimeZoneInfo ZoneOf(string unitId) =>
        units.Find(unitId) is { } unit ? TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZoneId) : Wib;

    public async Task<ReminderRecipient?> FindAtasanAsync(string personId, string unitId, CancellationToken cancellationToken = default)
    {
        var officer = await roster.GetPersonAsync(personId, cancellationToken);
        var officerRoles = officer?.Roles.Select(Normalize).ToHashSet(StringComparer.Ordinal) ?? [];
        var people = await roster.ListPeopleByUnitAsync(unitId, cancellationToken);
        var others = people.Where(p => p.AadObjectId != personId).ToList();
        if (!officerRoles.Contains("ketuatim") && !officerRoles.Overlaps(HeadRoles)
            && others.FirstOrDefault(p => p.Roles.Any(r => Normalize(r) == "ketuatim")) is { } ketua)
        {
            return new ReminderRecipient(ketua.AadObjectId, ketua.UnitId);
        }

        if (!officerRoles.Overlaps(HeadRoles) && Head(others) is { } head)
        {
            return new ReminderRecipient(head.AadObjectId, head.UnitId);
        }

        foreach (var parent in units.Find(unitId) is null ? [] : units.Ancestors(unitId))
        {
            if (Head(await roster.ListPeopleByUnitAsync(parent.Id, cancellationToken)) is { } up)
            {
                return new ReminderRecipient(up.AadObjectId, up.UnitId);
            }
        }

        return null;
    }

    private static PersonRecord? Head(IEnumerable<PersonRecord> people) =>
        people.FirstOrDefault(p => p.Roles.Any(r => HeadRoles.Contains(Normalize(r))));

    private static string Normalize(string role) =>
        new([.. role.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
