using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Outbox;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Application;

/// <summary>
/// The result of an officer's action: the kegiatan as stored now, or why not: an Indonesian sentence and a refusal code
/// (<see cref="RefusalCodes"/>, <see cref="WorkflowRefusals"/>) that <see cref="RefusalTexts"/> turns into English.
/// <see cref="SentToLeader"/>: the current step has just gone to a leader (menunggu disposisi).
/// </summary>
public sealed record WorkflowOutcome(Kegiatan? Kegiatan, string? Error, bool SentToLeader = false, string? Code = null, Phrase? Words = null)
{
    public bool Succeeded => Error is null;

    public static WorkflowOutcome Fail(string error, string code) => new(null, error, Code: code);

    /// <summary>A refusal worded in both languages by the domain (e.g. naming who can do the step).</summary>
    public static WorkflowOutcome Fail(Phrase words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new(null, words.Indonesian, Code: words.Code, Words: words);
    }

    public static WorkflowOutcome Fail(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(null, refusal.Reason, Code: refusal.Code, Words: refusal.Words);
    }

    /// <summary>Why the action was refused, in the user's language (null when it succeeded).</summary>
    public string? ErrorText(bool english) =>
        Error is null ? null : english && Words is not null ? Words.English : RefusalTexts.Text(Code, Error, english);
}

/// <summary>Refusal codes of the application layer (the engine's are in <see cref="RefusalCodes"/>).</summary>
public static class WorkflowRefusals
{
    public const string KegiatanTidakDitemukan = "KEGIATAN_TIDAK_DITEMUKAN";
    public const string PetugasLain = "PETUGAS_LAIN";
    public const string KegiatanBerubah = "KEGIATAN_BERUBAH";
    public const string NomorSudahAda = "NOMOR_SUDAH_ADA";
    public const string UnitTidakDikenal = "UNIT_TIDAK_DIKENAL";
}

/// <summary>
/// The one place where refusal codes become words. Indonesian keeps the engine's own sentence (it names the kegiatan and
/// the step); English has one sentence per code.
/// </summary>
public static class RefusalTexts
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        [RefusalCodes.SopTidakDikenal] = "That SOP is not known.",
        [RefusalCodes.SopVersiTidakAda] = "This revision of the SOP is not available.",
        [RefusalCodes.SubprosesTidakDikenal] = "That sub-process is not in the SOP.",
        [RefusalCodes.AlurTidakAda] = "This sub-process has no such flow (for example, no annual cycle).",
        [RefusalCodes.DataKosong] = "Some required data is missing.",
        [RefusalCodes.PemangkuKepentinganTidakSesuai] = "That stakeholder does not fit this sub-process.",
        [RefusalCodes.BentukTidakSesuai] = "That form of activity does not fit this sub-process.",
        [RefusalCodes.KegiatanSelesai] = "This kegiatan is already done.",
        [RefusalCodes.KegiatanDibatalkan] = "This kegiatan was already cancelled.",
        [RefusalCodes.KelengkapanTidakDikenal] = "That kelengkapan item is not part of this step.",
        [RefusalCodes.AlternatifTidakDikenal] = "That alternative is not allowed for this item.",
        [RefusalCodes.KelengkapanSudahLengkap] = "This item of the step's kelengkapan is already recorded.",
        [RefusalCodes.KelengkapanBelumLengkap] = "This step cannot be completed yet: its kelengkapan is not complete.",
        [RefusalCodes.LangkahDitunda] = "This step is paused; type resume first.",
        [RefusalCodes.MenungguDisposisi] = "This step is waiting for the leader's disposisi.",
        [RefusalCodes.PerluDisposisi] = "This step needs the leader's disposisi first.",
        [RefusalCodes.TanpaDisposisi] = "This step does not go to a leader.",
        [RefusalCodes.BukanMenungguDisposisi] = "This step is not waiting for disposisi.",
        [RefusalCodes.StatusTidakSesuai] = "The step is not in a state that allows this.",
        [RefusalCodes.RencanaBelumAda] = "This step needs a planned date first (type plan <date>).",
        [RefusalCodes.WaktuBukanNa] = "This step has a fixed duration; its due date is computed, no plan needed.",
        [RefusalCodes.TanggalTidakValid] = "That date cannot be used here.",
        [RefusalCodes.AlasanKosong] = "Please give a reason.",
        [RefusalCodes.CabangTidakDikenal] = "That branch is not allowed after this step.",
        [RefusalCodes.TidakBolehDilewati] = "This step is required by the SOP and cannot be skipped.",
        [RefusalCodes.KalenderTidakTersedia] = "The working-day calendar for that year is not available yet, so the due date cannot be computed.",
        [WorkflowRefusals.KegiatanTidakDitemukan] = "This kegiatan no longer exists.",
        [WorkflowRefusals.PetugasLain] = "This kegiatan belongs to another officer.",
        [WorkflowRefusals.KegiatanBerubah] = "This kegiatan was just changed elsewhere. Type next to see its current state, then try again.",
        [WorkflowRefusals.NomorSudahAda] = "A kegiatan with that number already exists.",
        [WorkflowRefusals.UnitTidakDikenal] = "That unit is not known.",
        [RefusalCodes.BukanPelaksana] = "Only this step's executors (Pelaksana in the SOP) may do this, and you are not one of them.",
        [RefusalCodes.TargetTidakValid] = "That unit target cannot be used: it must fall within the cycle year, after the step started, and only for steps whose Waktu follows the unit's target.",
    };

    /// <summary>Every code that has an English text (tests check the engine's codes against it).</summary>
    public static IReadOnlyCollection<string> Codes => English.Keys;

    /// <summary>The refusal in the user's language; an unknown code in English falls back to a neutral sentence.</summary>
    public static string Text(string? code, string indonesian, bool english) =>
        !english ? indonesian
            : code is not null && English.TryGetValue(code, out var text) ? text
            : "That cannot be done right now.";
}

/// <summary>
/// Which kegiatan an officer acts on. With <see cref="ExpectedVersion"/> the action applies only if the kegiatan is
/// still the version the officer was shown (a prompt answered after a change elsewhere, or a redelivered activity
/// whose first delivery already changed it, is refused instead of applied twice).
/// </summary>
public sealed record KegiatanTarget(string KegiatanId, string OfficerId, string? ExpectedVersion = null);

/// <summary>An open kegiatan with the officer's stable number for it.</summary>
public sealed record NumberedKegiatan(int Number, Kegiatan Kegiatan);

/// <summary>How close an open step is to its due date.</summary>
public enum Urgency
{
    /// <summary>Hijau: more than two HK left, or no due date yet.</summary>
    Hijau,

    /// <summary>Kuning: two HK or fewer left.</summary>
    Kuning,

    /// <summary>Merah: past its due (or planned) date.</summary>
    Merah,
}

/// <summary>One open kegiatan of an officer, at its current step, as seen on the officer's local "today".</summary>
public sealed record OpenStep(Kegiatan Kegiatan, SopStep Step, StepRecord Record, DateOnly Today, DateOnly? Target, int? HkLeft, Urgency Urgency)
{
    /// <summary>"sisa 2 HK", "terlambat 3 HK", "jatuh tempo hari ini" or "belum ada tenggat".</summary>
    public string DueText => HkLeft switch
    {
        null => Record.Status == StepStatus.MenungguKelengkapan ? "menunggu kelengkapan" : "belum ada tenggat",
        < 0 => $"terlambat {-HkLeft} HK",
        0 => "jatuh tempo hari ini",
        _ => $"sisa {HkLeft} HK",
    };

    public string DueTextEnglish => HkLeft switch
    {
        null => Record.Status == StepStatus.MenungguKelengkapan ? "waiting for Kelengkapan" : "no due date yet",
        < 0 => $"{-HkLeft} HK overdue",
        0 => "due today",
        _ => $"{HkLeft} HK left",
    };
}

/// <summary>
/// The officer's side of the SOP: load the kegiatan, let <see cref="KegiatanEngine"/> decide, store the result with
/// its version, append the audit events, and hand steps marked for a leader to <see cref="IDisposisiRequester"/>.
/// Dates are the unit's local today (<see cref="OfficeClock"/>).
/// </summary>
public sealed class OfficerWorkflow(
    KegiatanEngine engine,
    IKegiatanRepository repository,
    IAuditLog audit,
    IEnumerable<IDisposisiRequester> disposisi,
    OfficeClock clock,
    TimeProvider timeProvider,
    ISopCatalog catalog,
    IWorkingDayCalendar calendar,
    Roster.ExecutorDirectory? executors = null,
    AnnualCycle.AnnualCycleService? annualCycle = null,
    OutboxRelay? relay = null)
{
    public const string SopCode = "POM-04.01/CFM.01/SOP.01";
    private const string Changed = "Kegiatan ini baru saja diubah di tempat lain. Ketik \"lanjut\" untuk melihat keadaan terbaru, lalu coba lagi.";

    /// <summary>
    /// A start repeated within this time with the same answers, while the first kegiatan is untouched, is the same start
    /// (an answer retyped after a crash, or delivered to two instances): it returns the kegiatan the first one made.
    /// </summary>
    public static readonly TimeSpan StartRepeatWindow = TimeSpan.FromMinutes(15);

    private readonly IDisposisiRequester[] _disposisi = [.. disposisi];
    private readonly OutboxRelay _relay = relay ?? new OutboxRelay(repository, audit, disposisi, engine, timeProvider);

    public SopDefinition Sop => catalog.Latest(SopCode) ?? throw new InvalidOperationException($"SOP {SopCode} is not shipped");

    public SopDefinition SopOf(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return catalog.Get(kegiatan.SopCode, kegiatan.SopVersion) ?? Sop;
    }

    public DateOnly Today(string unitId) => clock.Today(unitId);

    /// <summary>The unit's local date of an instant (for history lines).</summary>
    public DateOnly LocalDate(string unitId, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.ZoneOf(unitId)).DateTime);

    /// <summary>An instant in the unit's local time (for history lines).</summary>
    public DateTimeOffset LocalTime(string unitId, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.ZoneOf(unitId));

    public Task<Kegiatan?> GetAsync(string kegiatanId, CancellationToken cancellationToken = default) =>
        repository.GetAsync(kegiatanId, cancellationToken);

    /// <summary>The officer's kegiatan still berjalan, oldest first: the numbers the officer picks by are positions in this list.</summary>
    public async Task<IReadOnlyList<Kegiatan>> ListOpenAsync(string officerId, CancellationToken cancellationToken = default) =>
        [.. (await repository.ListByOfficerAsync(officerId, cancellationToken)).Where(k => k.Status == KegiatanStatus.Berjalan)];

    /// <summary>
    /// The officer's kegiatan still berjalan with their stable numbers (<see cref="KegiatanNumbers"/>), by number:
    /// the number an officer saw yesterday still picks the same kegiatan.
    /// </summary>
    public async Task<IReadOnlyList<NumberedKegiatan>> ListNumberedOpenAsync(string officerId, CancellationToken cancellationToken = default)
    {
        var all = await repository.ListByOfficerAsync(officerId, cancellationToken);
        var numbers = KegiatanNumbers.Assign(all);
        return [.. all.Where(k => k.Status == KegiatanStatus.Berjalan).Select(k => new NumberedKegiatan(numbers[k.Id], k)).OrderBy(n => n.Number)];
    }

    /// <summary>The officer's task list: each open kegiatan's number, current step and its real state (<see cref="TugasStatus"/>).</summary>
    public async Task<IReadOnlyList<Tugas>> ListTasksAsync(string officerId, CancellationToken cancellationToken = default)
    {
        var result = new List<Tugas>();
        foreach (var (number, kegiatan) in await ListNumberedOpenAsync(officerId, cancellationToken))
        {
            if (engine.CurrentStepDefinition(kegiatan) is not { } step || kegiatan.CurrentStep is not { } record) continue;
            DisposisiProgress? progress = null;
            if (record.Status == StepStatus.MenungguDisposisi)
            {
                var request = DisposisiRequestFor(kegiatan, kegiatan.OfficerId);
                foreach (var requester in _disposisi)
                {
                    progress ??= await requester.ProgressAsync(request, cancellationToken);
                }
            }

            var today = clock.Today(kegiatan.UnitId);
            var sentOn = progress?.SentAt is { } at ? LocalDate(kegiatan.UnitId, at) : (DateOnly?)null;
            var state = TugasStatus.Evaluate(record, step, today, (a, b) => HkBetween(a, b, kegiatan.UnitId), progress, sentOn);
            result.Add(new Tugas(number, kegiatan, step, record, record.DueOn ?? record.PlannedOn, state));
        }

        return result;
    }

    private int HkBetween(DateOnly from, DateOnly to, string unitId)
    {
        try
        {
            return calendar.WorkingDaysBetween(from, to, unitId);
        }
        catch (CalendarNotAvailableException)
        {
            return to.DayNumber - from.DayNumber;
        }
    }

    /// <summary>The current step of every open kegiatan of the officer, with HK left and colour.</summary>
    public async Task<IReadOnlyList<OpenStep>> ListOpenStepsAsync(string officerId, CancellationToken cancellationToken = default) =>
        [.. (await ListOpenAsync(officerId, cancellationToken)).Select(Describe).OfType<OpenStep>()];

    /// <summary>Where a kegiatan stands now; null when it has no current step (ended).</summary>
    public OpenStep? Describe(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        if (engine.CurrentStepDefinition(kegiatan) is not { } step || kegiatan.CurrentStep is not { } record)
        {
            return null;
        }

        var today = clock.Today(kegiatan.UnitId);
        var target = record.DueOn ?? record.PlannedOn;
        int? left = null;
        try
        {
            left = target is { } t ? calendar.WorkingDaysBetween(today, t, kegiatan.UnitId) : null;
        }
        catch (CalendarNotAvailableException)
        {
            left = target is { } t ? t.DayNumber - today.DayNumber : null;
        }

        var urgency = left switch
        {
            < 0 => Urgency.Merah,
            <= 2 => Urgency.Kuning,
            _ => Urgency.Hijau,
        };
        return new OpenStep(kegiatan, step, record, today, target, left, urgency);
    }

    public IReadOnlyList<KelengkapanItem> MissingKelengkapan(Kegiatan kegiatan) => engine.MissingKelengkapan(kegiatan);

    /// <summary>
    /// Starts a kegiatan. Idempotent: the id is derived from the officer, the day and the answers
    /// (<see cref="StartKey"/>), so the same start repeated within <see cref="StartRepeatWindow"/> (a retyped last
    /// answer after a crash, the same answer on two instances) finds the kegiatan it already made instead of a second one.
    /// </summary>
    public async Task<WorkflowOutcome> StartAsync(
        string officerId, string unitId, string subProcess, string title, string stakeholder, string bentuk, CancellationToken cancellationToken = default)
    {
        var today = clock.Today(unitId);
        var now = timeProvider.GetUtcNow();
        var mine = await repository.ListByOfficerAsync(officerId, cancellationToken);
        var keyed = $"{today:yyyyMMdd}-{StartKey(officerId, unitId, subProcess, title, stakeholder, bentuk, today)}";
        var taken = mine.FirstOrDefault(k => k.Id == keyed) ?? await repository.GetAsync(keyed, cancellationToken);
        var id = taken is null || IsRepeatOf(taken, officerId, unitId, subProcess, title, now) ? keyed : $"{today:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}";
        var result = engine.Start(
            new StartKegiatan(id, SopCode, subProcess, WorkflowKind.PerKegiatan, title, stakeholder, bentuk, unitId, officerId, today.Year),
            await ActorAsync(officerId, cancellationToken), now);
        if (!result.Succeeded) return WorkflowOutcome.Fail(result.Refusal!);
        var started = result.Kegiatan!;
        if (taken is not null && id == keyed && SameStart(taken, started))
        {
            return new WorkflowOutcome(taken, null); // this start was already made
        }

        started.Number = KegiatanNumbers.Next(mine);
        return await CreateAsync(result, cancellationToken, existing => SameStart(existing, started) && IsRepeatOf(existing, officerId, unitId, subProcess, title, now));
    }

    /// <summary>8 hex of a hash of who starts what on which day: the id part that makes a repeated start find the first.</summary>
    public static string StartKey(string officerId, string unitId, string subProcess, string title, string stakeholder, string bentuk, DateOnly day)
    {
        var text = string.Join('\n', officerId, unitId, subProcess.Trim().ToUpperInvariant(), title.Trim(), stakeholder.Trim(), bentuk.Trim(), day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..8];
    }

    // A stored kegiatan is a repeat of this start if it is young, untouched since its start and has the same answers.
    private static bool IsRepeatOf(Kegiatan k, string officerId, string unitId, string subProcess, string title, DateTimeOffset now) =>
        k.OfficerId == officerId && k.UnitId == unitId && string.Equals(k.SubProcess, subProcess.Trim(), StringComparison.OrdinalIgnoreCase)
        && k.Title == title.Trim() && now - k.CreatedAt < StartRepeatWindow && k.Status == KegiatanStatus.Berjalan && k.Steps.Count == 1
        && k.Steps[0].Kelengkapan.Count == 0 && k.Steps[0].Status is StepStatus.MenungguKelengkapan or StepStatus.Berjalan;

    private static bool SameStart(Kegiatan stored, Kegiatan meant) =>
        stored.OfficerId == meant.OfficerId && stored.UnitId == meant.UnitId && stored.SubProcess == meant.SubProcess && stored.Title == meant.Title
        && stored.StakeholderCategory == meant.StakeholderCategory && stored.Bentuk == meant.Bentuk && stored.Kind == meant.Kind
        && stored.CurrentStepId == meant.CurrentStepId;

    /// <summary>
    /// Starts (or returns) the unit's siklus tahunan of a sub-process for this year, with its first Kelengkapan
    /// pre-filled from that unit's kegiatan of the year and their reports.
    /// </summary>
    public async Task<WorkflowOutcome> StartAnnualAsync(string officerId, string unitId, string subProcess, CancellationToken cancellationToken = default)
    {
        if (annualCycle is not null)
        {
            return await annualCycle.OpenPartAsync(officerId, unitId, subProcess, cancellationToken); // the national cycle: this unit's part
        }

        var year = clock.Today(unitId).Year;
        if (await repository.GetAsync(Kegiatan.AnnualCycleId(SopCode, subProcess.ToUpperInvariant(), unitId, year), cancellationToken) is { } existing)
        {
            return new WorkflowOutcome(existing, null);
        }

        var actor = new Actor(officerId);
        var started = engine.Start(
            new StartKegiatan(null, SopCode, subProcess, WorkflowKind.SiklusTahunan, null, null, null, unitId, officerId, year), actor, timeProvider.GetUtcNow());
        if (!started.Succeeded)
        {
            return WorkflowOutcome.Fail(started.Refusal!);
        }

        var kegiatan = started.Kegiatan!;
        kegiatan.Number = KegiatanNumbers.Next(await repository.ListByOfficerAsync(officerId, cancellationToken));
        var events = started.Events.ToList();
        var ofYear = (await repository.ListByUnitYearAsync(unitId, year, cancellationToken))
            .Where(k => k.Kind == WorkflowKind.PerKegiatan && k.SubProcess == kegiatan.SubProcess && k.Status != KegiatanStatus.Dibatalkan)
            .ToList();
        if (ofYear.Count > 0 && engine.MissingKelengkapan(kegiatan) is [var item, ..])
        {
            var reference = $"{ofYear.Count} kegiatan {year}: " + string.Join("; ", ofYear.Select(k =>
                k.Steps.LastOrDefault(s => s.Status == StepStatus.Selesai && s.OutputReference is not null) is { } last
                    ? $"{k.Title} (laporan {last.StepId}: {last.OutputReference})"
                    : $"{k.Title} ({(k.Status == KegiatanStatus.Selesai ? "selesai" : $"langkah {k.CurrentStepId}")})"));
            var prefilled = engine.RecordKelengkapan(kegiatan, item.Id, item.Alternatives[0], reference, clock.Today(unitId), actor, timeProvider.GetUtcNow());
            if (prefilled.Succeeded)
            {
                kegiatan = prefilled.Kegiatan!;
                events.AddRange(prefilled.Events);
            }
        }

        return await CreateAsync(new KegiatanResult(kegiatan, null, events), cancellationToken);
    }

    public Task<WorkflowOutcome> RecordKelengkapanAsync(
        KegiatanTarget target, string itemId, string? alternative, string reference, DateOnly receivedOn, CancellationToken cancellationToken = default) =>
        ApplyAsync(target, (k, a, at) => engine.RecordKelengkapan(k, itemId, alternative, reference, receivedOn, a, at), cancellationToken);

    public Task<WorkflowOutcome> PlanAsync(KegiatanTarget target, DateOnly plannedOn, CancellationToken cancellationToken = default) =>
        ApplyAsync(target, (k, a, at) => engine.SetPlannedDate(k, plannedOn, a, at), cancellationToken);

    public Task<WorkflowOutcome> PauseAsync(KegiatanTarget target, string reason, CancellationToken cancellationToken = default) =>
        ApplyAsync(target, (k, a, at) => engine.Pause(k, reason, clock.Today(k.UnitId), a, at), cancellationToken);

    public Task<WorkflowOutcome> ResumeAsync(KegiatanTarget target, CancellationToken cancellationToken = default) =>
        ApplyAsync(target, (k, a, at) => engine.Resume(k, clock.Today(k.UnitId), a, at), cancellationToken);

    public Task<WorkflowOutcome> SkipAsync(KegiatanTarget target, string branchId, string? reason, CancellationToken cancellationToken = default) =>
        ApplyAsync(target, (k, a, at) => engine.SkipStep(k, branchId, reason, clock.Today(k.UnitId), a, at), cancellationToken);

    public Task<WorkflowOutcome> CancelAsync(KegiatanTarget target, string reason, CancellationToken cancellationToken = default) =>
        ApplyAsync(target, (k, a, at) => engine.Cancel(k, reason, a, at), cancellationToken);

    /// <summary>
    /// Selesai: completes the current step with its Output, or, where the SOP marks the step for a leader, puts it in
    /// menunggu disposisi (the disposisi feature is asked to send it; see <see cref="ApplyAsync"/>). A branch the SOP
    /// allows after the step (e.g. D.3 without sertifikasi) is taken with <paramref name="branchId"/>.
    /// </summary>
    public Task<WorkflowOutcome> CompleteAsync(
        KegiatanTarget target, string outputReference, string? branchId = null, CancellationToken cancellationToken = default) =>
        ApplyAsync(target, (k, a, at) =>
            engine.CurrentStepDefinition(k)?.Disposisi is { Optional: false } && k.CurrentStep?.Status == StepStatus.Berjalan
                ? engine.SubmitToLeader(k, outputReference, clock.Today(k.UnitId), a, at)
                : engine.CompleteStep(k, outputReference, clock.Today(k.UnitId), a, at, branchId), cancellationToken);

    /// <summary>The audit trail of a kegiatan, oldest first (the last <paramref name="max"/> events), from the kegiatan itself.</summary>
    public async Task<IReadOnlyList<Audit.AuditEvent>> HistoryAsync(string kegiatanId, int max = 50, CancellationToken cancellationToken = default) =>
        await repository.GetAsync(kegiatanId, cancellationToken) is { } kegiatan ? [.. kegiatan.History.TakeLast(max)] : [];

    /// <summary>
    /// Stores a new kegiatan. When its id is taken, <paramref name="same"/> decides whether the stored one is this very
    /// kegiatan (made by an earlier attempt of the same start): then that one is the result, not a refusal.
    /// </summary>
    private async Task<WorkflowOutcome> CreateAsync(KegiatanResult result, CancellationToken cancellationToken, Func<Kegiatan, bool>? same = null)
    {
        if (!result.Succeeded)
        {
            return WorkflowOutcome.Fail(result.Refusal!);
        }

        try
        {
            await repository.CreateAsync(result.Kegiatan!, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            if (same is not null && await repository.GetAsync(result.Kegiatan!.Id, cancellationToken) is { } stored && same(stored))
            {
                return new WorkflowOutcome(stored, null);
            }

            return WorkflowOutcome.Fail("Kegiatan dengan nomor itu sudah ada.", WorkflowRefusals.NomorSudahAda);
        }

        await AppendAsync(result, cancellationToken);
        return new WorkflowOutcome(result.Kegiatan, null);
    }

    private async Task<WorkflowOutcome> ApplyAsync(
        KegiatanTarget target, Func<Kegiatan, Actor, DateTimeOffset, KegiatanResult> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var kegiatan = await repository.GetAsync(target.KegiatanId, cancellationToken);
        if (kegiatan is null)
        {
            return WorkflowOutcome.Fail("Kegiatan tidak ditemukan.", WorkflowRefusals.KegiatanTidakDitemukan);
        }

        if (!string.Equals(kegiatan.OfficerId, target.OfficerId, StringComparison.Ordinal))
        {
            return WorkflowOutcome.Fail("Kegiatan ini dipegang petugas lain.", WorkflowRefusals.PetugasLain);
        }

        if (target.ExpectedVersion is { } expected && expected != kegiatan.Version)
        {
            return WorkflowOutcome.Fail(Changed, WorkflowRefusals.KegiatanBerubah);
        }

        var now = timeProvider.GetUtcNow();
        var result = change(kegiatan, await ActorAsync(target.OfficerId, cancellationToken), now);
        if (!result.Succeeded)
        {
            return WorkflowOutcome.Fail(result.Refusal!);
        }

        // A step that just reached menunggu disposisi (submitted by the officer, or a leader-decides step whose inputs
        // just came in) must reach its leader: the effect is stored with the change, in the same write (docs/outbox.md).
        var after = result.Kegiatan!;
        var waiting = after.CurrentStep is { Status: StepStatus.MenungguDisposisi } record
            && !(kegiatan.CurrentStepId == after.CurrentStepId && kegiatan.CurrentStep?.Status == StepStatus.MenungguDisposisi);
        if (waiting)
        {
            var step = after.CurrentStep!;
            after.Outbox = [.. (after.Outbox ?? []).Where(e => e.StepId != step.StepId || e.Round != step.TimesReturned),
                PendingEffect.Disposisi(step.StepId, step.TimesReturned, target.OfficerId, now, kegiatan.History.Count, after.History.Count)];
        }

        try
        {
            await repository.UpdateAsync(after, kegiatan.Version!, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return WorkflowOutcome.Fail(Changed, WorkflowRefusals.KegiatanBerubah);
        }

        if (!waiting)
        {
            await AppendAsync(result, cancellationToken);
            return new WorkflowOutcome(after, null);
        }

        // Stored: from here on nothing can make the answer "not saved". The relay sends the disposisi now; whatever it
        // cannot do (connector down, no leader on the roster) the background relay retries.
        try
        {
            var run = await _relay.RunAsync(after.Id, TimeSpan.Zero, cancellationToken);
            after = run.Kegiatan ?? await repository.GetAsync(after.Id, cancellationToken) ?? after;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // left to the background relay
        }

        return new WorkflowOutcome(after, null, true);
    }

    /// <summary>Runs the relay for the officer's kegiatan now (e.g. before <c>kirim ulang</c>); failures stay pending.</summary>
    public Task<RelayRun> RelayAsync(string kegiatanId, CancellationToken cancellationToken = default) =>
        _relay.RunAsync(kegiatanId, TimeSpan.Zero, cancellationToken);

    /// <summary>The officer as the engine sees them: with their unit and roles when the Pelaksana check is wired.</summary>
    private async Task<Actor> ActorAsync(string officerId, CancellationToken cancellationToken) =>
        new(officerId, null, executors is null ? null : await executors.ProfileAsync(officerId, cancellationToken));

    private DisposisiRequest DisposisiRequestFor(Kegiatan kegiatan, string officerId) => _relay.RequestFor(kegiatan, officerId);

    private async Task AppendAsync(KegiatanResult result, CancellationToken cancellationToken)
    {
        foreach (var e in result.Events)
        {
            await audit.AppendAsync(e, cancellationToken);
        }
    }

    /// <summary>The one Indonesian date style of chat and cards, e.g. "3 Maret 2026" (<see cref="IndonesianDate.Format(DateOnly)"/>).</summary>
    public static string FormatDate(DateOnly date) => IndonesianDate.Format(date);

    /// <summary>The date style of the reader's language: "3 Maret 2026" or "3 March 2026".</summary>
    public static string FormatDate(DateOnly date, bool english) => IndonesianDate.Format(date, english);
}
