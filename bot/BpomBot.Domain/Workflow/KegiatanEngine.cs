using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Workflow;

/// <summary>
/// What an officer fills in to start a kegiatan or a unit's siklus tahunan. Id is the kegiatan id (ignored for a
/// siklus tahunan, whose id is derived from unit + year); stakeholder category and bentuk are choice ids from the SOP.
/// </summary>
public sealed record StartKegiatan(
    string? Id,
    string SopCode,
    string SubProcess,
    WorkflowKind Kind,
    string? Title,
    string? StakeholderCategory,
    string? Bentuk,
    string UnitId,
    string OfficerId,
    int Year,
    string? Programme = null,
    string? Komoditas = null,
    string? Fungsi = null,
    string? EntryStepId = null,
    string? PartEndStepId = null);

/// <summary>
/// Walks kegiatan through their SOP. Pure: no clock (instants and dates are passed in), no I/O. Every call returns a
/// new kegiatan and its audit events, or a refusal with a reason; the kegiatan passed in is never changed.
/// </summary>
public sealed class KegiatanEngine(ISopCatalog catalog, IWorkingDayCalendar calendar, Organization.UnitCatalog? units = null)
{
    /// <summary>The SOP revision the kegiatan walks, or null when it is no longer shipped.</summary>
    public SopDefinition? SopOf(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return catalog.Get(kegiatan.SopCode, kegiatan.SopVersion);
    }

    public KegiatanResult Start(StartKegiatan command, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        var sop = catalog.Latest(command.SopCode);
        if (sop is null)
            return Refuse(RefusalCodes.SopTidakDikenal, $"SOP {command.SopCode} tidak dikenal.");
        var sub = sop.FindSubProcess(command.SubProcess);
        if (sub is null)
            return Refuse(RefusalCodes.SubprosesTidakDikenal, $"Sub-proses {command.SubProcess} tidak ada di SOP {sop.Code}.");
        var entry = command.EntryStepId is { } entryId ? sub.Steps.FirstOrDefault(s => s.Id == entryId && s.Kind == command.Kind) : sub.EntryStep(command.Kind);
        if (entry is null)
            return Refuse(RefusalCodes.AlurTidakAda, $"Sub-proses {sub.Code} tidak memiliki alur {KindText(command.Kind)}.");
        if (string.IsNullOrWhiteSpace(command.UnitId) || string.IsNullOrWhiteSpace(command.OfficerId))
            return Refuse(RefusalCodes.DataKosong, "Unit dan petugas wajib diisi.");
        if (command.Programme is { } programme && sub.Programmes.All(p => p.Id != programme))
            return Refuse(RefusalCodes.SubprosesTidakDikenal, $"Program '{programme}' tidak ada di sub-proses {sub.Code}.");
        if (command.PartEndStepId is { } partEnd && sub.Steps.All(s => s.Id != partEnd))
            return Refuse(RefusalCodes.AlurTidakAda, $"Langkah {partEnd} tidak ada di sub-proses {sub.Code}.");
        if (ExecutorRefusal(sop, sub, command.Programme, entry, actor) is { } notExecutor)
            return Refuse(notExecutor);

        string id;
        string title;
        if (command.Kind == WorkflowKind.SiklusTahunan)
        {
            if (command.Year is < 2000 or > 2999)
                return Refuse(RefusalCodes.DataKosong, "Tahun siklus tahunan tidak valid.");
            id = command.EntryStepId is null || command.EntryStepId == sub.EntryStep(command.Kind)?.Id
                ? Kegiatan.AnnualCycleId(sop.Code, sub.Code, command.UnitId, command.Year)
                : $"{Kegiatan.AnnualCycleId(sop.Code, sub.Code, command.UnitId, command.Year)}|{entry.Id}";
            title = string.IsNullOrWhiteSpace(command.Title) ? $"Siklus tahunan {sub.Code} {sub.Name} {command.Year}" : command.Title.Trim();
        }
        else
        {
            if (string.IsNullOrWhiteSpace(command.Id) || string.IsNullOrWhiteSpace(command.Title))
                return Refuse(RefusalCodes.DataKosong, "Id dan judul kegiatan wajib diisi.");
            // The SOP lists stakeholders and forms "antara lain": a listed id, or any other text kept as "lainnya".
            if (OpenChoice.Parse(command.StakeholderCategory, sub.StakeholderCategories) is not { } stakeholder)
                return Refuse(RefusalCodes.PemangkuKepentinganTidakSesuai,
                    $"Isi pemangku kepentingan: salah satu dari {ChoiceNames(sop.StakeholderCategories, sub.StakeholderCategories)}, atau lainnya (2–{OpenChoice.MaxLength} karakter).");
            if (OpenChoice.Parse(command.Bentuk, sub.Forms) is not { } bentuk)
                return Refuse(RefusalCodes.BentukTidakSesuai,
                    $"Isi bentuk kegiatan {sub.Name}: salah satu dari {ChoiceNames(sop.Forms, sub.Forms)}, atau lainnya (2–{OpenChoice.MaxLength} karakter).");
            command = command with { StakeholderCategory = stakeholder.Value, Bentuk = bentuk.Value };
            id = command.Id.Trim();
            title = command.Title.Trim();
        }

        var kegiatan = new Kegiatan
        {
            Id = id,
            SopCode = sop.Code,
            SopVersion = sop.Version,
            SubProcess = sub.Code,
            Kind = command.Kind,
            Title = title,
            StakeholderCategory = command.Kind == WorkflowKind.PerKegiatan ? command.StakeholderCategory : null,
            Bentuk = command.Kind == WorkflowKind.PerKegiatan ? command.Bentuk : null,
            Programme = command.Programme,
            Komoditas = command.Komoditas,
            Fungsi = command.Fungsi,
            PartEndStepId = command.PartEndStepId,
            UnitId = command.UnitId,
            OfficerId = command.OfficerId,
            Year = command.Year,
            CreatedAt = at,
            CurrentStepId = entry.Id,
            Steps = [new StepRecord { StepId = entry.Id }],
        };
        var events = new List<AuditEvent>
        {
            new(Subject(kegiatan), actor.Id, actor.OnBehalfOf, "kegiatan.started", at, null,
                $"{entry.Id} {StepStatus.MenungguKelengkapan}", $"SOP {sop.Code} rev. {sop.Version}; {KindText(command.Kind)}"),
        };
        kegiatan.History.AddRange(events);
        return new KegiatanResult(kegiatan, null, events);
    }

    /// <summary>The SOP step (from the kegiatan's own SOP revision) the kegiatan is at, or null when it has ended.</summary>
    public SopStep? CurrentStepDefinition(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return kegiatan.CurrentStepId is { } id ? catalog.Get(kegiatan.SopCode, kegiatan.SopVersion)?.FindStep(id) : null;
    }

    /// <summary>The Kelengkapan items of the current step not yet received (what to ask the officer for).</summary>
    public IReadOnlyList<KelengkapanItem> MissingKelengkapan(Kegiatan kegiatan)
    {
        var step = CurrentStepDefinition(kegiatan);
        var record = kegiatan.CurrentStep;
        return step is null || record is null ? [] : [.. step.Kelengkapan.Where(i => record.Kelengkapan.All(r => r.ItemId != i.Id))];
    }

    /// <summary>Records one Kelengkapan item of the current step; when all are in, the step starts and gets its due date.</summary>
    public KegiatanResult RecordKelengkapan(
        Kegiatan kegiatan, string itemId, string? alternative, string reference, DateOnly receivedOn, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, checkExecutor: true, c =>
        {
            if (c.Record.Status != StepStatus.MenungguKelengkapan)
                return Deny(RefusalCodes.KelengkapanSudahLengkap, $"Kelengkapan langkah {c.Step.Id} sudah lengkap; langkah sudah {StatusText(c.Record.Status)}.");
            var item = c.Step.Kelengkapan.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
                return Deny(RefusalCodes.KelengkapanTidakDikenal,
                    $"Langkah {c.Step.Id} tidak memiliki kelengkapan '{itemId}'. Yang dibutuhkan: {string.Join("; ", c.Step.Kelengkapan.Select(i => $"{i.Id}: {i.Text}"))}.");
            var chosen = alternative is null && item.Alternatives.Count == 1
                ? item.Alternatives[0]
                : item.Alternatives.FirstOrDefault(a => string.Equals(a.Trim(), alternative?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
                return Deny(RefusalCodes.AlternatifTidakDikenal, $"Pilih salah satu: {item.Text}.");
            if (string.IsNullOrWhiteSpace(reference))
                return Deny(RefusalCodes.DataKosong, "Referensi kelengkapan (nomor surat, tautan atau berkas) wajib diisi.");

            c.Record.Kelengkapan.RemoveAll(r => r.ItemId == item.Id);
            c.Record.Kelengkapan.Add(new KelengkapanRecord
            {
                ItemId = item.Id, Alternative = chosen, Reference = reference.Trim(), ReceivedOn = receivedOn, RecordedBy = actor.Id,
            });
            c.Emit("kelengkapan.recorded", null, null, $"{c.Step.Id}/{item.Id}: {chosen} ({reference.Trim()}, {receivedOn:yyyy-MM-dd})");
            c.StartIfComplete(c.Record, c.Step);
            return null;
        });

    /// <summary>The officer's planned date for a step whose Waktu is N/A.</summary>
    public KegiatanResult SetPlannedDate(Kegiatan kegiatan, DateOnly plannedOn, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, checkExecutor: true, c =>
        {
            if (!c.Step.IsNotApplicableWaktu)
                return Deny(RefusalCodes.WaktuBukanNa, $"Langkah {c.Step.Id} memiliki waktu {c.Step.WaktuText}; tanggal jatuh tempo dihitung otomatis.");
            if (c.Record.Status is not (StepStatus.MenungguKelengkapan or StepStatus.Berjalan or StepStatus.Ditunda))
                return Deny(RefusalCodes.StatusTidakSesuai, $"Rencana tidak dapat diubah saat langkah {c.Step.Id} {StatusText(c.Record.Status)}.");
            if (c.Record.StartedOn is { } started && plannedOn < started)
                return Deny(RefusalCodes.TanggalTidakValid, $"Tanggal rencana {plannedOn:yyyy-MM-dd} sebelum langkah dimulai ({started:yyyy-MM-dd}).");
            var before = c.Record.PlannedOn;
            c.Record.PlannedOn = plannedOn;
            c.Emit("step.planned", before?.ToString("yyyy-MM-dd", null), plannedOn.ToString("yyyy-MM-dd", null), c.Step.Id);
            return null;
        });

    /// <summary>Completes the current step with its Output; <paramref name="branchId"/> takes a branch the SOP allows after it.</summary>
    public KegiatanResult CompleteStep(
        Kegiatan kegiatan, string outputReference, DateOnly completedOn, Actor actor, DateTimeOffset at, string? branchId = null) =>
        Apply(kegiatan, actor, at, checkExecutor: true, c =>
        {
            if (RefuseUnlessRunning(c) is { } refusal) return refusal;
            if (c.Step.Disposisi is { Optional: false } rule)
                return Deny(RefusalCodes.PerluDisposisi,
                    $"Langkah {c.Step.Id} harus diputuskan pimpinan ({RoleNames(c.Sop, rule.Roles)}); kirim ke pimpinan, bukan selesaikan langsung.");
            if (c.Step.IsNotApplicableWaktu && c.Record.PlannedOn is null)
                return Deny(RefusalCodes.RencanaBelumAda, $"Langkah {c.Step.Id} berwaktu N/A: isi tanggal rencana dahulu.");
            if (string.IsNullOrWhiteSpace(outputReference))
                return Deny(RefusalCodes.DataKosong, $"Referensi output ({c.Step.Output}) wajib diisi.");
            if (completedOn < c.Record.StartedOn)
                return Deny(RefusalCodes.TanggalTidakValid, $"Tanggal selesai {completedOn:yyyy-MM-dd} sebelum langkah dimulai ({c.Record.StartedOn:yyyy-MM-dd}).");

            var target = c.Step.Next;
            SopBranch? branch = null;
            if (branchId is not null)
            {
                branch = c.Step.Branches.FirstOrDefault(b => b.Id == branchId && b.After == BranchTiming.Complete);
                if (branch is null)
                    return Deny(RefusalCodes.CabangTidakDikenal, c.Step.Branches.Any(b => b.After == BranchTiming.Complete)
                        ? $"Cabang '{branchId}' tidak dikenal untuk langkah {c.Step.Id}. Pilihan: {string.Join(", ", c.Step.Branches.Where(b => b.After == BranchTiming.Complete).Select(b => b.Id))}."
                        : $"SOP tidak mengizinkan percabangan setelah langkah {c.Step.Id}; lanjut ke {c.Step.Next ?? "akhir alur"}.");
                target = branch.To;
            }

            c.Finish(c.Record, c.Step, outputReference.Trim(), completedOn, "step.completed");
            if (branch is not null)
                c.SkipBetween(c.Step.Id, branch.To, includeFrom: false, branch.Label, completedOn);
            c.Advance(c.Step, target, outputReference.Trim(), completedOn);
            return null;
        });

    /// <summary>Skips the current step (and those up to the branch target) where the SOP makes it voluntary.</summary>
    public KegiatanResult SkipStep(Kegiatan kegiatan, string branchId, string? reason, DateOnly skippedOn, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, checkExecutor: true, c =>
        {
            var branch = c.Step.Branches.FirstOrDefault(b => b.Id == branchId && b.After == BranchTiming.Skip);
            if (branch is null)
            {
                var skippable = c.Step.Branches.Where(b => b.After == BranchTiming.Skip).ToList();
                return skippable.Count == 0
                    ? Deny(RefusalCodes.TidakBolehDilewati, $"Langkah {c.Step.Id} wajib menurut SOP dan tidak dapat dilewati.")
                    : Deny(RefusalCodes.CabangTidakDikenal, $"Cabang '{branchId}' tidak dikenal untuk langkah {c.Step.Id}. Pilihan: {string.Join(", ", skippable.Select(b => b.Id))}.");
            }

            if (c.Record.Status is not (StepStatus.MenungguKelengkapan or StepStatus.Berjalan))
                return Deny(RefusalCodes.StatusTidakSesuai, $"Langkah {c.Step.Id} tidak dapat dilewati saat {StatusText(c.Record.Status)}.");

            var note = string.IsNullOrWhiteSpace(reason) ? branch.Label : $"{branch.Label}: {reason.Trim()}";
            c.SkipBetween(c.Step.Id, branch.To, includeFrom: true, note, skippedOn);
            c.Advance(c.Step, branch.To, null, skippedOn);
            return null;
        });

    /// <summary>Sends the current step's Output to the leader; the step waits in menunggu disposisi.</summary>
    public KegiatanResult SubmitToLeader(Kegiatan kegiatan, string outputReference, DateOnly submittedOn, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, checkExecutor: true, c =>
        {
            if (c.Step.Disposisi is null)
                return Deny(RefusalCodes.TanpaDisposisi, $"Langkah {c.Step.Id} tidak disampaikan kepada pimpinan menurut SOP; selesaikan langsung.");
            if (RefuseUnlessRunning(c) is { } refusal) return refusal;
            if (string.IsNullOrWhiteSpace(outputReference))
                return Deny(RefusalCodes.DataKosong, $"Referensi output ({c.Step.Output}) wajib diisi.");
            c.Record.OutputReference = outputReference.Trim();
            c.SendToLeader(c.Record, submittedOn, outputReference.Trim());
            return null;
        });

    /// <summary>
    /// The leader (or their Plt/Plh) approves: the step is selesai and the next one begins. For a leader-decides step
    /// the output reference (disposisi arahan / pengesahan) is required.
    /// </summary>
    public KegiatanResult Approve(Kegiatan kegiatan, DateOnly decidedOn, Actor actor, DateTimeOffset at, string? outputReference = null) =>
        Apply(kegiatan, actor, at, c =>
        {
            if (c.Record.Status != StepStatus.MenungguDisposisi)
                return Deny(RefusalCodes.BukanMenungguDisposisi, $"Langkah {c.Step.Id} tidak sedang menunggu disposisi (status: {StatusText(c.Record.Status)}).");
            var output = string.IsNullOrWhiteSpace(outputReference) ? c.Record.OutputReference : outputReference.Trim();
            if (c.Step.Disposisi?.Mode == DisposisiMode.LeaderDecides && string.IsNullOrWhiteSpace(outputReference))
                return Deny(RefusalCodes.DataKosong, $"Referensi {c.Step.Output} wajib diisi oleh pimpinan.");
            if (decidedOn < c.Record.StartedOn)
                return Deny(RefusalCodes.TanggalTidakValid, $"Tanggal keputusan {decidedOn:yyyy-MM-dd} sebelum langkah dimulai.");
            if (c.Step.QuarterDeadline && c.Record.Quarters.Count(q => q.ApprovedOn is null) > 1)
            {
                c.ReportQuarter(output!, decidedOn);
                return null;
            }

            c.Record.Quarters.FirstOrDefault(q => q.ApprovedOn is null)?.Approve(decidedOn, output!);
            c.Finish(c.Record, c.Step, output!, decidedOn, "step.approved");
            c.Advance(c.Step, c.Step.Next, output, decidedOn);
            return null;
        });

    /// <summary>
    /// The monitoring period of a step due quarterly (D.8): one report per quarter from <paramref name="from"/> to
    /// <paramref name="to"/>, each due by the 10th after its quarter ends (reports already approved are kept).
    /// </summary>
    public KegiatanResult SetMonitoringPeriod(Kegiatan kegiatan, DateOnly from, DateOnly to, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, checkExecutor: true, c =>
        {
            if (!c.Step.QuarterDeadline)
                return Deny(RefusalCodes.StatusTidakSesuai, $"Langkah {c.Step.Id} tidak dilaporkan per triwulan.");
            if (c.Record.Status is not (StepStatus.Berjalan or StepStatus.MenungguKelengkapan))
                return Deny(RefusalCodes.StatusTidakSesuai, $"Periode monitoring tidak dapat diubah saat langkah {c.Step.Id} {StatusText(c.Record.Status)}.");
            if (to < from || to.Year - from.Year > 5)
                return Deny(RefusalCodes.TanggalTidakValid, $"Periode monitoring {from:yyyy-MM-dd} s.d. {to:yyyy-MM-dd} tidak valid.");
            var before = string.Join(", ", c.Record.Quarters.Select(q => q.Quarter));
            var done = c.Record.Quarters.Where(q => q.ApprovedOn is not null).ToList();
            c.Record.Quarters.Clear();
            c.Record.Quarters.AddRange(done);
            foreach (var q in QuarterReports(from, to, c.Kegiatan.UnitId).Where(q => done.All(d => d.Quarter != q.Quarter)))
                c.Record.Quarters.Add(q);
            c.Record.Quarters.Sort((a, b) => a.DueOn.CompareTo(b.DueOn));
            c.DueFromQuarters();
            c.Emit("step.monitoring-period", before, string.Join(", ", c.Record.Quarters.Select(q => q.Quarter)),
                $"{c.Step.Id}: periode monitoring {from:yyyy-MM-dd} s.d. {to:yyyy-MM-dd}; {c.Record.Quarters.Count} laporan triwulan");
            return null;
        });

    /// <summary>
    /// Waktu "disesuaikan dengan target unit terkait" (A.7/B.7/C.5): the unit's own target date for the current step,
    /// within the cycle year; it replaces the SOP's HK as the due date. The caller checks that the actor is the unit's admin.
    /// </summary>
    public KegiatanResult SetUnitTarget(Kegiatan kegiatan, DateOnly target, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, c =>
        {
            if (!c.Step.UnitTargetAllowed)
                return Deny(RefusalCodes.TargetTidakValid, $"Waktu langkah {c.Step.Id} mengikuti SOP ({c.Step.WaktuText}); tidak dapat diganti target unit.");
            if (target.Year != c.Kegiatan.Year)
                return Deny(RefusalCodes.TargetTidakValid, $"Target unit harus dalam tahun siklus {c.Kegiatan.Year}, bukan {target:yyyy-MM-dd}.");
            if (c.Record.StartedOn is { } started && target < started)
                return Deny(RefusalCodes.TargetTidakValid, $"Target {target:yyyy-MM-dd} sebelum langkah {c.Step.Id} dimulai ({started:yyyy-MM-dd}).");
            if (c.Record.Status is not (StepStatus.MenungguKelengkapan or StepStatus.Berjalan or StepStatus.Ditunda))
                return Deny(RefusalCodes.StatusTidakSesuai, $"Target tidak dapat diubah saat langkah {c.Step.Id} {StatusText(c.Record.Status)}.");
            var before = c.Record.DueOn?.ToString("yyyy-MM-dd", null) ?? c.Step.WaktuText;
            c.Record.UnitTarget = target;
            if (c.Record.StartedOn is not null)
            {
                c.Record.DueOn = target;
                c.Record.DueReason = UnitTargetReason;
            }

            c.Emit("step.unit-target", before, target.ToString("yyyy-MM-dd", null), $"{c.Step.Id}: {UnitTargetReason}");
            return null;
        });

    private const string UnitTargetReason = "target unit (waktu disesuaikan dengan target unit terkait)";

    /// <summary>One report per quarter touching [from, to], each due by the 10th after its quarter ends.</summary>
    private List<QuarterReport> QuarterReports(DateOnly from, DateOnly to, string unitId)
    {
        var list = new List<QuarterReport>();
        for (var start = new DateOnly(from.Year, ((from.Month - 1) / 3 * 3) + 1, 1); start <= to; start = start.AddMonths(3))
        {
            var deadline = calendar.QuarterDeadline(start, unitId);
            list.Add(new QuarterReport
            {
                Quarter = $"{start.Year}-T{((start.Month - 1) / 3) + 1}", DueOn = deadline.Date,
                DueReason = deadline.Reason is null ? QuarterRule : $"{QuarterRule}; {deadline.Reason}",
            });
        }

        return list;
    }

    private const string QuarterRule = "paling lambat tanggal 10 setelah triwulan berakhir";

    /// <summary>The leader returns the step with a reason: it is berjalan again for the officer to rework and resubmit.</summary>
    public KegiatanResult Return(Kegiatan kegiatan, string reason, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, c =>
        {
            if (c.Record.Status != StepStatus.MenungguDisposisi)
                return Deny(RefusalCodes.BukanMenungguDisposisi, $"Langkah {c.Step.Id} tidak sedang menunggu disposisi (status: {StatusText(c.Record.Status)}).");
            if (string.IsNullOrWhiteSpace(reason))
                return Deny(RefusalCodes.AlasanKosong, "Alasan pengembalian wajib diisi.");
            c.Record.Status = StepStatus.Berjalan;
            c.Record.Note = reason.Trim();
            c.Record.TimesReturned++;
            c.Emit("step.returned", $"{c.Step.Id} {StepStatus.MenungguDisposisi}", $"{c.Step.Id} {StepStatus.Berjalan}", reason.Trim());
            return null;
        });

    /// <summary>Tunda: pauses a berjalan step with a reason; the HK paused are added to the due date on resume.</summary>
    public KegiatanResult Pause(Kegiatan kegiatan, string reason, DateOnly pausedOn, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, checkExecutor: true, c =>
        {
            if (c.Record.Status != StepStatus.Berjalan)
                return Deny(RefusalCodes.StatusTidakSesuai, $"Hanya langkah yang berjalan dapat ditunda; langkah {c.Step.Id} {StatusText(c.Record.Status)}.");
            if (string.IsNullOrWhiteSpace(reason))
                return Deny(RefusalCodes.AlasanKosong, "Alasan penundaan wajib diisi.");
            if (pausedOn < c.Record.StartedOn)
                return Deny(RefusalCodes.TanggalTidakValid, $"Tanggal tunda {pausedOn:yyyy-MM-dd} sebelum langkah dimulai.");
            c.Record.Status = StepStatus.Ditunda;
            c.Record.PausedOn = pausedOn;
            c.Record.PauseReason = reason.Trim();
            c.Emit("step.paused", $"{c.Step.Id} {StepStatus.Berjalan}", $"{c.Step.Id} {StepStatus.Ditunda}", reason.Trim());
            return null;
        });

    /// <summary>Lanjutkan: resumes a paused step; the days paused are recorded and the due date moves by the HK paused.</summary>
    public KegiatanResult Resume(Kegiatan kegiatan, DateOnly resumedOn, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, checkExecutor: true, c =>
        {
            if (c.Record.Status != StepStatus.Ditunda || c.Record.PausedOn is not { } pausedOn)
                return Deny(RefusalCodes.StatusTidakSesuai, $"Langkah {c.Step.Id} tidak sedang ditunda.");
            if (resumedOn < pausedOn)
                return Deny(RefusalCodes.TanggalTidakValid, $"Tanggal lanjut {resumedOn:yyyy-MM-dd} sebelum tanggal tunda {pausedOn:yyyy-MM-dd}.");
            var hk = calendar.WorkingDaysBetween(pausedOn, resumedOn, c.Kegiatan.UnitId);
            var before = c.Record.DueOn;
            if (hk > 0 && c.Record.DueOn is { } due)
                c.Record.DueOn = calendar.AddWorkingDays(due, hk, c.Kegiatan.UnitId);
            c.Record.PausedHk += hk;
            c.Record.PausedDays += resumedOn.DayNumber - pausedOn.DayNumber;
            c.Record.PausedOn = null;
            c.Record.Status = StepStatus.Berjalan;
            c.Emit("step.resumed", $"{c.Step.Id} {StepStatus.Ditunda}", $"{c.Step.Id} {StepStatus.Berjalan}",
                $"ditunda {hk} HK ({resumedOn.DayNumber - pausedOn.DayNumber} hari); jatuh tempo {before:yyyy-MM-dd} -> {c.Record.DueOn:yyyy-MM-dd}");
            return null;
        });

    /// <summary>Batal: cancels the kegiatan with a reason, whatever step it is at.</summary>
    public KegiatanResult Cancel(Kegiatan kegiatan, string reason, Actor actor, DateTimeOffset at) =>
        Apply(kegiatan, actor, at, c =>
        {
            if (string.IsNullOrWhiteSpace(reason))
                return Deny(RefusalCodes.AlasanKosong, "Alasan pembatalan wajib diisi.");
            c.Kegiatan.Status = KegiatanStatus.Dibatalkan;
            c.Kegiatan.CancelReason = reason.Trim();
            c.Emit("kegiatan.cancelled", $"{KegiatanStatus.Berjalan} {c.Step.Id}", $"{KegiatanStatus.Dibatalkan}", reason.Trim());
            return null;
        });

    private static Refusal? RefuseUnlessRunning(Context c) => c.Record.Status switch
    {
        StepStatus.Berjalan => null,
        StepStatus.MenungguKelengkapan => Deny(RefusalCodes.KelengkapanBelumLengkap,
            $"Kelengkapan langkah {c.Step.Id} belum lengkap: {string.Join("; ", c.Step.Kelengkapan.Where(i => c.Record.Kelengkapan.All(r => r.ItemId != i.Id)).Select(i => i.Text))}."),
        StepStatus.Ditunda => Deny(RefusalCodes.LangkahDitunda, $"Langkah {c.Step.Id} sedang ditunda ({c.Record.PauseReason}); lanjutkan dahulu."),
        StepStatus.MenungguDisposisi => Deny(RefusalCodes.MenungguDisposisi, $"Langkah {c.Step.Id} sedang menunggu disposisi pimpinan."),
        _ => Deny(RefusalCodes.StatusTidakSesuai, $"Langkah {c.Step.Id} sudah {StatusText(c.Record.Status)}."),
    };

    private KegiatanResult Apply(Kegiatan original, Actor actor, DateTimeOffset at, Func<Context, Refusal?> change) =>
        Apply(original, actor, at, checkExecutor: false, change);

    /// <summary>
    /// BUKAN_PELAKSANA when the actor's profile (unit and roles) fills none of the step's executor roles, naming who
    /// can; null when allowed or when no profile is given.
    /// </summary>
    private Refusal? ExecutorRefusal(SopDefinition sop, SopSubProcess sub, string? programme, SopStep step, Actor actor)
    {
        if (actor.Profile is not { } profile || StepExecutors.Allows(sub, programme, step, profile)) return null;
        var who = StepExecutors.WhoCan(sop, sub, programme, step, id => units?.Find(id)?.Name, profile.Unit.Name);
        return new Refusal(RefusalCodes.BukanPelaksana, who.Refusal().Indonesian, who);
    }

    private KegiatanResult Apply(Kegiatan original, Actor actor, DateTimeOffset at, bool checkExecutor, Func<Context, Refusal?> change)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(actor);
        if (original.Status == KegiatanStatus.Selesai)
            return Refuse(RefusalCodes.KegiatanSelesai, $"Kegiatan \"{original.Title}\" sudah selesai.");
        if (original.Status == KegiatanStatus.Dibatalkan)
            return Refuse(RefusalCodes.KegiatanDibatalkan, $"Kegiatan \"{original.Title}\" sudah dibatalkan ({original.CancelReason}).");
        var sop = catalog.Get(original.SopCode, original.SopVersion);
        if (sop is null)
            return Refuse(RefusalCodes.SopVersiTidakAda, $"SOP {original.SopCode} revisi {original.SopVersion} tidak tersedia.");

        if (checkExecutor && original.CurrentStepId is { } currentId && sop.FindStep(currentId) is { } current
            && sop.FindSubProcess(original.SubProcess) is { } sub
            && ExecutorRefusal(sop, sub, original.Programme, current, actor) is { } notExecutor)
            return Refuse(notExecutor);

        var copy = KegiatanJson.Deserialize(KegiatanJson.Serialize(original))!;
        var context = new Context(calendar, sop, copy, actor, at);
        try
        {
            var refusal = change(context);
            if (refusal is not null)
            {
                return Refuse(refusal);
            }

            copy.History.AddRange(context.Events);
            return new KegiatanResult(copy, null, context.Events);
        }
        catch (CalendarNotAvailableException ex)
        {
            return Refuse(RefusalCodes.KalenderTidakTersedia, $"Kalender HK tahun {ex.Year} belum tersedia; jatuh tempo tidak dapat dihitung.");
        }
    }

    private static KegiatanResult Refuse(string code, string reason) => Refuse(new Refusal(code, reason));

    private static Refusal Deny(string code, string reason) => new(code, reason);

    private static KegiatanResult Refuse(Refusal refusal) => new(null, refusal, []);

    private static string Subject(Kegiatan kegiatan) => $"kegiatan/{kegiatan.Id}";

    internal static string KindText(WorkflowKind kind) => kind == WorkflowKind.PerKegiatan ? "per kegiatan" : "siklus tahunan";

    internal static string StatusText(StepStatus status) => status switch
    {
        StepStatus.MenungguKelengkapan => "menunggu kelengkapan",
        StepStatus.Berjalan => "berjalan",
        StepStatus.Ditunda => "ditunda",
        StepStatus.MenungguDisposisi => "menunggu disposisi",
        StepStatus.Selesai => "selesai",
        StepStatus.Dilewati => "dilewati",
        _ => status.ToString(),
    };

    private static string ChoiceNames(IReadOnlyList<SopChoice> all, IReadOnlyList<string> ids) =>
        string.Join(", ", ids.Select(id => all.FirstOrDefault(c => c.Id == id)?.Name ?? id));

    private static string RoleNames(SopDefinition sop, IReadOnlyList<string> roles) =>
        string.Join(" atau ", roles.Select(r => sop.FindRole(r)?.Name ?? r));

    /// <summary>The working state of one call: the copy being changed, the current step and the events so far.</summary>
    private sealed class Context(IWorkingDayCalendar calendar, SopDefinition sop, Kegiatan kegiatan, Actor actor, DateTimeOffset at)
    {
        public SopDefinition Sop { get; } = sop;
        public Kegiatan Kegiatan { get; } = kegiatan;
        public List<AuditEvent> Events { get; } = [];
        public StepRecord Record => Kegiatan.CurrentStep!;
        public SopStep Step => Sop.FindStep(Kegiatan.CurrentStepId!)!;
        private SopSubProcess Sub => Sop.FindSubProcess(Kegiatan.SubProcess)!;
        private IWorkingDayCalendar Calendar => calendar;

        public void Emit(string action, string? before, string? after, string? detail = null) =>
            Events.Add(new AuditEvent(Subject(Kegiatan), actor.Id, actor.OnBehalfOf, action, at, before, after, detail));

        public void StartIfComplete(StepRecord record, SopStep step)
        {
            if (step.Kelengkapan.Any(i => record.Kelengkapan.All(r => r.ItemId != i.Id)))
                return;
            var startedOn = record.Kelengkapan.Max(r => r.ReceivedOn);
            record.StartedOn = startedOn;
            if (step.WaktuHk is { } hk)
            {
                record.DueOn = Calendar.AddWorkingDays(startedOn, hk, Kegiatan.UnitId);
                if (step.QuarterDeadline)
                {
                    var quarter = Calendar.QuarterDeadline(startedOn, Kegiatan.UnitId);
                    if (quarter.Date < record.DueOn)
                    {
                        record.DueOn = quarter.Date;
                        record.DueReason = quarter.Reason is null
                            ? "paling lambat tanggal 10 setelah triwulan berakhir"
                            : $"paling lambat tanggal 10 setelah triwulan berakhir; {quarter.Reason}";
                    }

                    // Until the officer sets the monitoring period, the one report is the quarter the step started in.
                    if (record.Quarters.Count == 0)
                        record.Quarters.Add(new QuarterReport { Quarter = $"{startedOn.Year}-T{((startedOn.Month - 1) / 3) + 1}", DueOn = record.DueOn!.Value, DueReason = record.DueReason });
                }
            }

            if (record.UnitTarget is { } unitTarget && step.UnitTargetAllowed)
            {
                record.DueOn = unitTarget;
                record.DueReason = UnitTargetReason;
            }

            record.Status = StepStatus.Berjalan;
            Emit("step.started", $"{step.Id} {StepStatus.MenungguKelengkapan}", $"{step.Id} {StepStatus.Berjalan}",
                record.DueOn is { } due ? $"mulai {startedOn:yyyy-MM-dd}, jatuh tempo {due:yyyy-MM-dd} ({step.WaktuText})" : $"mulai {startedOn:yyyy-MM-dd}, waktu N/A (rencana petugas)");

            // A step the leader decides goes to the leader as soon as its inputs are in.
            if (step.Disposisi is { Mode: DisposisiMode.LeaderDecides, Optional: false })
                SendToLeader(record, startedOn, null);
        }

        /// <summary>A quarterly report approved while later quarters remain: the step goes on, due at the next quarter.</summary>
        public void ReportQuarter(string output, DateOnly on)
        {
            var quarter = Record.Quarters.First(q => q.ApprovedOn is null);
            quarter.Approve(on, output);
            Record.Status = StepStatus.Berjalan;
            Record.OutputReference = null;
            DueFromQuarters();
            Emit("step.quarter-reported", $"{Step.Id} {StepStatus.MenungguDisposisi}", $"{Step.Id} {StepStatus.Berjalan}",
                $"laporan triwulan {quarter.Quarter}: {output}; berikutnya jatuh tempo {Record.DueOn:yyyy-MM-dd}");
        }

        /// <summary>The step is due at its first quarterly report not yet approved.</summary>
        public void DueFromQuarters()
        {
            if (Record.Quarters.FirstOrDefault(q => q.ApprovedOn is null) is { } next)
            {
                Record.DueOn = next.DueOn;
                Record.DueReason = $"laporan triwulan {next.Quarter}: {next.DueReason}";
            }
        }

        public void SendToLeader(StepRecord record, DateOnly submittedOn, string? reference)
        {
            var before = record.Status;
            record.Status = StepStatus.MenungguDisposisi;
            record.SubmittedOn = submittedOn;
            var roles = RoleNames(Sop, Step.Disposisi!.Roles);
            Emit("step.submitted", $"{record.StepId} {before}", $"{record.StepId} {StepStatus.MenungguDisposisi}",
                reference is null ? $"kepada {roles}" : $"kepada {roles}: {reference}");
        }

        public void Finish(StepRecord record, SopStep step, string output, DateOnly completedOn, string action)
        {
            var before = record.Status;
            record.Status = StepStatus.Selesai;
            record.CompletedOn = completedOn;
            record.OutputReference = output;
            var target = record.DueOn ?? record.PlannedOn;
            record.LateHk = target is { } t ? Math.Max(0, Calendar.WorkingDaysBetween(t, completedOn, Kegiatan.UnitId)) : 0;
            Emit(action, $"{step.Id} {before}", $"{step.Id} {StepStatus.Selesai}",
                record.LateHk > 0 ? $"output {output}; terlambat {record.LateHk} HK" : $"output {output}");
        }

        /// <summary>Records as dilewati the steps after (or from) <paramref name="fromId"/> up to, not including, <paramref name="toId"/>.</summary>
        public void SkipBetween(string fromId, string toId, bool includeFrom, string note, DateOnly on)
        {
            var steps = Sub.Steps.ToList();
            var from = steps.FindIndex(s => s.Id == fromId);
            var to = steps.FindIndex(s => s.Id == toId);
            for (var i = includeFrom ? from : from + 1; i < to; i++)
            {
                var record = Kegiatan.FindStep(steps[i].Id);
                if (record is null)
                {
                    record = new StepRecord { StepId = steps[i].Id };
                    Kegiatan.Steps.Add(record);
                }

                var before = record.Status;
                record.Status = StepStatus.Dilewati;
                record.Note = note;
                record.CompletedOn = on;
                Emit("step.skipped", $"{steps[i].Id} {before}", $"{steps[i].Id} {StepStatus.Dilewati}", note);
            }
        }

        /// <summary>Moves to <paramref name="nextId"/> (or ends the kegiatan), pre-filling its Kelengkapan from the Output just produced.</summary>
        public void Advance(SopStep from, string? nextId, string? output, DateOnly on)
        {
            if (Kegiatan.PartEndStepId == from.Id)
            {
                Kegiatan.CurrentStepId = null;
                Kegiatan.Status = KegiatanStatus.Selesai;
                Emit("kegiatan.part-completed", $"{KegiatanStatus.Berjalan} {from.Id}", $"{KegiatanStatus.Selesai}",
                    nextId is null ? null : $"bagian unit selesai; {nextId} dilanjutkan dalam siklus tahunan nasional");
                return;
            }

            if (nextId is null)
            {
                Kegiatan.CurrentStepId = null;
                Kegiatan.Status = KegiatanStatus.Selesai;
                Emit("kegiatan.completed", $"{KegiatanStatus.Berjalan} {from.Id}", $"{KegiatanStatus.Selesai}");
                return;
            }

            var next = Sop.FindStep(nextId)!;
            var record = new StepRecord { StepId = next.Id };
            Kegiatan.Steps.Add(record);
            Kegiatan.CurrentStepId = next.Id;
            Emit("step.reached", from.Id, $"{next.Id} {StepStatus.MenungguKelengkapan}");

            foreach (var item in next.Kelengkapan)
            {
                if (item.FromOutputOf is not { } source) continue;
                var sourceRecord = Kegiatan.FindStep(source);
                string? reference = null;
                if (sourceRecord?.Status == StepStatus.Selesai && sourceRecord.OutputReference is not null)
                    reference = sourceRecord.OutputReference;
                else if (sourceRecord?.Status == StepStatus.Dilewati && output is not null)
                    reference = $"{output} (langkah {source} dilewati)"; // the output carried across the skipped steps stands in
                else if (sourceRecord?.Status == StepStatus.Dilewati)
                    reference = LastOutputBefore(next.Id) is { } carried ? $"{carried} (langkah {source} dilewati)" : null;
                if (reference is null) continue;

                record.Kelengkapan.Add(new KelengkapanRecord
                {
                    ItemId = item.Id, Alternative = item.Alternatives[0], Reference = reference, ReceivedOn = on,
                    RecordedBy = actor.Id, Prefilled = true,
                });
                Emit("kelengkapan.prefilled", null, null, $"{next.Id}/{item.Id}: {item.Alternatives[0]} ({reference})");
            }

            StartIfComplete(record, next);
        }

        private string? LastOutputBefore(string stepId) =>
            Kegiatan.Steps.Where(s => s.StepId != stepId && s.Status == StepStatus.Selesai).Select(s => s.OutputReference).LastOrDefault();
    }
}
