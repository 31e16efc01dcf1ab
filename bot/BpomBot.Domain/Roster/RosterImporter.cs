using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Organization;

namespace BpomBot.Domain.Roster;

/// <summary>The result of an import: how many people were added and updated, or every error (nothing stored).</summary>
public sealed record RosterImportResult(int Added, int Updated, IReadOnlyList<RosterError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a roster CSV: validates every row against the unit catalogue first and writes only when all rows are valid,
/// so a file with a bad row changes nothing. Existing people are updated (by Entra object id), new ones added.
/// </summary>
public sealed class RosterImporter(IRosterRepository roster, UnitCatalog units, IAuditLog audit, TimeProvider time)
{
    public RosterImport Validate(string csv) => RosterCsv.Parse(csv, id => units.Find(id) is not null);

    public async Task<RosterImportResult> ImportAsync(string csv, string actorId, CancellationToken cancellationToken = default)
    {
        var parsed = Validate(csv);
        if (!parsed.IsValid) return new RosterImportResult(0, 0, parsed.Errors);

        int added = 0, updated = 0;
        foreach (var entry in parsed.Entries)
        {
            for (var attempt = 0; ; attempt++)
            {
                var existing = await roster.GetPersonAsync(entry.AadObjectId, cancellationToken);
                var person = new PersonRecord(entry.AadObjectId, entry.TeamsId ?? existing?.TeamsId, entry.Name, entry.Email,
                    units.Get(entry.UnitId).Id, entry.Roles, existing?.Version);
                try
                {
                    await roster.SavePersonAsync(person, cancellationToken);
                    if (existing is null) added++;
                    else updated++;
                    var before = existing is null ? null : $"{existing.UnitId} [{string.Join(";", existing.Roles)}]";
                    var after = $"{person.UnitId} [{string.Join(";", person.Roles)}]";
                    if (before != after)
                    {
                        await audit.AppendAsync(new AuditEvent($"roster/{person.AadObjectId}", actorId, null, "roster.person-changed", time.GetUtcNow(),
                            before, after, $"impor roster baris {entry.Line}"), cancellationToken);
                    }

                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < 2)
                {
                    // changed by a concurrent import or a Teams id capture: re-read and write again
                }
            }
        }

        await audit.AppendAsync(new AuditEvent("roster", actorId, null, "roster.imported", time.GetUtcNow(), null,
            $"{added} baru, {updated} diperbarui", $"{parsed.Entries.Count} baris"), cancellationToken);
        return new RosterImportResult(added, updated, []);
    }
}
