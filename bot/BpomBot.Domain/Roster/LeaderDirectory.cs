using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Roster;

/// <summary>The leader a step goes to, and why (shown to the officer); or, when nobody fits, the reason.</summary>
public sealed record LeaderResolution(PersonRecord? Leader, string Explanation);

/// <summary>
/// Answers roster questions for disposisi: which leader a step goes to (SOP roles + unit hierarchy), and whom a leader
/// may forward to (their subordinates).
/// </summary>
/// <remarks>
/// Rules: a UPT step goes to the kepala UPT of that unit; a Loka's report goes to its Balai Koordinator's kepala
/// (a Loka without its own kepala also goes there). A central unit's report goes to its direktur (the unit's head);
/// a step the leader decides, or a report from the direktur, goes to the nearest holder of the step's roles: PPTM
/// (the deputi above the unit), then Kepala BPOM.
/// </remarks>
public sealed class LeaderDirectory(UnitCatalog units, IRosterRepository roster)
{
    public async Task<LeaderResolution> ResolveAsync(string unitId, string officerId, SopStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var unit = units.Find(unitId);
        if (unit is null) return new LeaderResolution(null, $"Unit '{unitId}' tidak dikenal.");
        var rule = step.Disposisi;
        var roles = rule?.Roles ?? [];
        var reports = rule?.Mode != DisposisiMode.LeaderDecides;

        if (unit.IsUpt && !(roles.Count > 0 && roles.All(r => r == RosterRoles.KepalaBpom)))
        {
            var koordinator = unit.Type == UnitType.Loka && unit.ParentId is { } p ? units.Find(p) : null;
            if (koordinator is not null && (reports || step.LokaReportsToKoordinator))
                return await HeadAsync(koordinator, RosterRoles.KepalaUpt, $"Kepala {koordinator.Name} (Balai Koordinator {unit.Name})", cancellationToken);
            var own = await HeadAsync(unit, RosterRoles.KepalaUpt, $"Kepala {unit.Name}", cancellationToken);
            if (own.Leader is not null || koordinator is null) return own;
            return await HeadAsync(koordinator, RosterRoles.KepalaUpt, $"Kepala {koordinator.Name} (Balai Koordinator {unit.Name})", cancellationToken);
        }

        if (reports && unit.Type is UnitType.Direktorat or UnitType.Pusat)
        {
            var head = await HeadAsync(unit, RosterRoles.Direktur, $"Direktur/Kepala {unit.Name}", cancellationToken);
            if (head.Leader is not null && !string.Equals(head.Leader.AadObjectId, officerId, StringComparison.OrdinalIgnoreCase))
                return head;
        }

        foreach (var role in roles.Count > 0 ? OrderByDistance(roles) : [RosterRoles.Pptm, RosterRoles.KepalaBpom])
        {
            var target = role == RosterRoles.Pptm
                ? new[] { unit }.Concat(units.Ancestors(unit.Id)).FirstOrDefault(u => u.Type == UnitType.Deputi)
                : role == RosterRoles.KepalaBpom ? units.Units.FirstOrDefault(u => u.Type == UnitType.Kepala) : null;
            if (target is null) continue;
            var found = await HeadAsync(target, role, $"{RosterRoles.Name(role)}: {target.Name}", cancellationToken);
            if (found.Leader is not null) return found;
        }

        return new LeaderResolution(null, $"Belum ada pimpinan ({string.Join(" atau ", roles.Select(RosterRoles.Name))}) untuk {unit.Name} di daftar pegawai; minta admin mengimpor roster.");
    }

    /// <summary>
    /// Whom a leader may forward a disposisi to: the other people of their unit, and the heads of the units directly
    /// below it (deputi → direktur, Kepala BPOM → deputi, Balai Koordinator → kepala Loka).
    /// </summary>
    public async Task<IReadOnlyList<PersonRecord>> SubordinatesAsync(PersonRecord leader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leader);
        var result = (await roster.ListPeopleByUnitAsync(leader.UnitId, cancellationToken))
            .Where(p => !string.Equals(p.AadObjectId, leader.AadObjectId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var child in units.Units.Where(u => string.Equals(u.ParentId, leader.UnitId, StringComparison.OrdinalIgnoreCase)))
        {
            result.AddRange((await roster.ListPeopleByUnitAsync(child.Id, cancellationToken)).Where(p => p.Roles.Any(RosterRoles.Leaders.Contains)));
        }

        return [.. result.DistinctBy(p => p.AadObjectId).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        roster.GetPersonAsync(aadObjectId, cancellationToken);

    /// <summary>
    /// Records a person's channel user id (needed for per-user card refresh) when first seen; a lost race is ignored,
    /// the next activity records it again.
    /// </summary>
    public async Task RememberTeamsIdAsync(string aadObjectId, string? teamsId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(teamsId) || await roster.GetPersonAsync(aadObjectId, cancellationToken) is not { } person || person.TeamsId == teamsId)
            return;
        try
        {
            await roster.SavePersonAsync(person with { TeamsId = teamsId }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // changed meanwhile (e.g. an import); not worth retrying on the click path
        }
    }

    /// <summary>A person by e-mail/UPN (case-insensitive), searched unit by unit; null when not on the roster.</summary>
    public async Task<PersonRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        foreach (var unit in units.Units)
        {
            var match = (await roster.ListPeopleByUnitAsync(unit.Id, cancellationToken))
                .FirstOrDefault(p => string.Equals(p.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is not null) return match;
        }

        return null;
    }

    /// <summary>The SOP lists roles as written in the step; the nearer leader (PPTM) is tried before Kepala BPOM.</summary>
    private static IEnumerable<string> OrderByDistance(IReadOnlyList<string> roles) =>
        roles.Where(r => r is RosterRoles.Pptm or RosterRoles.KepalaBpom).OrderBy(r => r == RosterRoles.Pptm ? 0 : 1);

    private async Task<LeaderResolution> HeadAsync(Unit unit, string role, string explanation, CancellationToken cancellationToken)
    {
        var people = await roster.ListPeopleByUnitAsync(unit.Id, cancellationToken);
        var head = people.Where(p => p.Roles.Contains(role)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        return head is null
            ? new LeaderResolution(null, $"Belum ada {RosterRoles.Name(role)} untuk {unit.Name} di daftar pegawai; minta admin mengimpor roster.")
            : new LeaderResolution(head, explanation);
    }
}
