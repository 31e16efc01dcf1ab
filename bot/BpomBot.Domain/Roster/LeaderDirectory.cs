using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Roster;

/// <summary>
/// The leader a step goes to, and why (shown to the officer and on the card, in both languages); or, when nobody fits,
/// the reason.
/// </summary>
public sealed record LeaderResolution(PersonRecord? Leader, Phrase Reason)
{
    /// <summary>The Indonesian of <see cref="Reason"/>.</summary>
    public string Explanation => Reason.Indonesian;
}

/// <summary>
/// What decides a step's leader: the officer's unit, the step, and from the kegiatan the sub-process's Unit Kerja
/// Pusat (Deskripsi 9) and, for a report the SOP routes by function and commodity (Keterangan B.4), the route taken.
/// </summary>
public sealed record LeaderQuery(
    string UnitId,
    string OfficerId,
    SopStep Step,
    UnitKerjaPusatRule? UnitKerjaPusat = null,
    SopReportRoute? Route = null);

/// <summary>
/// Answers roster questions for disposisi: which leader a step goes to (SOP roles + unit hierarchy), and whom a leader
/// may forward to (their subordinates).
/// </summary>
/// <remarks>
/// Rules, by the step's <see cref="SopDisposisiRule.Recipient"/>:
/// <list type="bullet">
/// <item>unit-head ("kepada pimpinan/Unit Kerja Pusat", A.4, B.4): a report the SOP routes to a directorate (B.4 by
/// function and commodity) goes to that directorate's Direktur; otherwise a UPT's goes to its Kepala, a Loka's to its
/// Balai Koordinator's Kepala (the reporting line of the Tata Hubungan decree), a central unit's to its Direktur, and
/// the Direktur's own to the PPTM above.</item>
/// <item>named-roles (A.8, A.9, B.9, C.6, C.7, D.6, D.8): the PPTM (the Deputi above the unit, or above the
/// sub-process's Unit Kerja Pusat when the unit is a UPT), else Kepala BPOM; never a Kepala UPT or a Direktur.</item>
/// </list>
/// </remarks>
public sealed class LeaderDirectory(UnitCatalog units, IRosterRepository roster)
{
    public Task<LeaderResolution> ResolveAsync(string unitId, string officerId, SopStep step, CancellationToken cancellationToken = default) =>
        ResolveAsync(new LeaderQuery(unitId, officerId, step), cancellationToken);

    /// <summary>The leader of the kegiatan's current step (its SOP revision, programme and report route).</summary>
    public Task<LeaderResolution> ResolveAsync(Kegiatan kegiatan, SopDefinition sop, SopStep step, string officerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(sop);
        var sub = sop.FindSubProcess(kegiatan.SubProcess);
        var route = step.ReportRoutes.FirstOrDefault(r =>
            string.Equals(r.Function, kegiatan.Fungsi, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Commodity, kegiatan.Komoditas, StringComparison.OrdinalIgnoreCase));
        return ResolveAsync(new LeaderQuery(kegiatan.UnitId, officerId, step, sub?.UnitKerjaPusatOf(kegiatan.Programme), route), cancellationToken);
    }

    public async Task<LeaderResolution> ResolveAsync(LeaderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var step = query.Step;
        var unit = units.Find(query.UnitId);
        if (unit is null) return new LeaderResolution(null, DisposisiTexts.UnknownUnit(query.UnitId));
        if (step.Disposisi is not { } rule) return new LeaderResolution(null, DisposisiTexts.NoLeaderStep(step.Id));

        if (rule.Recipient == LeaderRecipient.UnitHead)
        {
            var head = await UnitHeadAsync(unit, query, cancellationToken);
            if (head is not null) return head;
        }

        return await NamedRoleAsync(unit, query, rule, cancellationToken);
    }

    /// <summary>The pimpinan of the officer's unit (or the routed Unit Kerja Pusat); null falls through to the named roles.</summary>
    private async Task<LeaderResolution?> UnitHeadAsync(Unit unit, LeaderQuery query, CancellationToken cancellationToken)
    {
        var step = query.Step;
        if (query.Route is { } route && units.Find(route.Unit) is { } routed && !string.Equals(routed.Id, unit.Id, StringComparison.OrdinalIgnoreCase))
        {
            var reason = DisposisiTexts.ViaRoute(step.Id, route.Function, route.Commodity, routed.Name, route.Basis);
            var found = await HeadAsync(routed, RosterRoles.Direktur, reason, cancellationToken);
            if (found.Leader is not null) return found;
        }

        if (unit.IsUpt)
        {
            var koordinator = unit.Type == UnitType.Loka && unit.ParentId is { } p ? units.Find(p) : null;
            if (koordinator is not null)
            {
                var viaKoordinator = await HeadAsync(koordinator, RosterRoles.KepalaUpt,
                    DisposisiTexts.ViaKoordinator(step.Id, unit.Name, koordinator.Name), cancellationToken);
                if (viaKoordinator.Leader is not null) return viaKoordinator;
            }

            var own = await HeadAsync(unit, RosterRoles.KepalaUpt, DisposisiTexts.OwnKepala(step.Id, unit.Name), cancellationToken);
            return own.Leader is not null ? own : own with { Reason = DisposisiTexts.AskForRoster(own.Reason) };
        }

        if (unit.Type is UnitType.Direktorat or UnitType.Pusat)
        {
            var head = await HeadAsync(unit, RosterRoles.Direktur, DisposisiTexts.OwnDirektur(step.Id, unit.Name), cancellationToken);
            if (head.Leader is not null && !string.Equals(head.Leader.AadObjectId, query.OfficerId, StringComparison.OrdinalIgnoreCase))
                return head;
        }

        return null; // the head's own report, or no head: the PPTM above
    }

    private async Task<LeaderResolution> NamedRoleAsync(Unit unit, LeaderQuery query, SopDisposisiRule rule, CancellationToken cancellationToken)
    {
        var step = query.Step;
        var roles = rule.Recipient == LeaderRecipient.UnitHead || rule.Roles.Count == 0 ? [RosterRoles.Pptm, RosterRoles.KepalaBpom] : OrderByDistance(rule.Roles).ToList();
        var notes = new List<Phrase>();
        foreach (var role in roles)
        {
            var (target, why) = role switch
            {
                RosterRoles.Pptm => DeputiFor(unit, query.UnitKerjaPusat),
                RosterRoles.KepalaBpom => (units.Units.FirstOrDefault(u => u.Type == UnitType.Kepala), DisposisiTexts.KepalaBpom()),
                _ => ((Unit?)null, (Phrase?)null),
            };
            if (target is null)
            {
                if (why is not null) notes.Add(why);
                continue;
            }

            var reason = DisposisiTexts.NamedRole(step.Id, rule.Roles, role == RosterRoles.Pptm ? why : null, target.Name, [.. notes]);
            var found = await HeadAsync(target, role, reason, cancellationToken);
            if (found.Leader is not null) return found;
            notes.Add(found.Reason);
        }

        return new LeaderResolution(null, DisposisiTexts.NoLeader(roles, step.Id, unit.Name, notes));
    }

    /// <summary>
    /// The Deputi (PPTM) for a step: the one above a central unit; for a UPT (or the Kepala) the one above every Unit
    /// Kerja Pusat of the sub-process, when they share one. The second value says why, or why none fits.
    /// </summary>
    private (Unit? Deputi, Phrase? Why) DeputiFor(Unit unit, UnitKerjaPusatRule? ukp)
    {
        if (!unit.IsUpt)
        {
            var above = new[] { unit }.Concat(units.Ancestors(unit.Id)).FirstOrDefault(u => u.Type == UnitType.Deputi);
            return above is null ? (null, DisposisiTexts.NotUnderDeputi(unit.Name)) : (above, DisposisiTexts.UnitName(unit.Name));
        }

        if (ukp is null || ukp.AllCentral)
            return (null, DisposisiTexts.AllCentralNoDeputi());
        var deputies = ukp.Units.Select(units.Find).OfType<Unit>()
            .Select(u => new[] { u }.Concat(units.Ancestors(u.Id)).FirstOrDefault(a => a.Type == UnitType.Deputi))
            .OfType<Unit>().DistinctBy(u => u.Id).ToList();
        return deputies.Count == 1
            ? (deputies[0], DisposisiTexts.SubProcessUkp(ukp.Units.Select(id => units.Find(id)?.Name ?? id)))
            : (null, DisposisiTexts.ManyDeputies());
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

    private async Task<LeaderResolution> HeadAsync(Unit unit, string role, Phrase explanation, CancellationToken cancellationToken)
    {
        var people = await roster.ListPeopleByUnitAsync(unit.Id, cancellationToken);
        var head = people.Where(p => p.Roles.Contains(role)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        return head is null
            ? new LeaderResolution(null, DisposisiTexts.NoHead(role, unit.Name))
            : new LeaderResolution(head, explanation);
    }
}
