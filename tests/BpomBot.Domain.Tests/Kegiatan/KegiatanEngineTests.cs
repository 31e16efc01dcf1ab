using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using static BpomBot.Domain.Tests.Kegiatan.EngineFixture;

namespace BpomBot.Domain.Tests.Kegiatan;

public sealed class KegiatanEngineTests
{
    private static readonly DateOnly Mon2Mar = new(2026, 3, 2);
    private readonly EngineFixture _f = new();

    // ---- start ----

    [Fact]
    public void Start_PerKegiatan_FirstStepWaitsForKelengkapan_AndIsAudited()
    {
        var result = _f.Engine.Start(new StartKegiatan("k-1", SopCode, "B", WorkflowKind.PerKegiatan, "Bimtek CPPOB", "pelaku-usaha", "bimtek", "bpom-x", "officer-1", 2026), Officer, At);

        var k = _f.Ok(result);
        Assert.Equal(("B.1", StepStatus.MenungguKelengkapan, "04"), (k.CurrentStepId, k.CurrentStep!.Status, k.SopVersion));
        Assert.Equal(("pelaku-usaha", "bimtek"), (k.StakeholderCategory, k.Bentuk));
        var e = Assert.Single(result.Events);
        Assert.Equal(("kegiatan/k-1", "officer-1", "kegiatan.started", At), (e.Subject, e.Actor, e.Action, e.At));
        Assert.Null(e.Before);
        Assert.Equal("B.1 MenungguKelengkapan", e.After);
    }

    [Fact]
    public void Transitions_EventsTravelInsideTheKegiatan_SoStateAndAuditAreOneWrite()
    {
        var started = _f.Start();
        var item = Assert.Single(_f.Engine.MissingKelengkapan(started).Take(1));

        var result = _f.Engine.RecordKelengkapan(started, item.Id, item.Alternatives[0], "surat 1/2026", Mon2Mar, Officer, At);
        var refused = _f.Engine.SkipStep(started, "tidak-ada", "x", Mon2Mar, Officer, At);

        var after = _f.Ok(result);
        Assert.Equal(started.History.Concat(result.Events), after.History);
        Assert.Equal("kegiatan.started", after.History[0].Action);
        Assert.False(refused.Succeeded);
        Assert.Single(started.History); // the input is never changed, and a refusal adds nothing
        var roundTrip = KegiatanJson.Deserialize(KegiatanJson.Serialize(after))!;
        Assert.Equal(after.History, roundTrip.History);
    }

    [Fact]
    public void Start_EmptyOrOverlongBentuk_IsRefusedWithChoices()
    {
        var refusal = Refused(_f.Engine.Start(new StartKegiatan("k", SopCode, "A", WorkflowKind.PerKegiatan, "x", "pelaku-usaha", " ", "u", "o", 2026), Officer, At), RefusalCodes.BentukTidakSesuai);
        Assert.Contains("Audiensi", refusal.Reason);
        Refused(_f.Engine.Start(new StartKegiatan("k", SopCode, "A", WorkflowKind.PerKegiatan, "x", "pelaku-usaha", new string('x', 101), "u", "o", 2026), Officer, At), RefusalCodes.BentukTidakSesuai);
    }

    [Fact]
    public void Start_EmptyStakeholderCategory_IsRefused() =>
        Refused(_f.Engine.Start(new StartKegiatan("k", SopCode, "A", WorkflowKind.PerKegiatan, "x", null, "fgd", "u", "o", 2026), Officer, At), RefusalCodes.PemangkuKepentinganTidakSesuai);

    [Fact]
    public void Start_UnlistedStakeholderAndBentuk_AreKeptAsTyped_AndCountedAsLainnya()
    {
        var k = _f.Ok(_f.Engine.Start(new StartKegiatan("k", SopCode, "A", WorkflowKind.PerKegiatan, "x", " Partai politik ", "Talkshow radio", "u", "o", 2026), Officer, At));
        Assert.Equal(("Partai politik", "Talkshow radio"), (k.StakeholderCategory, k.Bentuk));
        var sub = _f.Catalog.Latest(SopCode)!.FindSubProcess("A")!;
        var stakeholder = OpenChoice.Of(k.StakeholderCategory!, sub.StakeholderCategories);
        Assert.Equal((false, OpenChoice.Lainnya), (stakeholder.IsListed, stakeholder.ReportKey));
        Assert.Equal("fgd", OpenChoice.Of("fgd", sub.Forms).ReportKey);
        Assert.Equal("Lainnya: Talkshow radio", OpenChoice.Of(k.Bentuk!, sub.Forms).Display(_f.Catalog.Latest(SopCode)!.Forms));
    }

    [Fact]
    public void Start_UnknownSop_IsRefused() =>
        Refused(_f.Engine.Start(new StartKegiatan("k", "POM-99", "A", WorkflowKind.PerKegiatan, "x", "pelaku-usaha", "fgd", "u", "o", 2026), Officer, At), RefusalCodes.SopTidakDikenal);

    [Fact]
    public void Start_AnnualCycleOfD_IsRefused_DHasNone() =>
        Refused(_f.Engine.Start(new StartKegiatan(null, SopCode, "D", WorkflowKind.SiklusTahunan, null, null, null, "u", "o", 2026), Officer, At), RefusalCodes.AlurTidakAda);

    [Fact]
    public void Start_AnnualCycle_IsKeyedByUnitAndYear_AndStartsAtA7()
    {
        var k = _f.StartAnnual("A", "loka-x", 2026);
        Assert.Equal(Workflow.Kegiatan.AnnualCycleId(SopCode, "A", "loka-x", 2026), k.Id);
        Assert.Equal(_f.StartAnnual("A", "loka-x", 2026).Id, k.Id);
        Assert.NotEqual(_f.StartAnnual("A", "loka-x", 2027).Id, k.Id);
        Assert.Equal(("A.7", WorkflowKind.SiklusTahunan, 2026), (k.CurrentStepId, k.Kind, k.Year));
    }

    // ---- Kelengkapan and due dates ----

    [Fact]
    public void RecordKelengkapan_OneAlternativeOfAtau_StartsStepWithHkDueDate()
    {
        var k = _f.Start();
        var result = _f.Engine.RecordKelengkapan(k, "k1", "Lembar disposisi pimpinan/Unit Kerja Pusat", "ND-01/2026", Mon2Mar, Officer, At);

        var after = _f.Ok(result);
        var step = after.CurrentStep!;
        Assert.Equal(StepStatus.Berjalan, step.Status);
        Assert.Equal(Mon2Mar, step.StartedOn);
        Assert.Equal(new DateOnly(2026, 3, 16), step.DueOn); // 10 HK
        var item = Assert.Single(step.Kelengkapan);
        Assert.Equal(("Lembar disposisi pimpinan/Unit Kerja Pusat", "ND-01/2026", "officer-1", false), (item.Alternative, item.Reference, item.RecordedBy, item.Prefilled));
        Assert.Equal(["kelengkapan.recorded", "step.started"], result.Events.Select(e => e.Action));
        Assert.Equal(StepStatus.MenungguKelengkapan, k.CurrentStep!.Status); // the input is untouched
    }

    [Fact]
    public void MissingKelengkapan_ListsWhatTheCurrentStepStillNeeds()
    {
        var k = _f.Start("B", "pelaku-usaha", "konsultasi");
        Assert.Equal("B.1", _f.Engine.CurrentStepDefinition(k)!.Id);
        Assert.Equal(["Hasil rekomendasi kegiatan/kajian", "Surat permintaan", "MoU/PKS"], Assert.Single(_f.Engine.MissingKelengkapan(k)).Alternatives);
        Assert.Empty(_f.Engine.MissingKelengkapan(_f.FillKelengkapan(k, Mon2Mar)));
    }

    [Fact]
    public void RecordKelengkapan_UnknownAlternative_IsRefusedListingTheAtau()
    {
        var refusal = Refused(_f.Engine.RecordKelengkapan(_f.Start(), "k1", "Surat permintaan", "x", Mon2Mar, Officer, At), RefusalCodes.AlternatifTidakDikenal);
        Assert.Contains("Hasil rekomendasi kegiatan/kajian atau Lembar disposisi", refusal.Reason);
    }

    [Fact]
    public void RecordKelengkapan_UnknownItem_IsRefused() =>
        Refused(_f.Engine.RecordKelengkapan(_f.Start(), "k9", null, "x", Mon2Mar, Officer, At), RefusalCodes.KelengkapanTidakDikenal);

    [Fact]
    public void RecordKelengkapan_EmptyReference_IsRefused() =>
        Refused(_f.Engine.RecordKelengkapan(_f.Start(), "k1", "Hasil rekomendasi kegiatan/kajian", " ", Mon2Mar, Officer, At), RefusalCodes.DataKosong);

    [Fact]
    public void RecordKelengkapan_StepAlreadyRunning_IsRefused() =>
        Refused(_f.Engine.RecordKelengkapan(_f.FillKelengkapan(_f.Start(), Mon2Mar), "k1", null, "x", Mon2Mar, Officer, At), RefusalCodes.KelengkapanSudahLengkap);

    [Fact]
    public void RecordKelengkapan_YearWithoutCalendar_IsRefused_AndNothingChanges()
    {
        var k = _f.Start();
        Refused(_f.Engine.RecordKelengkapan(k, "k1", "Hasil rekomendasi kegiatan/kajian", "x", new DateOnly(2031, 1, 6), Officer, At), RefusalCodes.KalenderTidakTersedia);
        Assert.Empty(k.CurrentStep!.Kelengkapan);
    }

    // ---- completing steps ----

    [Fact]
    public void CompleteStep_PrefillsNextKelengkapanFromOutput_AndStartsIt()
    {
        var k = _f.FillKelengkapan(_f.Start(), Mon2Mar);
        var result = _f.Engine.CompleteStep(k, "RA-07/2026", new DateOnly(2026, 3, 16), Officer, At);

        var after = _f.Ok(result);
        Assert.Equal((StepStatus.Selesai, 0, "RA-07/2026"), (after.FindStep("A.1")!.Status, after.FindStep("A.1")!.LateHk, after.FindStep("A.1")!.OutputReference));
        var a2 = after.CurrentStep!;
        Assert.Equal(("A.2", StepStatus.Berjalan), (a2.StepId, a2.Status));
        var item = Assert.Single(a2.Kelengkapan);
        Assert.Equal(("Rencana advokasi", "RA-07/2026", true), (item.Alternative, item.Reference, item.Prefilled));
        Assert.Equal(new DateOnly(2026, 4, 7), a2.DueOn); // 15 HK, Good Friday skipped
        Assert.Equal(["step.completed", "step.reached", "kelengkapan.prefilled", "step.started"], result.Events.Select(e => e.Action));
        Assert.Equal(("A.1 Berjalan", "A.1 Selesai"), (result.Events[0].Before, result.Events[0].After));
    }

    [Fact]
    public void CompleteStep_AfterDueDate_RecordsLatenessInHk()
    {
        var k = _f.FillKelengkapan(_f.Start(), Mon2Mar);
        var after = _f.Ok(_f.Engine.CompleteStep(k, "RA", new DateOnly(2026, 3, 21), Officer, At)); // Sat after Thu 19 = 4 HK late (17,18,19,20)
        Assert.Equal(4, after.FindStep("A.1")!.LateHk);
    }

    [Fact]
    public void CompleteStep_KelengkapanMissing_IsRefusedNamingTheMissingItem()
    {
        var refusal = Refused(_f.Engine.CompleteStep(_f.Start(), "x", Mon2Mar, Officer, At), RefusalCodes.KelengkapanBelumLengkap);
        Assert.Contains("Hasil rekomendasi kegiatan/kajian", refusal.Reason);
    }

    [Fact]
    public void CompleteStep_BeforeItStarted_IsRefused() =>
        Refused(_f.Engine.CompleteStep(_f.FillKelengkapan(_f.Start(), Mon2Mar), "x", new DateOnly(2026, 2, 27), Officer, At), RefusalCodes.TanggalTidakValid);

    [Fact]
    public void CompleteStep_EmptyOutput_IsRefused() =>
        Refused(_f.Engine.CompleteStep(_f.FillKelengkapan(_f.Start(), Mon2Mar), "", Mon2Mar, Officer, At), RefusalCodes.DataKosong);

    // ---- N/A steps ----

    [Fact]
    public void NaStep_HasNoDueDate_NeedsAPlannedDate_AndLatenessCountsFromIt()
    {
        var k = AtStep("A.3");
        Assert.Null(k.CurrentStep!.DueOn);
        Refused(_f.Engine.CompleteStep(k, "hasil", k.CurrentStep.StartedOn!.Value, Officer, At), RefusalCodes.RencanaBelumAda);
        Refused(_f.Engine.SetPlannedDate(k, k.CurrentStep.StartedOn!.Value.AddDays(-1), Officer, At), RefusalCodes.TanggalTidakValid);

        k = _f.Ok(_f.Engine.SetPlannedDate(k, new DateOnly(2026, 4, 20), Officer, At));
        Assert.Equal(new DateOnly(2026, 4, 20), k.CurrentStep!.PlannedOn);
        k = _f.Ok(_f.Engine.CompleteStep(k, "hasil", new DateOnly(2026, 4, 22), Officer, At));
        Assert.Equal(2, k.FindStep("A.3")!.LateHk);
    }

    [Fact]
    public void SetPlannedDate_OnHkStep_IsRefused() =>
        Refused(_f.Engine.SetPlannedDate(_f.Start(), Mon2Mar, Officer, At), RefusalCodes.WaktuBukanNa);

    // ---- leaders ----

    [Fact]
    public void ReportToLeaderStep_CannotBeCompletedDirectly()
    {
        var refusal = Refused(_f.Engine.CompleteStep(AtStep("A.4"), "lap", new DateOnly(2026, 5, 1), Officer, At), RefusalCodes.PerluDisposisi);
        Assert.Contains("Pejabat Pimpinan Tinggi Madya", refusal.Reason);
    }

    [Fact]
    public void ReportToLeader_ReturnedWithReason_ThenApprovedByPlt()
    {
        var k = AtStep("A.4");
        var due = k.CurrentStep!.DueOn!.Value;
        k = _f.Ok(_f.Engine.SubmitToLeader(k, "LAP-1", due, Officer, At));
        Assert.Equal(StepStatus.MenungguDisposisi, k.CurrentStep!.Status);
        Refused(_f.Engine.CompleteStep(k, "LAP-1", due, Officer, At), RefusalCodes.MenungguDisposisi);
        Refused(_f.Engine.Return(k, " ", Leader, At), RefusalCodes.AlasanKosong);

        var returned = _f.Engine.Return(k, "Lengkapi rekomendasi", Leader, At);
        k = _f.Ok(returned);
        Assert.Equal((StepStatus.Berjalan, "Lengkapi rekomendasi", 1), (k.CurrentStep!.Status, k.CurrentStep.Note, k.CurrentStep.TimesReturned));
        Assert.Equal(("step.returned", "deputi-1", "A.4 MenungguDisposisi", "A.4 Berjalan"), (returned.Events[0].Action, returned.Events[0].Actor, returned.Events[0].Before, returned.Events[0].After));
        Refused(_f.Engine.Approve(k, due, Leader, At), RefusalCodes.BukanMenungguDisposisi);

        k = _f.Ok(_f.Engine.SubmitToLeader(k, "LAP-2", due, Officer, At));
        var approved = _f.Engine.Approve(k, due, new Actor("plh-1", OnBehalfOf: "deputi-1"), At);
        k = _f.Ok(approved);
        Assert.Equal((StepStatus.Selesai, "LAP-2"), (k.FindStep("A.4")!.Status, k.FindStep("A.4")!.OutputReference));
        Assert.Equal(("plh-1", "deputi-1"), (approved.Events[0].Actor, approved.Events[0].OnBehalfOf));
        Assert.Equal("A.5", k.CurrentStepId);
    }

    [Fact]
    public void SubmitToLeader_StepWithoutDisposisi_IsRefused() =>
        Refused(_f.Engine.SubmitToLeader(_f.FillKelengkapan(_f.Start(), Mon2Mar), "x", Mon2Mar, Officer, At), RefusalCodes.TanpaDisposisi);

    [Fact]
    public void LeaderDecidesStep_WaitsForDisposisiOnArrival_AndItsArahanFeedsTheNextStep()
    {
        var k = AtStep("A.9", annual: true);
        Assert.Equal(StepStatus.MenungguDisposisi, k.CurrentStep!.Status);
        Refused(_f.Engine.Approve(k, k.CurrentStep.StartedOn!.Value, Leader, At), RefusalCodes.DataKosong);

        k = _f.Ok(_f.Engine.Approve(k, k.CurrentStep.StartedOn!.Value, Leader, At, "DISP-ARAHAN-3"));
        Assert.Equal("A.10", k.CurrentStepId);
        Assert.Equal(("Disposisi arahan", "DISP-ARAHAN-3"), (k.CurrentStep!.Kelengkapan[0].Alternative, k.CurrentStep.Kelengkapan[0].Reference));
    }

    [Fact]
    public void OptionalReportToLeader_C6_MayBeCompletedDirectly_OrSent()
    {
        var k = AtStep("C.6", annual: true);
        var direct = _f.Ok(_f.Engine.CompleteStep(k, "REKAP", k.CurrentStep!.DueOn!.Value, Officer, At));
        Assert.Equal("C.7", direct.CurrentStepId);
        var sent = _f.Ok(_f.Engine.SubmitToLeader(k, "REKAP", k.CurrentStep.DueOn!.Value, Officer, At));
        Assert.Equal(StepStatus.MenungguDisposisi, sent.CurrentStep!.Status);
    }

    // ---- tunda, batal ----

    [Fact]
    public void Pause_ThenResume_RecordsDaysPaused_AndMovesDueByHkPaused()
    {
        var k = _f.FillKelengkapan(_f.Start(), Mon2Mar); // due 16 Mar
        Refused(_f.Engine.Pause(k, "", new DateOnly(2026, 3, 5), Officer, At), RefusalCodes.AlasanKosong);
        k = _f.Ok(_f.Engine.Pause(k, "Narasumber berhalangan", new DateOnly(2026, 3, 5), Officer, At));
        Assert.Equal((StepStatus.Ditunda, "Narasumber berhalangan"), (k.CurrentStep!.Status, k.CurrentStep.PauseReason));
        Refused(_f.Engine.CompleteStep(k, "x", new DateOnly(2026, 3, 6), Officer, At), RefusalCodes.LangkahDitunda);
        Refused(_f.Engine.Pause(k, "lagi", new DateOnly(2026, 3, 6), Officer, At), RefusalCodes.StatusTidakSesuai);
        Refused(_f.Engine.Resume(k, new DateOnly(2026, 3, 4), Officer, At), RefusalCodes.TanggalTidakValid);

        k = _f.Ok(_f.Engine.Resume(k, new DateOnly(2026, 3, 10), Officer, At)); // 6, 9, 10 Mar = 3 HK; 5 calendar days
        Assert.Equal((StepStatus.Berjalan, 3, 5), (k.CurrentStep!.Status, k.CurrentStep.PausedHk, k.CurrentStep.PausedDays));
        Assert.Equal(new DateOnly(2026, 3, 19), k.CurrentStep.DueOn);
        Refused(_f.Engine.Resume(k, new DateOnly(2026, 3, 11), Officer, At), RefusalCodes.StatusTidakSesuai);
    }

    [Fact]
    public void Cancel_NeedsReason_ThenEverythingIsRefused()
    {
        var k = _f.FillKelengkapan(_f.Start(), Mon2Mar);
        Refused(_f.Engine.Cancel(k, "  ", Officer, At), RefusalCodes.AlasanKosong);
        var result = _f.Engine.Cancel(k, "Pemda membatalkan", Officer, At);
        k = _f.Ok(result);
        Assert.Equal((KegiatanStatus.Dibatalkan, "Pemda membatalkan"), (k.Status, k.CancelReason));
        Assert.Equal(("kegiatan.cancelled", "Berjalan A.1", "Dibatalkan"), (result.Events[0].Action, result.Events[0].Before, result.Events[0].After));
        var refusal = Refused(_f.Engine.CompleteStep(k, "x", Mon2Mar, Officer, At), RefusalCodes.KegiatanDibatalkan);
        Assert.Contains("Pemda membatalkan", refusal.Reason);
    }

    // ---- skipping and branches ----

    [Fact]
    public void SkipStep_MandatoryStep_IsRefusedSayingItIsRequired()
    {
        var refusal = Refused(_f.Engine.SkipStep(AtStep("A.3"), "apa-saja", "tidak perlu", new DateOnly(2026, 4, 8), Officer, At), RefusalCodes.TidakBolehDilewati);
        Assert.Contains("A.3 wajib", refusal.Reason);
    }

    [Fact]
    public void CompleteStep_WithBranchWhereSopHasNone_IsRefused()
    {
        var refusal = Refused(_f.Engine.CompleteStep(_f.FillKelengkapan(_f.Start(), Mon2Mar), "x", Mon2Mar, Officer, At, "tanpa-sertifikasi"), RefusalCodes.CabangTidakDikenal);
        Assert.Contains("tidak mengizinkan", refusal.Reason);
    }

    [Fact]
    public void D3_WithoutCertification_SkipsD4ToD6_AndD7StartsFromTrainingOutput()
    {
        var k = AtStep("D.3", sub: "D");
        var done = k.CurrentStep!.DueOn!.Value;
        var result = _f.Engine.CompleteStep(k, "PELATIHAN-9", done, Officer, At, "tanpa-sertifikasi");

        k = _f.Ok(result);
        Assert.Equal(StepStatus.Selesai, k.FindStep("D.3")!.Status);
        Assert.All(["D.4", "D.5", "D.6"], id => Assert.Equal(StepStatus.Dilewati, k.FindStep(id)!.Status));
        Assert.Equal(("D.7", StepStatus.Berjalan), (k.CurrentStepId, k.CurrentStep!.Status));
        Assert.Contains("PELATIHAN-9", k.CurrentStep.Kelengkapan[0].Reference);
        Assert.Equal(3, result.Events.Count(e => e.Action == "step.skipped"));
    }

    [Fact]
    public void D5_Voluntary_SkipsD5AndD6_ToD7()
    {
        var k = AtStep("D.5", sub: "D");
        Refused(_f.Engine.CompleteStep(k, "x", k.CurrentStep!.DueOn!.Value, Officer, At, "tanpa-pengakuan"), RefusalCodes.CabangTidakDikenal);
        Refused(_f.Engine.SkipStep(k, "tanpa-sertifikasi", null, k.CurrentStep.StartedOn!.Value, Officer, At), RefusalCodes.CabangTidakDikenal);

        k = _f.Ok(_f.Engine.SkipStep(k, "tanpa-pengakuan", "fasilitator belum memenuhi syarat", k.CurrentStep.StartedOn!.Value, Officer, At));
        Assert.Equal((StepStatus.Dilewati, StepStatus.Dilewati), (k.FindStep("D.5")!.Status, k.FindStep("D.6")!.Status));
        Assert.Contains("fasilitator belum memenuhi syarat", k.FindStep("D.5")!.Note);
        Assert.Equal(("D.7", StepStatus.Berjalan), (k.CurrentStepId, k.CurrentStep!.Status));
        Assert.Contains("out-D.4", k.CurrentStep.Kelengkapan[0].Reference);
    }

    [Fact]
    public void D4_CannotBeSkippedOnItsOwn() =>
        Refused(_f.Engine.SkipStep(AtStep("D.4", sub: "D"), "tanpa-pengakuan", null, new DateOnly(2026, 6, 1), Officer, At), RefusalCodes.TidakBolehDilewati);

    [Fact]
    public void D8_DueIsTheEarlierOfTenHkAndTheQuarterDeadline()
    {
        var k = AtStep("D.7", sub: "D", startOn: new DateOnly(2025, 6, 2));
        Assert.True(k.CurrentStep!.StartedOn < new DateOnly(2026, 2, 2));
        // D.7 finished Tue 31 Mar: 10 HK would be Wed 15 Apr, the quarter deadline (10 Apr) is earlier.
        var late = _f.Ok(_f.Engine.CompleteStep(k, "MONEV", new DateOnly(2026, 3, 31), Officer, At));
        Assert.Equal(new DateOnly(2026, 4, 10), late.CurrentStep!.DueOn);
        Assert.Contains("tanggal 10", late.CurrentStep.DueReason);
        // D.7 finished Mon 2 Feb: 10 HK (Mon 16 Feb) is earlier than 10 Apr.
        var early = _f.Ok(_f.Engine.CompleteStep(k, "MONEV", new DateOnly(2026, 2, 2), Officer, At));
        Assert.Equal(new DateOnly(2026, 2, 16), early.CurrentStep!.DueOn);
        Assert.Null(early.CurrentStep.DueReason);
    }

    // ---- full walks ----

    [Theory]
    [InlineData("A", new[] { "A.1", "A.2", "A.3", "A.4", "A.5", "A.6" })]
    [InlineData("B", new[] { "B.1", "B.2", "B.3", "B.4", "B.5", "B.6" })]
    [InlineData("C", new[] { "C.1", "C.2", "C.3", "C.4" })]
    [InlineData("D", new[] { "D.1", "D.2", "D.3", "D.4", "D.5", "D.6", "D.7", "D.8", "D.9" })]
    public void Walk_PerKegiatan_CompletesEveryStepInOrder(string sub, string[] expected)
    {
        var bentuk = sub switch { "C" => "kie", "D" => "bimtek", _ => "fgd" };
        var (k, completed) = _f.Walk(_f.Start(sub, "pemerintah-daerah", bentuk), new DateOnly(2026, 1, 5));

        Assert.Equal(expected, completed);
        Assert.Equal(KegiatanStatus.Selesai, k.Status);
        Assert.Null(k.CurrentStepId);
        Assert.All(k.Steps, s => Assert.Equal((StepStatus.Selesai, 0), (s.Status, s.LateHk)));
        Assert.Equal("kegiatan.completed", _f.Events[^1].Action);
    }

    [Theory]
    [InlineData("A", new[] { "A.7", "A.8", "A.9", "A.10" })]
    [InlineData("B", new[] { "B.7", "B.8", "B.9", "B.10" })]
    [InlineData("C", new[] { "C.5", "C.6", "C.7", "C.8" })]
    public void Walk_AnnualCycle_CompletesEveryStepInOrder(string sub, string[] expected)
    {
        var (k, completed) = _f.Walk(_f.StartAnnual(sub), new DateOnly(2026, 12, 1));
        Assert.Equal(expected, completed);
        Assert.Equal(KegiatanStatus.Selesai, k.Status);
        Refused(_f.Engine.Cancel(k, "terlambat", Officer, At), RefusalCodes.KegiatanSelesai);
    }

    // ---- SOP version ----

    [Fact]
    public void Kegiatan_KeepsTheSopVersionItStartedWith()
    {
        var shipped = SopCatalog.LoadEmbedded().All.Single();
        var a = shipped.FindSubProcess("A")!;
        var a2 = a.Steps[1] with { WaktuHk = 99 };
        var rev05 = shipped with
        {
            Revision = new SopRevision("05", new DateOnly(2026, 1, 2)),
            SubProcesses = [a with { Steps = [a.Steps[0], a2, .. a.Steps.Skip(2)] }, .. shipped.SubProcesses.Skip(1)],
        };

        var started = _f.FillKelengkapan(_f.Start(), Mon2Mar); // rev 04
        var later = new EngineFixture(new SopCatalog([shipped, rev05]));
        var k = later.Ok(later.Engine.CompleteStep(started, "RA", new DateOnly(2026, 3, 16), Officer, At));
        Assert.Equal(("04", new DateOnly(2026, 4, 7)), (k.SopVersion, k.CurrentStep!.DueOn)); // still 15 HK

        var fresh = later.FillKelengkapan(later.Start(id: "k-2"), Mon2Mar);
        fresh = later.Ok(later.Engine.CompleteStep(fresh, "RA", new DateOnly(2026, 3, 16), Officer, At));
        Assert.Equal(("05", later.Calendar.AddWorkingDays(new DateOnly(2026, 3, 16), 99)), (fresh.SopVersion, fresh.CurrentStep!.DueOn));

        var gone = new EngineFixture(new SopCatalog([rev05]));
        Refused(gone.Engine.CompleteStep(started, "RA", new DateOnly(2026, 3, 16), Officer, At), RefusalCodes.SopVersiTidakAda);
    }

    // ---- audit ----

    [Fact]
    public void EverySuccessfulTransition_EmitsAuditEventsWithActorInstantAndStates()
    {
        _f.Walk(_f.Start("D", "kl", "bimtek"), new DateOnly(2026, 1, 5));
        Assert.All(_f.Events, e =>
        {
            Assert.Equal("kegiatan/k-1", e.Subject);
            Assert.False(string.IsNullOrWhiteSpace(e.Actor));
            Assert.False(string.IsNullOrWhiteSpace(e.Action));
        });
        Assert.Equal(9, _f.Events.Count(e => e.Action is "step.completed" or "step.approved"));
        Assert.Contains(_f.Events, e => e.Action == "step.approved" && e.Actor == Leader.Id && e.After == "D.6 Selesai");
        Assert.All(_f.Events.Where(e => e.Action.StartsWith("step.", StringComparison.Ordinal) && e.Action != "step.planned"), e => Assert.NotNull(e.After));
    }

    /// <summary>A fresh kegiatan driven on the main path until <paramref name="stepId"/> is current.</summary>
    private Workflow.Kegiatan AtStep(string stepId, string sub = "A", bool annual = false, DateOnly? startOn = null)
    {
        var sop = _f.Catalog.Latest(SopCode)!;
        var bentuk = sub switch { "C" => "kie", "D" => "bimtek", _ => "fgd" };
        var k = annual ? _f.StartAnnual(stepId[..1]) : _f.Start(sub, "pemerintah-daerah", bentuk);
        var today = startOn ?? Mon2Mar;
        while (k.CurrentStepId != stepId || k.CurrentStep!.Status == StepStatus.MenungguKelengkapan)
        {
            var record = k.CurrentStep!;
            var step = sop.FindStep(record.StepId)!;
            if (record.Status == StepStatus.MenungguKelengkapan) { k = _f.FillKelengkapan(k, today); continue; }
            if (k.CurrentStepId == stepId) break;
            if (step.WaktuHk is null) k = _f.Ok(_f.Engine.SetPlannedDate(k, today.AddDays(7), Officer, At));
            today = record.DueOn ?? today.AddDays(7);
            k = record.Status == StepStatus.MenungguDisposisi ? _f.Ok(_f.Engine.Approve(k, today, Leader, At, "arahan"))
                : step.Disposisi is { Optional: false } ? _f.Ok(_f.Engine.Approve(_f.Ok(_f.Engine.SubmitToLeader(k, "lap", today, Officer, At)), today, Leader, At))
                : _f.Ok(_f.Engine.CompleteStep(k, $"out-{step.Id}", today, Officer, At));
        }

        return k;
    }
}
