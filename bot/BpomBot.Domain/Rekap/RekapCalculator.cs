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

        // One pass over the kegiatan and their steps fills every tally (a recap of all of BPOM has ~16,000 kegiatan and
        // ~100,000 step lines): per unit, per sub-process and unit, per step, per officer.
        var subIndex = subs.Select((sub, i) => (sub.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        var byUnitAll = new Dictionary<string, UnitTally>(StringComparer.OrdinalIgnoreCase);
        var byUnitSub = subs.Select(_ => new Dictionary<string, UnitTally>(StringComparer.OrdinalIgnoreCase)).ToArray();
        var byStep = new Dictionary<string, StepTally>(StringComparer.Ordinal);
        var byOfficer = new Dictionary<string, StepTally>(StringComparer.Ordinal);
        var lines = new List<StepLine>(selected.Sum(k => k.Steps.Count));
        foreach (var k in selected)
        {
            var unit = Get(byUnitAll, k.UnitId);
            var unitSub = Get(byUnitSub[subIndex[k.SubProcess]], k.UnitId);
            if (k.Kind == WorkflowKind.PerKegiatan)
            {
                unit.Count(k.Status);
                unitSub.Count(k.Status);
            }

            var officer = Get(byOfficer, k.OfficerId);
            foreach (var step in k.Steps)
            {
                var line = Line(k, step, today);
                lines.Add(line);
                unit.Steps.Add(line);
                unitSub.Steps.Add(line);
                officer.Add(line);
                Get(byStep, step.StepId).Add(line);
            }
        }

        var unitRows = UnitRows(request.Scope, scopeUnits, byUnitAll);
        var kegiatanBySub = selected.ToLookup(k => k.SubProcess, StringComparer.OrdinalIgnoreCase);
        var bySub = subs.Select((s, i) => new SubProcessRekap(s.Code, s.Name, UnitRows(request.Scope, scopeUnits, byUnitSub[i]))).ToList();
        var stepRows = subs.SelectMany(s => s.Steps)
            .Where(step => byStep.ContainsKey(step.Id))
            .Select(step => new StepRekap(step.Id, step.Aktivitas, byStep[step.Id].Timing, byStep[step.Id].LateHk))
            .ToList();
        var officerRows = byOfficer.Where(o => o.Value.Lines > 0)
            .Select(o => new OfficerRekap(o.Key, o.Value.Timing, o.Value.LateHk))
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
    private List<UnitRekap> UnitRows(RekapScope scope, IReadOnlyList<Unit> scopeUnits, Dictionary<string, UnitTally> tallies) =>
        [.. scopeUnits
            .Select(u => tallies.TryGetValue(u.Id, out var t)
                ? new UnitRekap(u.Id, u.Name, t.Berjalan, t.Selesai, t.Dibatalkan, t.Steps.Timing, t.Steps.LateHk)
                : new UnitRekap(u.Id, u.Name, 0, 0, 0, TimingCounts.Zero, 0))
            .Where(r => r.Total > 0 || r.Timing.Judged + r.Timing.Berjalan > 0 || scope.Kind != RekapScopeKind.SemuaBpom || units.Get(r.UnitId).IsUpt)];

    private static T Get<T>(Dictionary<string, T> tallies, string key)
        where T : new()
    {
        if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new T();
        return tally;
    }

    /// <summary>Step lines counted by timing, and their HK late.</summary>
    private sealed class StepTally
    {
        private int onTime, late, overdue, running;

        public int Lines { get; private set; }

        public int LateHk { get; private set; }

        public TimingCounts Timing => new(onTime, late, overdue, running);

        public void Add(StepLine line)
        {
            Lines++;
            LateHk += line.LateHk;
            switch (line.Timing)
            {
                case StepTiming.TepatWaktu: onTime++; break;
                case StepTiming.Terlambat: late++; break;
                case StepTiming.LewatBatas: overdue++; break;
                case StepTiming.Berjalan: running++; break;
                default: break;
            }
        }
    }

    /// <summary>A unit's per-kegiatan workflows by status, and its step lines.</summary>
    private sealed class UnitTally
    {
        public int Berjalan { get; private set; }

        public int Selesai { get; private set; }

        public int Dibatalkan { get; private set; }

        public StepTally Steps { get; } = new();

        public void Count(KegiatanStatus status)
        {
            switch (status)
            {
                case KegiatanStatus.Berjalan: Berjalan++; break;
                case KegiatanStatus.Selesai: Selesai++; break;
                case KegiatanStatus.Dibatalkan: Dibatalkan++; break;
                default: break;
            }
        }
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
