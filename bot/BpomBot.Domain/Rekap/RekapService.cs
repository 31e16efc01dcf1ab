using System.Collections.Concurrent;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Rekap;

/// <summary>Who asks for a recap: a person from the roster, or the system (CLI, bench) which sees everything.</summary>
public sealed record RekapViewer(string Id, string UnitId, IReadOnlyList<string> Roles, bool IsSystem = false)
{
    public static readonly RekapViewer System = new("system", string.Empty, [], IsSystem: true);

    public static RekapViewer From(PersonRecord person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new RekapViewer(person.AadObjectId, person.UnitId, person.Roles);
    }
}

public enum RekapOutcomeStatus
{
    Ok,

    /// <summary>The viewer may not see the scope asked for (audited), or has no leader role.</summary>
    Refused,

    /// <summary>The unit or sub-process asked for does not exist.</summary>
    NotFound,
}

/// <summary>The recap, or why not, in both languages (<see cref="RekapTexts"/>); <see cref="Message"/> is the Indonesian.</summary>
public sealed record RekapOutcome(RekapOutcomeStatus Status, RekapResult? Result, Phrase Words)
{
    public string Message => Words.Indonesian;

    /// <summary>The answer in the reader's language.</summary>
    public string Text(bool english) => Words.Text(english);
}

/// <summary>
/// Loads the kegiatan of the units in scope (one read of <see cref="IRekapSource"/> per unit and year: the partitions
/// it needs and no others) and computes the recap. Decides the scope a viewer may see and audits refusals. Without a
/// source it reads the kegiatan repository (<see cref="KegiatanRekapSource"/>).
/// </summary>
public sealed class RekapService(
    IKegiatanRepository kegiatan,
    ISopCatalog sops,
    UnitCatalog units,
    IWorkingDayCalendar calendar,
    OfficeClock clock,
    TimeProvider timeProvider,
    IAuditLog audit,
    IRekapSource? source = null)
{
    private readonly IRekapSource source = source ?? new KegiatanRekapSource(kegiatan);

    public const string SopCode = "POM-04.01/CFM.01/SOP.01";

    /// <summary>Reads in flight at once; enough to hide latency, few enough not to swamp the table service.</summary>
    private const int ReadParallelism = 8;

    /// <summary>
    /// The recap for <paramref name="viewer"/>: <paramref name="unitId"/> null means the widest scope they may see;
    /// a unit id means that unit and the units under it, refused when outside what they may see.
    /// </summary>
    public Task<RekapOutcome> BuildAsync(RekapViewer viewer, int year, string? subProcess, string? unitId, CancellationToken cancellationToken = default) =>
        BuildAsync(viewer, year, subProcess, unitId, recapStep: false, cancellationToken);

    /// <summary>
    /// The recap of the Unit Kerja Pusat's rekapitulasi step (A.8/B.8/C.6) of <paramref name="subProcess"/>: every UPT
    /// (<see cref="RekapScope.AllUpts"/>). A person who may carry out that step (<see cref="RecapStepReports.MayDo"/>)
    /// sees it whatever their own rekap scope; anyone else only when their scope covers every UPT, otherwise refused
    /// and audited as <see cref="BuildAsync(RekapViewer, int, string?, string?, CancellationToken)"/>.
    /// </summary>
    public Task<RekapOutcome> BuildRecapStepAsync(RekapViewer viewer, int year, string subProcess, CancellationToken cancellationToken = default) =>
        BuildAsync(viewer, year, subProcess, null, recapStep: true, cancellationToken);

    private async Task<RekapOutcome> BuildAsync(RekapViewer viewer, int year, string? subProcess, string? unitId, bool recapStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var sop = sops.Latest(SopCode) ?? throw new InvalidOperationException($"SOP {SopCode} not loaded");
        if (subProcess is not null && sop.FindSubProcess(subProcess) is null)
        {
            return new RekapOutcome(RekapOutcomeStatus.NotFound, null, RekapTexts.UnknownSubProcess(subProcess));
        }

        if (unitId is not null && units.Find(unitId) is null)
        {
            return new RekapOutcome(RekapOutcomeStatus.NotFound, null, RekapTexts.UnknownUnit(unitId));
        }

        var allowed = viewer.IsSystem ? RekapScope.All : RekapScope.AllowedFor(viewer.Roles, viewer.UnitId);
        if (recapStep && allowed?.Kind != RekapScopeKind.SemuaBpom && MayDoRecapStep(sop, subProcess, viewer)) allowed = RekapScope.AllUpts;
        var wanted = recapStep ? RekapScope.AllUpts : unitId is null ? allowed : RekapScope.WithChildren(units.Get(unitId).Id);
        if (allowed is null || wanted is null || !allowed.Covers(wanted, units))
        {
            await audit.AppendAsync(new AuditEvent($"rekap/{unitId ?? "semua"}/{year}", viewer.Id, null, "rekap.refused", timeProvider.GetUtcNow(),
                null, null, allowed is null ? "no leader role" : $"allowed: {allowed.Kind} {allowed.UnitId}"), cancellationToken);
            return new RekapOutcome(RekapOutcomeStatus.Refused, null, allowed is null
                ? RekapTexts.LeadersOnly()
                : RekapTexts.NotAllowed(wanted?.Describe(units) ?? "-", wanted?.Describe(units, english: true) ?? "-", allowed.Describe(units), allowed.Describe(units, english: true)));
        }

        var request = new RekapRequest(year, subProcess is null ? null : sop.FindSubProcess(subProcess)!.Code, wanted);
        var read = await LoadAsync(request, cancellationToken);
        var today = Today(viewer);
        var result = new RekapCalculator(sop, units, calendar).Compute(request, read, today);
        var scopeEnglish = request.Scope.Describe(units, english: true);
        return new RekapOutcome(RekapOutcomeStatus.Ok, result, result.IsEmpty
            ? RekapTexts.Empty(result.ScopeName, scopeEnglish, year)
            : RekapTexts.Ready(result.ScopeName, scopeEnglish, year));
    }

    /// <summary>
    /// Each step of <paramref name="kegiatan"/> judged as the recap judges it on the viewer's recap day: its timing and its
    /// HK late (as recorded for a step done late; so far for a step past its batas waktu and not done). The tab's
    /// drill-down shows these, so its figures add up to the recap's.
    /// </summary>
    public IReadOnlyList<StepLine> StepLines(RekapViewer viewer, Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(kegiatan);
        var sop = sops.Latest(SopCode) ?? throw new InvalidOperationException($"SOP {SopCode} not loaded");
        return new RekapCalculator(sop, units, calendar).Lines(kegiatan, Today(viewer));
    }

    private bool MayDoRecapStep(SopDefinition sop, string? subProcess, RekapViewer viewer) =>
        subProcess is not null && sop.FindSubProcess(subProcess) is { } sub && AnnualCycle.AnnualCyclePlan.For(sub) is { } plan && RecapStepReports.MayDo(plan, viewer, units);

    /// <summary>The recap day: today where the viewer works (the first unit's for the system).</summary>
    private DateOnly Today(RekapViewer viewer) => clock.Today(viewer.IsSystem || viewer.UnitId.Length == 0 ? units.Units[0].Id : viewer.UnitId);

    /// <summary>The kegiatan (recap projections) of every unit in scope for the year: one read per unit, a few at a time.</summary>
    public async Task<IReadOnlyList<Kegiatan>> LoadAsync(RekapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scopeUnits = request.Scope.Units(units);
        if (request.Scope.Kind is RekapScopeKind.SemuaBpom or RekapScopeKind.SemuaUpt && source is IRekapYearSource wholeYear)
        {
            // All of BPOM: the year's partitions in a few ranged reads instead of one read per unit.
            var ids = scopeUnits.Select(u => u.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return [.. (await wholeYear.ListYearAsync(request.Year, ids, cancellationToken)).Where(k => ids.Contains(k.UnitId))];
        }

        var bag = new ConcurrentBag<Kegiatan>();
        await Parallel.ForEachAsync(scopeUnits, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (unit, ct) =>
            {
                foreach (var k in await source.ListAsync(unit.Id, request.Year, ct)) bag.Add(k);
            });
        return [.. bag];
    }
}
