using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.AnnualCycle;

/// <summary>
/// The national siklus tahunan (one per sub-process per year). Each UPT walks its laporan tahunan (A.7) as its own
/// part; a Unit Kerja Pusat opens the recap (A.8, then the leader's arahan A.9) with its Kelengkapan filled from the
/// UPT reports; once an arahan is given, the follow-up (A.10) opens for every unit of the cycle with that arahan as
/// Kelengkapan. Parts opened by the cycle itself (<see cref="OpenDueAsync"/>) belong to the unit until an officer of
/// the unit takes them by asking (<see cref="OpenPartAsync"/>).
/// </summary>
public sealed class AnnualCycleService(
    KegiatanEngine engine,
    IKegiatanRepository repository,
    IAuditLog audit,
    UnitCatalog units,
    OfficeClock clock,
    TimeProvider time,
    ISopCatalog catalog,
    IWorkingDayCalendar calendar,
    AnnualCycleOptions options,
    ExecutorDirectory? executors = null)
{
    public const string SopCode = OfficerWorkflow.SopCode;

    /// <summary>The officer id a part opened by the cycle carries until an officer of the unit takes it.</summary>
    public static string Unassigned(string unitId) => $"unit:{unitId}";

    private SopDefinition Sop => catalog.Latest(SopCode) ?? throw new InvalidOperationException($"SOP {SopCode} is not shipped");

    public AnnualCyclePlan? PlanOf(string subProcess) => Sop.FindSubProcess(subProcess) is { } sub ? AnnualCyclePlan.For(sub) : null;

    /// <summary>The units taking part: every UPT, and the Unit Kerja Pusat of the sub-process.</summary>
    public IEnumerable<Unit> UnitsOf(AnnualCyclePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return units.Units.Where(u => u.IsUpt || IsUnitKerjaPusat(plan.SubProcess, u));
    }

    public static bool IsUnitKerjaPusat(SopSubProcess sub, Unit unit) =>
        StepExecutors.Fills(sub, null, "unit-kerja-pusat", new ExecutorProfile(unit, []));

    /// <summary>
    /// "mulai tahunan": the officer's part of this year's cycle for their unit: the follow-up once an arahan is given,
    /// else a UPT's laporan tahunan or a Unit Kerja Pusat's recap. An existing part is returned (and taken by the
    /// officer when the cycle opened it).
    /// </summary>
    public async Task<WorkflowOutcome> OpenPartAsync(string officerId, string unitId, string subProcess, CancellationToken cancellationToken = default)
    {
        if (PlanOf(subProcess) is not { } plan)
            return WorkflowOutcome.Fail($"Sub-proses {subProcess.ToUpperInvariant()} tidak memiliki siklus tahunan nasional.", RefusalCodes.AlurTidakAda);
        if (units.Find(unitId) is not { } unit)
            return WorkflowOutcome.Fail($"Unit '{unitId}' tidak dikenal.", WorkflowRefusals.UnitTidakDikenal);
        var year = clock.Today(unitId).Year;
        var isUkp = IsUnitKerjaPusat(plan.SubProcess, unit);
        if (!unit.IsUpt && !isUkp)
        {
            var ukp = plan.SubProcess.UnitKerjaPusat;
            var which = ukp is { AllCentral: false } ? $" ({string.Join(", ", ukp.Units.Select(id => units.Find(id)?.Name ?? id))})." : ".";
            return WorkflowOutcome.Fail(new Phrase(RefusalCodes.BukanPelaksana,
                $"{unit.Name} bukan UPT BPOM maupun Unit Kerja Pusat sub-proses {plan.SubProcess.Code}{which}",
                $"{unit.Name} is neither a UPT BPOM nor the Unit Kerja Pusat of sub-process {plan.SubProcess.Code}{which}"));
        }

        var arahan = await ArahanAsync(plan, year, cancellationToken);
        var kind = arahan is not null ? CyclePartKind.TindakLanjut : unit.IsUpt ? CyclePartKind.LaporanUpt : CyclePartKind.Rekap;
        var id = plan.PartId(SopCode, unit.Id, year, kind);
        if (await repository.GetAsync(id, cancellationToken) is { } existing)
            return await TakeAsync(existing, officerId, cancellationToken);

        var actor = new Actor(officerId, null, executors is null ? null : await executors.ProfileAsync(officerId, cancellationToken));
        var opened = kind switch
        {
            CyclePartKind.Rekap => await OpenRekapAsync(plan, unit, year, actor, cancellationToken),
            CyclePartKind.TindakLanjut => OpenTindakLanjut(plan, unit, year, arahan!, actor),
            _ => await OpenLaporanAsync(plan, unit, year, actor, cancellationToken),
        };
        return await CreateAsync(opened, cancellationToken);
    }

    /// <summary>Every UPT's laporan tahunan for the year: sent (on time or late), late, not yet sent.</summary>
    public async Task<AnnualCycleStatus?> StatusAsync(string subProcess, int year, CancellationToken cancellationToken = default)
    {
        if (PlanOf(subProcess) is not { } plan) return null;
        var step = plan.SubProcess.Steps.First(s => s.Id == plan.Laporan.EndStepId);
        var reports = new List<UptReport>();
        foreach (var unit in units.Units.Where(u => u.IsUpt))
        {
            var part = await repository.GetAsync(plan.PartId(SopCode, unit.Id, year, CyclePartKind.LaporanUpt), cancellationToken);
            var record = part?.FindStep(step.Id);
            var via = unit.Type == UnitType.Loka && step.LokaReportsToKoordinator && unit.ParentId is { } p ? units.Find(p) : null;
            var due = record?.DueOn ?? record?.PlannedOn ?? DefaultDue(plan, unit, year);
            UptReportState state;
            if (record is { Status: StepStatus.Selesai })
                state = record.LateHk > 0 ? UptReportState.TerkirimTerlambat : UptReportState.Terkirim;
            else
                state = due is { } d && d < clock.Today(unit.Id) ? UptReportState.Terlambat : UptReportState.BelumMengirim;
            reports.Add(new UptReport(unit, state, due, record?.CompletedOn, record?.OutputReference, via));
        }

        return new AnnualCycleStatus(plan.SubProcess.Code, year, reports, await ArahanAsync(plan, year, cancellationToken));
    }

    /// <summary>
    /// The cycle's own moves (the worker calls it): on the opening date every UPT's laporan tahunan part opens; once
    /// an arahan is given, the follow-up opens for every unit of the cycle. Returns how many parts were opened.
    /// </summary>
    public async Task<int> OpenDueAsync(CancellationToken cancellationToken = default)
    {
        var opened = 0;
        foreach (var plan in Sop.SubProcesses.Select(AnnualCyclePlan.For).OfType<AnnualCyclePlan>())
        {
            var arahanOf = new Dictionary<int, string?>();
            foreach (var unit in UnitsOf(plan))
            {
                var today = clock.Today(unit.Id);
                var year = today.Year;
                if (today < options.OpensOn(year)) continue;
                if (!arahanOf.TryGetValue(year, out var arahan)) arahanOf[year] = arahan = await ArahanAsync(plan, year, cancellationToken);
                var kind = arahan is not null ? CyclePartKind.TindakLanjut : unit.IsUpt ? CyclePartKind.LaporanUpt : (CyclePartKind?)null;
                if (kind is not { } k || await repository.GetAsync(plan.PartId(SopCode, unit.Id, year, k), cancellationToken) is not null) continue;
                var cycle = new Actor("siklus-tahunan");
                var result = k == CyclePartKind.TindakLanjut
                    ? OpenTindakLanjut(plan, unit, year, arahan!, cycle, Unassigned(unit.Id))
                    : await OpenLaporanAsync(plan, unit, year, cycle, cancellationToken, Unassigned(unit.Id));
                if ((await CreateAsync(result, cancellationToken)).Succeeded) opened++;
            }
        }

        return opened;
    }

    /// <summary>
    /// A unit's admin sets the unit's own target date for its laporan tahunan (A.7/B.7/C.5, "disesuaikan dengan target
    /// unit terkait"), within the cycle year; the part is opened for the unit when it is not yet. Audited on the kegiatan.
    /// </summary>
    public async Task<WorkflowOutcome> SetUnitTargetAsync(string adminId, string subProcess, DateOnly target, CancellationToken cancellationToken = default)
    {
        if (PlanOf(subProcess) is not { } plan) return WorkflowOutcome.Fail($"Sub-proses {subProcess.ToUpperInvariant()} tidak memiliki siklus tahunan nasional.", RefusalCodes.AlurTidakAda);
        var admin = executors is null ? null : await executors.ProfileAsync(adminId, cancellationToken);
        if (admin is null || !admin.Roles.Contains(RosterRoles.Admin) || admin.Unit is not { IsUpt: true } unit)
            return WorkflowOutcome.Fail(new Phrase(RefusalCodes.BukanPelaksana,
                "Hanya admin unit UPT yang dapat menetapkan target laporan tahunan unitnya.", "Only a UPT unit's admin can set the unit's annual report target."));
        var year = clock.Today(unit.Id).Year; // the running cycle
        var part = await repository.GetAsync(plan.PartId(SopCode, unit.Id, year, CyclePartKind.LaporanUpt), cancellationToken);
        if (part is null)
        {
            var opened = await CreateAsync(await OpenLaporanAsync(plan, unit, year, new Actor(adminId), cancellationToken, Unassigned(unit.Id)), cancellationToken);
            if (!opened.Succeeded) return opened;
            part = opened.Kegiatan!;
        }

        var result = engine.SetUnitTarget(part, target, new Actor(adminId), time.GetUtcNow());
        if (!result.Succeeded) return WorkflowOutcome.Fail(result.Refusal!);
        try
        {
            await repository.UpdateAsync(result.Kegiatan!, part.Version!, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return WorkflowOutcome.Fail("Laporan tahunan unit baru saja diubah di tempat lain; coba lagi.", WorkflowRefusals.KegiatanBerubah);
        }

        foreach (var e in result.Events) await audit.AppendAsync(e, cancellationToken);
        return new WorkflowOutcome(result.Kegiatan, null);
    }

    /// <summary>The arahan given in the year's cycle (the output of the last recap step of any Unit Kerja Pusat), or null.</summary>
    public async Task<string?> ArahanAsync(AnnualCyclePlan plan, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var unit in units.Units.Where(u => IsUnitKerjaPusat(plan.SubProcess, u)))
        {
            var rekap = await repository.GetAsync(plan.PartId(SopCode, unit.Id, year, CyclePartKind.Rekap), cancellationToken);
            if (rekap?.FindStep(plan.Rekap.EndStepId) is { Status: StepStatus.Selesai, OutputReference: { } arahan })
                return $"{arahan} (rekap {unit.Name})";
        }

        return null;
    }

    private DateOnly? DefaultDue(AnnualCyclePlan plan, Unit unit, int year)
    {
        var step = plan.SubProcess.Steps.First(s => s.Id == plan.Laporan.EndStepId);
        try
        {
            return step.WaktuHk is { } hk ? calendar.AddWorkingDays(options.OpensOn(year), hk, unit.Id) : null;
        }
        catch (CalendarNotAvailableException)
        {
            return null;
        }
    }

    private KegiatanResult Start(AnnualCyclePlan plan, Unit unit, int year, CyclePart part, Actor actor, string? owner) =>
        engine.Start(new StartKegiatan(null, SopCode, plan.SubProcess.Code, WorkflowKind.SiklusTahunan,
            $"Siklus tahunan {plan.SubProcess.Code} {year}: {PartName(part.Kind)} {unit.Name}", null, null, unit.Id, owner ?? actor.Id, year,
            EntryStepId: part.EntryStepId, PartEndStepId: part.Kind == CyclePartKind.TindakLanjut ? null : part.EndStepId), actor, time.GetUtcNow());

    private async Task<KegiatanResult> OpenLaporanAsync(AnnualCyclePlan plan, Unit unit, int year, Actor actor, CancellationToken cancellationToken, string? owner = null)
    {
        var started = Start(plan, unit, year, plan.Laporan, actor, owner);
        if (!started.Succeeded) return started;
        var ofYear = (await repository.ListByUnitYearAsync(unit.Id, year, cancellationToken))
            .Where(k => k.Kind == WorkflowKind.PerKegiatan && k.SubProcess == plan.SubProcess.Code && k.Status != KegiatanStatus.Dibatalkan)
            .ToList();
        if (ofYear.Count == 0) return started;
        var reference = $"{ofYear.Count} kegiatan {year}: " + string.Join("; ", ofYear.Select(k =>
            k.Steps.LastOrDefault(s => s.Status == StepStatus.Selesai && s.OutputReference is not null) is { } last
                ? $"{k.Title} (laporan {last.StepId}: {last.OutputReference})"
                : $"{k.Title} ({(k.Status == KegiatanStatus.Selesai ? "selesai" : $"langkah {k.CurrentStepId}")})"));
        return Prefill(started, reference, clock.Today(unit.Id), actor);
    }

    private async Task<KegiatanResult> OpenRekapAsync(AnnualCyclePlan plan, Unit unit, int year, Actor actor, CancellationToken cancellationToken)
    {
        var started = Start(plan, unit, year, plan.Rekap, actor, null);
        if (!started.Succeeded) return started;
        var status = await StatusAsync(plan.SubProcess.Code, year, cancellationToken);
        return status is null || !status.Submitted.Any() ? started : Prefill(started, status.RecapReference(), clock.Today(unit.Id), actor);
    }

    private KegiatanResult OpenTindakLanjut(AnnualCyclePlan plan, Unit unit, int year, string arahan, Actor actor, string? owner = null)
    {
        var started = Start(plan, unit, year, plan.TindakLanjut, actor, owner);
        return started.Succeeded ? Prefill(started, arahan, clock.Today(unit.Id), actor) : started;
    }

    /// <summary>Records the part's first Kelengkapan item from the cycle (the reports, or the arahan); a refusal leaves it for the officer.</summary>
    private KegiatanResult Prefill(KegiatanResult started, string reference, DateOnly on, Actor actor)
    {
        var kegiatan = started.Kegiatan!;
        if (engine.MissingKelengkapan(kegiatan) is not [var item, ..]) return started;
        var filled = engine.RecordKelengkapan(kegiatan, item.Id, item.Alternatives[0], reference, on, actor with { Profile = null }, time.GetUtcNow());
        return filled.Succeeded ? new KegiatanResult(filled.Kegiatan, null, [.. started.Events, .. filled.Events]) : started;
    }

    private async Task<WorkflowOutcome> CreateAsync(KegiatanResult result, CancellationToken cancellationToken)
    {
        if (!result.Succeeded) return WorkflowOutcome.Fail(result.Refusal!);
        try
        {
            await repository.CreateAsync(result.Kegiatan!, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return await repository.GetAsync(result.Kegiatan!.Id, cancellationToken) is { } raced
                ? new WorkflowOutcome(raced, null)
                : WorkflowOutcome.Fail("Bagian siklus tahunan ini baru saja dibuka di tempat lain; coba lagi.", WorkflowRefusals.KegiatanBerubah);
        }

        foreach (var e in result.Events) await audit.AppendAsync(e, cancellationToken);
        return new WorkflowOutcome(result.Kegiatan, null);
    }

    /// <summary>A part the cycle opened is taken by the first officer of the unit who asks for it.</summary>
    private async Task<WorkflowOutcome> TakeAsync(Kegiatan part, string officerId, CancellationToken cancellationToken)
    {
        if (part.OfficerId != Unassigned(part.UnitId) || part.Status != KegiatanStatus.Berjalan) return new WorkflowOutcome(part, null);
        var before = part.OfficerId;
        var expected = part.Version!;
        part.OfficerId = officerId;
        var taken = new AuditEvent($"kegiatan/{part.Id}", officerId, null, "kegiatan.taken", time.GetUtcNow(), before, officerId, "bagian siklus tahunan unit diambil petugas");
        part.History.Add(taken);
        try
        {
            await repository.UpdateAsync(part, expected, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return await repository.GetAsync(part.Id, cancellationToken) is { } now ? new WorkflowOutcome(now, null) : WorkflowOutcome.Fail("Bagian siklus tahunan tidak ditemukan.", WorkflowRefusals.KegiatanTidakDitemukan);
        }

        await audit.AppendAsync(taken, cancellationToken);
        return new WorkflowOutcome(part, null);
    }

    private static string PartName(CyclePartKind kind) => kind switch
    {
        CyclePartKind.LaporanUpt => "laporan tahunan",
        CyclePartKind.Rekap => "rekapitulasi dan arahan",
        _ => "monitoring tahun berjalan",
    };
}
