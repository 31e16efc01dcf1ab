using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Rekap;

/// <summary>
/// Computes a recap from the kegiatan of the units in scope. Pure: no clock (today is given), no storage. Steps are
/// judged against their batas waktu (DueOn): done on or before it is on time, done after it is late (its recorded
/// HK late), not done past it is overdue now (the HK past it so far). Steps without a batas waktu are not judged.
/// </summary>
public sealed class RekapCalculator(SopDefinition sop, UnitCatalog units, IWorkingDayCalendar calendar)
{
    public const string Lainnya = "lainnya";

    public RekapResult Compute(RekapRequest request, IReadOnlyList<Kegiatan> kegiatan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(kegiatan);
        var scopeUnits = request.Scope.Units(units);
        var inScope = scopeUnits.Select(u => u.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var subs = sop.SubProcesses
            .Where(s => request.SubProcess is null || string.Equals(s.Code, request.SubProcess, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var subCodes = subs.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var selected = kegiatan
            .Where(k => k.Year == request.Year && inScope.Contains(k.UnitId) && subCodes.Contains(k.SubProcess))
            .OrderBy(k => k.UnitId, StringComparer.Ordinal).ThenBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)
            .ToList();

        var lines = selected.SelectMany(k => k.Steps.Select(s => Line(k, s, today))).ToList();
        var unitRows = UnitRows(request.Scope, scopeUnits, selected, lines);
        var kegiatanBySub = selected.ToLookup(k => k.SubProcess, StringComparer.OrdinalIgnoreCase);
        var linesBySub = lines.ToLookup(l => l.SubProcess, StringComparer.OrdinalIgnoreCase);
        var bySub = subs.Select(s => new SubProcessRekap(s.Code, s.Name, UnitRows(request.Scope, scopeUnits,
            [.. kegiatanBySub[s.Code]], [.. linesBySub[s.Code]]))).ToList();
        var linesByStep = lines.ToLookup(l => l.Step.StepId, StringComparer.Ordinal);
        var stepRows = subs.SelectMany(s => s.Steps)
            .Select(step => (step, l: linesByStep[step.Id].ToList()))
            .Where(x => x.l.Count > 0)
            .Select(x => new StepRekap(x.step.Id, x.step.Aktivitas, Count(x.l), x.l.Sum(l => l.LateHk)))
            .ToList();
        var officerRows = lines.GroupBy(l => l.OfficerId, StringComparer.Ordinal)
            .Select(g => new OfficerRekap(g.Key, Count(g), g.Sum(l => l.LateHk)))
            .OrderBy(o => o.OfficerId, StringComparer.Ordinal)
            .ToList();
        var perKegiatan = selected.Where(k => k.Kind == WorkflowKind.PerKegiatan && k.Status != KegiatanStatus.Dibatalkan).ToList();
        var pending = selected
            .SelectMany(k => k.Steps.Where(s => s.Status == StepStatus.MenungguDisposisi).Select(s => (k, s)))
            .Select(x => new PendingDisposisi(x.k.Id, x.k.Title, x.k.UnitId, x.s.StepId, x.s.SubmittedOn,
                x.s.SubmittedOn is { } sent ? Math.Max(0, calendar.WorkingDaysBetween(sent, today, x.k.UnitId)) : 0))
            .OrderByDescending(p => p.AgeHk)
            .ToList();

        var byUnit = selected.ToLookup(k => k.UnitId, StringComparer.OrdinalIgnoreCase);
        var reports = new List<AnnualReportStatus>();
        var arahan = new List<ArahanRecord>();
        foreach (var sub in subs)
        {
            if (AnnualReportRules.ReportStep(sub) is { } reportStep)
            {
                reports.AddRange(scopeUnits.Where(u => u.IsUpt).Select(u => AnnualReportRules.ReportStatus(
                    sub, reportStep, u, byUnit[u.Id], today)));
            }

            if (AnnualReportRules.ArahanStep(sub) is { } arahanStep)
            {
                arahan.AddRange(kegiatanBySub[sub.Code]
                    .Select(k => AnnualReportRules.Arahan(sub, arahanStep, k)).OfType<ArahanRecord>());
            }
        }

        return new RekapResult(
            request,
            request.Scope.Describe(units),
            today,
            [.. subs.Select(s => s.Code)],
            selected,
            unitRows,
            bySub,
            stepRows,
            officerRows,
            Tally(perKegiatan.Select(k => RekapChoices.Key(k.StakeholderCategory, sop.StakeholderCategories, sop.FindSubProcess(k.SubProcess)?.StakeholderCategories)), sop.StakeholderCategories),
            Tally(perKegiatan.Select(k => RekapChoices.Key(k.Bentuk, sop.Forms, sop.FindSubProcess(k.SubProcess)?.Forms)), sop.Forms),
            lines,
            pending,
            reports,
            arahan);
    }

    /// <summary>How a step stands on <paramref name="today"/>, and the HK it is (or was) late.</summary>
    public (StepTiming Timing, int LateHk) Judge(StepRecord step, string unitId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Status == StepStatus.Dilewati || step.DueOn is not { } due)
        {
            return (StepTiming.TidakDihitung, 0);
        }

        if (step.Status == StepStatus.Selesai)
        {
            var late = step.LateHk ?? (step.CompletedOn is { } done ? Math.Max(0, calendar.WorkingDaysBetween(due, done, unitId)) : 0);
            return late > 0 || step.CompletedOn > due ? (StepTiming.Terlambat, late) : (StepTiming.TepatWaktu, 0);
        }

        return due < today ? (StepTiming.LewatBatas, Math.Max(0, calendar.WorkingDaysBetween(due, today, unitId))) : (StepTiming.Berjalan, 0);
    }

    /// <summary>Every step of one kegiatan with its timing on <paramref name="today"/>, as the recap counts it.</summary>
    public IReadOnlyList<StepLine> Lines(Kegiatan kegiatan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return [.. kegiatan.Steps.Select(s => Line(kegiatan, s, today))];
    }

    private StepLine Line(Kegiatan k, StepRecord s, DateOnly today)
    {
        var (timing, late) = Judge(s, k.UnitId, today);
        return new StepLine(k.Id, k.Title, k.SubProcess, k.UnitId, k.OfficerId, s, timing, late);
    }

    /// <summary>One line per unit in scope; for all of BPOM, central units only when they have data.</summary>
    private List<UnitRekap> UnitRows(RekapScope scope, IReadOnlyList<Unit> scopeUnits, List<Kegiatan> selected, List<StepLine> lines)
    {
        // Grouped once: a recap of all of BPOM has ~90 units and ~100,000 step lines.
        var kegiatanByUnit = selected.ToLookup(k => k.UnitId, StringComparer.OrdinalIgnoreCase);
        var linesByUnit = lines.ToLookup(l => l.UnitId, StringComparer.OrdinalIgnoreCase);
        return [.. scopeUnits
            .Select(u => UnitRow(u, kegiatanByUnit[u.Id], linesByUnit[u.Id]))
            .Where(r => r.Total > 0 || r.Timing.Judged + r.Timing.Berjalan > 0 || scope.Kind != RekapScopeKind.SemuaBpom || units.Get(r.UnitId).IsUpt)];
    }

    private static UnitRekap UnitRow(Unit unit, IEnumerable<Kegiatan> kegiatan, IEnumerable<StepLine> lines)
    {
        var own = kegiatan.Where(k => k.Kind == WorkflowKind.PerKegiatan).ToList();
        var unitLines = lines.ToList();
        return new UnitRekap(unit.Id, unit.Name,
            own.Count(k => k.Status == KegiatanStatus.Berjalan),
            own.Count(k => k.Status == KegiatanStatus.Selesai),
            own.Count(k => k.Status == KegiatanStatus.Dibatalkan),
            Count(unitLines),
            unitLines.Sum(l => l.LateHk));
    }

    /// <summary>Counts by timing in one pass (a recap of all of BPOM counts ~100,000 lines several times).</summary>
    private static TimingCounts Count(IEnumerable<StepLine> lines)
    {
        var (onTime, late, overdue, running) = (0, 0, 0, 0);
        foreach (var line in lines)
        {
            switch (line.Timing)
            {
                case StepTiming.TepatWaktu: onTime++; break;
                case StepTiming.Terlambat: late++; break;
                case StepTiming.LewatBatas: overdue++; break;
                case StepTiming.Berjalan: running++; break;
                default: break;
            }
        }

        return new TimingCounts(onTime, late, overdue, running);
    }

    /// <summary>Counts per SOP choice in SOP order; anything not on the SOP's list (or marked lainnya) counts as Lainnya.</summary>
    private static List<NamedCount> Tally(IEnumerable<string?> values, IReadOnlyList<SopChoice> choices)
    {
        var known = choices.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        var counts = values.OfType<string>()
            .GroupBy(v => known.TryGetValue(v, out var c) ? c.Id : Lainnya, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var rows = choices.Where(c => counts.ContainsKey(c.Id)).Select(c => new NamedCount(c.Id, c.Name, counts[c.Id])).ToList();
        if (counts.TryGetValue(Lainnya, out var other) && !known.ContainsKey(Lainnya))
        {
            rows.Add(new NamedCount(Lainnya, "Lainnya", other));
        }

        return rows;
    }
}
