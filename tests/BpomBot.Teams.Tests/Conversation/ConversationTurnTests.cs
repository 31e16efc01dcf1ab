using System.Text.Json.Nodes;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>Turn-level tests: every command and prompt, through the router, over in-memory ports.</summary>
public sealed class ConversationTurnTests : IDisposable
{
    private readonly ConversationHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Mulai_FirstThreeTurns_AskSubProcessThenTitleThenStakeholder()
    {
        var first = await bot.SayAsync("mulai");
        Assert.Contains("Sub-proses", first.Texts());
        Assert.Contains("A–D", first.Texts());

        var second = await bot.SayAsync("A");
        Assert.Contains("judul kegiatan", second.Texts());

        var third = await bot.SayAsync("FGD keamanan pangan Pemda Medan");
        Assert.Contains("pemangku kepentingan", third.Texts());
        Assert.Contains("Pemerintah Daerah", third.Texts());
    }

    [Fact]
    public async Task Mulai_NewUser_PicksUnitAndRoleOnce_ThenKegiatanStartsAtA1()
    {
        await bot.SayAllAsync("mulai", "a", "FGD Pemda Medan", "4", "fgd");
        var search = await bot.SayAsync("medan");
        Assert.Contains("Balai Besar POM di Medan", search.Texts());
        var pick = await bot.SayAsync("1");
        Assert.Contains("Peran Anda", pick.Texts());

        var started = await bot.SayAsync("1");

        Assert.Contains("dimulai", started.Texts());
        Assert.Contains("A.1", started.CardText());
        Assert.Equal("bbpom-medan", (await bot.Stores.Roster.GetPersonAsync(bot.User))!.UnitId);
        var kegiatan = await bot.CurrentAsync();
        Assert.Equal(("A", "pemerintah-daerah", "fgd", "bbpom-medan"), (kegiatan.SubProcess, kegiatan.StakeholderCategory, kegiatan.Bentuk, kegiatan.UnitId));

        // The second kegiatan asks no unit questions.
        var again = await bot.SayAllAsync("mulai", "B", "Bimtek UMKM", "umkm", "bimtek", "fasilitator", "pangan olahan");
        Assert.Contains("dimulai", again.Texts());
    }

    [Fact]
    public async Task Mulai_WrongAnswerAtEachPrompt_ShortRepromptWithExample_AnswersKept()
    {
        Assert.Contains("Contoh: A", (await bot.SayAllAsync("mulai", "Z")).Texts());
        Assert.Contains("judul", (await bot.SayAsync("B")).Texts());
        Assert.Contains("3–200", (await bot.SayAsync("x")).Texts());
        await bot.SayAsync("Bimtek produsen pangan");
        Assert.Contains("contoh: 1", (await bot.SayAsync("99")).Texts());
        Assert.Contains("Bentuk", (await bot.SayAsync("Pelaku Usaha")).Texts());
        Assert.Contains("contoh: 1", (await bot.SayAsync("upacara")).Texts());
        Assert.Contains("Fungsi", (await bot.SayAsync("bimtek")).Texts());
        Assert.Contains("contoh: 1", (await bot.SayAsync("keduanya")).Texts());
        await bot.SayAsync("2");
        Assert.Contains("contoh: 1", (await bot.SayAsync("99")).Texts());
        await bot.SayAsync("kosmetik");
        Assert.Contains("tidak ditemukan", (await bot.SayAsync("qqqqzz")).Texts());
        await bot.SayAsync("surabaya");
        Assert.Contains("1–", (await bot.SayAsync("99")).Texts());
        await bot.SayAsync("1");
        Assert.Contains("Ketik 1 untuk petugas", (await bot.SayAsync("3")).Texts());

        var done = await bot.SayAsync("petugas");

        Assert.Contains("dimulai", done.Texts());
        var kegiatan = await bot.CurrentAsync();
        Assert.Equal(("B", "Bimtek produsen pangan", "pelaku-usaha", "bimtek"), (kegiatan.SubProcess, kegiatan.Title, kegiatan.StakeholderCategory, kegiatan.Bentuk));
        Assert.Equal(("capa", "kosmetik"), (kegiatan.Fungsi, kegiatan.Komoditas));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public async Task Batal_AtEveryMulaiPrompt_ClearsPromptAndStartsNothing(int answered)
    {
        await bot.SayAllAsync([.. new[] { "mulai", "A", "FGD Pemda", "1", "1", "medan", "1" }.Take(answered)]);

        var cancelled = await bot.SayAsync("batal");

        Assert.Contains("dibatalkan", cancelled.Texts());
        Assert.Empty(await bot.Stores.Kegiatan.ListByOfficerAsync(bot.User));
        Assert.Contains("belum memahami", (await bot.SayAsync("A")).Texts()); // "A" is no longer an answer: not understood
    }

    [Fact]
    public async Task Bantuan_AtPrompt_ListsCommandsAndKeepsPrompt()
    {
        await bot.SayAllAsync("mulai", "A");

        var help = await bot.SayAsync("bantuan");

        Assert.Contains("ketik batal", help.Texts());
        Assert.Contains("rencana", help.Texts());
        Assert.DoesNotContain("<", help.Texts()); // Teams' markdown drops angle-bracketed words
        Assert.Contains("pemangku kepentingan", (await bot.SayAsync("FGD Pemda")).Texts()); // still at the title prompt
    }

    [Fact]
    public async Task CardButton_OtherOfficersKegiatan_Refused()
    {
        await bot.RegisteredAsync();
        var k = await bot.StartKegiatanAsync();
        bot.User = "aad-officer-2";

        var click = await bot.ClickAsync(Verbs.Selesai, k.Id, k.Version);

        Assert.Contains("petugas lain", click.InvokeResponse!.Value!.ToJsonString());
        Assert.Empty(click.Sent);
    }

    [Fact]
    public async Task Kelengkapan_LinkAndToday_StepStartsWithDueDate()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();

        Assert.Contains("Yang mana", (await bot.SayAsync("kelengkapan")).Texts());
        Assert.Contains("Referensi", (await bot.SayAsync("2")).Texts());
        Assert.Contains("Tanggal diterima", (await bot.SayAsync("https://drive.pom.go.id/disposisi-a1.pdf")).Texts());
        var recorded = await bot.SayAsync("hari ini");

        Assert.Contains("Tercatat: Lembar disposisi pimpinan/Unit Kerja Pusat", recorded.Texts());
        var k = await bot.CurrentAsync();
        var step = k.CurrentStep!;
        Assert.Equal(StepStatus.Berjalan, step.Status);
        Assert.Equal("https://drive.pom.go.id/disposisi-a1.pdf", step.Kelengkapan.Single().Reference);
        Assert.Equal(new DateOnly(2026, 3, 16), step.DueOn); // 10 HK after Mon 2 Mar 2026
        Assert.Contains("sisa 10 HK", recorded.CardText());
    }

    [Fact]
    public async Task Kelengkapan_BadAnswers_RepromptAndRecordNothing()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAsync("kelengkapan");
        Assert.Contains("contoh: 1", (await bot.SayAsync("9")).Texts());
        await bot.SayAsync("1");
        Assert.Contains("Contoh: https://", (await bot.SayAsync("x")).Texts());
        await bot.SayAsync("B-12/BPOM/2026");

        Assert.Contains("belum memahami tanggal", (await bot.SayAsync("31 Februari 2026")).Texts());
        Assert.Contains("tidak boleh setelah hari ini", (await bot.SayAsync("besok")).Texts());
        Assert.Empty((await bot.CurrentAsync()).CurrentStep!.Kelengkapan);

        await bot.SayAsync("kemarin");
        Assert.Equal(new DateOnly(2026, 3, 1), (await bot.CurrentAsync()).CurrentStep!.Kelengkapan.Single().ReceivedOn);
    }

    [Fact]
    public async Task Selesai_BeforeKelengkapan_Explains_ThenOutputMovesToNextStepPrefilled()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        Assert.Contains("belum lengkap", (await bot.SayAsync("selesai")).Texts());
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini");

        Assert.Contains("Rencana advokasi", (await bot.SayAsync("selesai")).Texts());
        var done = await bot.SayAsync("https://drive.pom.go.id/rencana.docx");

        Assert.Contains("Langkah A.1 selesai", done.Texts());
        Assert.Contains("A.2", done.CardText());
        var k = await bot.CurrentAsync();
        Assert.Equal("A.2", k.CurrentStepId);
        Assert.Equal(StepStatus.Berjalan, k.CurrentStep!.Status);
        Assert.Equal("https://drive.pom.go.id/rencana.docx", k.FindStep("A.1")!.OutputReference);
    }

    [Fact]
    public async Task Rencana_NaStep_ParsesDate_WrongDateReprompts_HkStepExplains()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        Assert.Contains("dihitung otomatis", (await bot.SayAsync("rencana 20 Maret 2026")).Texts());
        await WalkToA3Async();

        Assert.Contains("berwaktu N/A", (await bot.SayAsync("selesai")).Texts());
        Assert.Contains("Tanggal rencana", (await bot.SayAsync("rencana")).Texts());
        Assert.Contains("belum memahami", (await bot.SayAsync("kapan-kapan")).Texts());
        var planned = await bot.SayAsync("20 Maret 2026");

        Assert.Contains("Rencana langkah A.3", planned.Texts());
        Assert.Equal(new DateOnly(2026, 3, 20), (await bot.CurrentAsync()).CurrentStep!.PlannedOn);
        Assert.Contains("Rencana langkah A.3", (await bot.SayAsync("rencana 23 Maret 2026")).Texts());
        Assert.Equal(new DateOnly(2026, 3, 23), (await bot.CurrentAsync()).CurrentStep!.PlannedOn);
    }

    [Fact]
    public async Task Selesai_ReportToLeaderStep_WaitsForDisposisiAndCallsRequester()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await WalkToA3Async();
        await bot.SayAllAsync("rencana 20 Maret 2026", "selesai", "Notulen FGD https://drive.pom.go.id/notulen.pdf");
        Assert.Equal("A.4", (await bot.CurrentAsync()).CurrentStepId);

        await bot.SayAsync("selesai");
        var sent = await bot.SayAsync("https://drive.pom.go.id/laporan-a4.pdf");

        Assert.Contains("menunggu disposisi", sent.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(StepStatus.MenungguDisposisi, k.CurrentStep!.Status);
        var request = Assert.Single(bot.Stores.Disposisi.Requests);
        Assert.Equal((k.Id, "A.4", bot.User, "bbpom-medan", "report-to-leader"), (request.KegiatanId, request.StepId, request.OfficerId, request.UnitId, request.Kind));
        Assert.Contains("belum dapat diselesaikan", (await bot.SayAsync("selesai")).Texts());
    }

    [Fact]
    public async Task TundaLanjutkan_PauseWithReasonThenResume()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini");

        Assert.Contains("Alasan", (await bot.SayAsync("tunda")).Texts());
        Assert.Contains("alasan singkat", (await bot.SayAsync("x")).Texts());
        Assert.Contains("ditunda", (await bot.SayAsync("menunggu jadwal narasumber")).Texts());
        Assert.Equal(StepStatus.Ditunda, (await bot.CurrentAsync()).CurrentStep!.Status);

        Assert.Contains("dilanjutkan", (await bot.SayAsync("lanjutkan")).Texts());
        Assert.Equal(StepStatus.Berjalan, (await bot.CurrentAsync()).CurrentStep!.Status);
        Assert.Contains("tidak sedang ditunda", (await bot.SayAsync("lanjutkan")).Texts());
    }

    [Fact]
    public async Task Lewati_RequiredStep_Refused()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();

        Assert.Contains("tidak dapat dilewati", (await bot.SayAsync("lewati")).Texts());
        Assert.Equal("A.1", (await bot.CurrentAsync()).CurrentStepId);
    }

    [Fact]
    public async Task Lewati_VoluntaryStepD5_SkipsToD7()
    {
        await bot.RegisteredAsync();
        await bot.SayAllAsync("mulai", "D", "Fasilitator keamanan pangan 2026", "pemda");
        foreach (var _ in Enumerable.Range(0, 4))
        {
            var k = await bot.CurrentAsync();
            if (k.CurrentStep!.Status == StepStatus.MenungguKelengkapan)
            {
                await bot.SayAllAsync("kelengkapan", "1", "ref-" + k.CurrentStepId, "hari ini");
            }

            if (k.CurrentStepId == "D.4")
            {
                await bot.SayAsync("rencana hari ini");
            }

            await bot.SayAllAsync(k.CurrentStepId == "D.3" ? ["selesai", "1", "out-D.3"] : ["selesai", "out-" + k.CurrentStepId]);
        }

        Assert.Equal("D.5", (await bot.CurrentAsync()).CurrentStepId);
        var skipped = await bot.SayAsync("lewati");

        Assert.Contains("dilewati", skipped.Texts());
        Assert.Equal("D.7", (await bot.CurrentAsync()).CurrentStepId);
    }

    [Fact]
    public async Task Selesai_StepBeforeLeaderDecidesStep_NextStepGoesToLeader()
    {
        await bot.RegisteredAsync();
        await bot.SayAllAsync("mulai", "D", "Fasilitator keamanan pangan 2026", "pemda");
        await bot.SayAllAsync("kelengkapan", "1", "usulan", "hari ini");
        foreach (var step in new[] { "D.1", "D.2", "D.3", "D.4" })
        {
            if (step == "D.4") await bot.SayAsync("rencana hari ini");
            await bot.SayAllAsync(step == "D.3" ? ["selesai", "1", "out-D.3"] : ["selesai", "out-" + step]);
        }

        var done = await bot.SayAllAsync("selesai", "https://drive.pom.go.id/pengajuan-d5.pdf");

        Assert.Contains("Langkah D.5 selesai", done.Texts());
        Assert.Contains("Langkah D.6 disampaikan kepada pimpinan", done.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(("D.6", StepStatus.MenungguDisposisi), (k.CurrentStepId, k.CurrentStep!.Status));
        var request = Assert.Single(bot.Stores.Disposisi.Requests);
        Assert.Equal(("D.6", "leader-decides"), (request.StepId, request.Kind));
    }

    [Fact]
    public async Task Selesai_StepWithSopBranch_AsksWhereNext_BranchSkipsToD7()
    {
        await bot.RegisteredAsync();
        await bot.SayAllAsync("mulai", "D", "Fasilitator keamanan pangan 2026", "pemda");
        await bot.SayAllAsync("kelengkapan", "1", "usulan", "hari ini", "selesai", "out-D.1", "selesai", "out-D.2");

        Assert.Contains("lanjut ke mana", (await bot.SayAsync("selesai")).Texts());
        Assert.Contains("contoh: 1", (await bot.SayAsync("5")).Texts());
        Assert.Contains("Output langkah D.3", (await bot.SayAsync("2")).Texts());
        var done = await bot.SayAsync("https://drive.pom.go.id/pelatihan-d3.pdf");

        Assert.Contains("Langkah D.3 selesai", done.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal("D.7", k.CurrentStepId);
        Assert.All(new[] { "D.4", "D.5", "D.6" }, id => Assert.Equal(StepStatus.Dilewati, k.FindStep(id)!.Status));
    }

    [Fact]
    public async Task Batal_Kegiatan_AsksReason_BatalAgainKeeps_ReasonCancels()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();

        Assert.Contains("Alasan membatalkan", (await bot.SayAsync("batal")).Texts());
        await bot.SayAsync("batal");
        Assert.Equal(KegiatanStatus.Berjalan, (await bot.CurrentAsync()).Status);

        await bot.SayAsync("batal");
        var cancelled = await bot.SayAsync("Pemda membatalkan jadwal");

        Assert.Contains("dibatalkan", cancelled.Texts());
        Assert.Equal(KegiatanStatus.Dibatalkan, (await bot.CurrentAsync()).Status);
        Assert.Contains("Tidak ada tugas", (await bot.SayAsync("tugas")).Texts());
    }

    [Fact]
    public async Task Riwayat_ListsAuditTrail()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini");

        var history = (await bot.SayAsync("riwayat")).Texts();

        Assert.Contains("2 Maret 2026 09:00 WIB · ", history);
        Assert.Contains(": memulai kegiatan di langkah A.1", history);
        Assert.Contains(": mencatat kelengkapan A.1: ", history);
        Assert.Contains("Langkah A.1 dimulai (jatuh tempo 16 Maret 2026, 10 HK; mulai 2 Maret 2026)", history);
        Assert.DoesNotContain("kegiatan.started", history);
        Assert.DoesNotContain("step.", history);
        Assert.DoesNotContain("2026-03", history);

        var english = (await bot.SayAsync("history")).Texts();
        Assert.Contains("started the kegiatan at step A.1", english);
        Assert.Contains("Step A.1 started (due 16 March 2026, 10 HK; started 2 March 2026)", english);
    }

    [Fact]
    public async Task Tugas_TwoKegiatan_NumberedWithDueAndColour_StatusAndLanjutByNumber()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync("FGD satu");
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini");
        await bot.StartKegiatanAsync("FGD dua");
        bot.Stores.Time.Advance(TimeSpan.FromDays(16)); // Wed 18 Mar (cuti bersama): FGD satu is 1 HK late

        var tasks = await bot.SayAsync("tugas");

        Assert.Contains("1. **FGD satu**", tasks.Texts());
        Assert.Contains("terlambat 1 HK", tasks.Texts()); // 17 Mar is an HK; 18 Mar is cuti bersama Nyepi
        Assert.Contains("merah", tasks.Texts());
        Assert.Contains("2. **FGD dua**", tasks.Texts());
        Assert.Contains("menunggu kelengkapan (hitungan HK mulai setelah lengkap) ⚪ tertahan", tasks.Texts());
        Assert.Contains("FGD satu", (await bot.SayAsync("status 1")).Texts());
        Assert.Contains("FGD dua", (await bot.SayAsync("lanjut 2")).CardText());
        Assert.Contains("tidak ada", (await bot.SayAsync("status 7")).Texts());
    }

    [Fact]
    public async Task Command_TwoOpenKegiatanNoneSelected_AsksWhichByNumber()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync("FGD satu");
        await bot.StartKegiatanAsync("FGD dua");
        bot.ConversationId = "a:personal-2"; // a new conversation has nothing selected

        Assert.Contains("Kegiatan yang mana", (await bot.SayAsync("lanjut")).Texts());
        Assert.Contains("Ketik nomor kegiatan", (await bot.SayAsync("9")).Texts());
        Assert.Contains("FGD satu", (await bot.SayAsync("1")).CardText());
    }

    [Fact]
    public async Task Message_RedeliveredActivityId_NoSecondEffect()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini", "selesai");
        var output = bot.Message("https://drive.pom.go.id/rencana.docx", id: "same-id");

        var first = await bot.SendAsync(output);
        var again = await bot.SendAsync(bot.Message("https://drive.pom.go.id/rencana.docx", id: "same-id"));

        Assert.NotEmpty(first.Sent);
        Assert.Empty(again.Sent);
        var k = await bot.CurrentAsync();
        Assert.Equal("A.2", k.CurrentStepId);
        Assert.Single(bot.Stores.Audit.Events, e => e.Action == "step.completed");
    }

    [Fact]
    public async Task Message_RedeliveredAfterStateSaveFailed_KegiatanChangedOnce()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini", "selesai");
        bot.Stores.Dialogs.FailNextSave = true;

        var failed = await bot.SendAsync(bot.Message("https://drive.pom.go.id/rencana.docx", id: "crash-id"));
        var redelivered = await bot.SendAsync(bot.Message("https://drive.pom.go.id/rencana.docx", id: "crash-id"));

        Assert.Contains("kendala", failed.Texts());
        Assert.Contains("baru saja diubah", redelivered.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(("A.2", StepStatus.Berjalan), (k.CurrentStepId, k.CurrentStep!.Status));
        Assert.Single(bot.Stores.Audit.Events, e => e.Action == "step.completed");
    }

    [Fact]
    public async Task Message_ConcurrentTurnsOfOneConversation_AllAnsweredNoConflict()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();

        var turns = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => bot.SayAsync("tugas"))));

        Assert.All(turns, t => Assert.Contains("Tugas Anda", t.Texts()));
    }

    [Fact]
    public async Task Restart_MidPrompt_OfficerContinues()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026");

        using var restarted = new ConversationHarness(bot.Stores);
        var recorded = await restarted.SayAsync("hari ini");

        Assert.Contains("Tercatat", recorded.Texts());
        Assert.Equal(StepStatus.Berjalan, (await restarted.CurrentAsync()).CurrentStep!.Status);
    }

    [Fact]
    public async Task FreeText_NoPrompt_FallsThroughToHelp()
    {
        var turn = await bot.SayAsync("bagaimana cara mendaftarkan produk pangan olahan?");

        Assert.Contains("belum memahami", turn.Texts()); // no FAQ handler in this harness: the fallback answers
        Assert.Equal(0, bot.Stores.Dialogs.Saves);
    }

    [Fact]
    public async Task English_Start_AnswersInEnglish()
    {
        var turn = await bot.SayAsync("start");

        Assert.Contains("Which sub-process", turn.Texts());
        Assert.Contains("title", (await bot.SayAsync("A")).Texts());
    }

    [Fact]
    public async Task GroupChat_MentionStripped_StatePerUser()
    {
        await bot.RegisteredAsync();
        bot.ConversationId = "19:group@thread.v2";
        var activity = bot.Message("<at>BpomBot</at> mulai");
        activity.Conversation = activity.Conversation! with { ConversationType = "groupChat", IsGroup = true };
        activity.Entities = [System.Text.Json.JsonSerializer.SerializeToElement(new { type = "mention", text = "<at>BpomBot</at>", mentioned = new { id = "28:bot", name = "BpomBot" } })];

        var turn = await bot.SendAsync(activity);

        Assert.Contains("Sub-proses", turn.Texts());
        Assert.NotNull(await bot.Stores.Dialogs.GetAsync($"19:group@thread.v2|{bot.User}"));
    }

    [Fact]
    public async Task CardButton_CurrentVersion_RunsCommand_StaleVersion_ShowsCurrentCard()
    {
        await bot.RegisteredAsync();
        var k = await bot.StartKegiatanAsync();

        var click = await bot.ClickAsync(Verbs.Kelengkapan, k.Id, k.Version);

        Assert.Contains("Yang mana", click.Texts());
        Assert.Equal(InvokeResponse.CardType, click.InvokeResponse!.Type);
        await bot.SayAllAsync("1", "B-1/2026", "hari ini");

        var stale = await bot.ClickAsync(Verbs.Selesai, k.Id, k.Version);

        Assert.Contains("tidak terbaru", stale.Texts());
        Assert.Contains("A.1", stale.InvokeResponse!.Value!.ToJsonString());
        var current = await bot.CurrentAsync();
        var fresh = await bot.ClickAsync(Verbs.Selesai, current.Id, current.Version);
        Assert.Contains("Output langkah A.1", fresh.Texts());
    }

    [Fact]
    public async Task CardButton_SubmitFallback_CarriesIdsAndVersion()
    {
        await bot.RegisteredAsync();
        var k = await bot.StartKegiatanAsync();
        var card = (await bot.SayAsync("lanjut")).Card()!;
        var button = card["actions"]!.AsArray().Select(a => a!.AsObject()).First(a => a["verb"]!.GetValue<string>() == Verbs.Kelengkapan);
        var submit = button["fallback"]!["data"]!;
        Assert.Equal(k.Id, submit["k"]!.GetValue<string>());
        Assert.Equal(k.Version, submit["v"]!.GetValue<string>());

        var message = bot.Message(string.Empty);
        message.Text = null;
        message.Value = System.Text.Json.JsonSerializer.SerializeToElement(submit);
        var turn = await bot.SendAsync(message);

        Assert.Contains("Yang mana", turn.Texts());
    }

    [Fact]
    public async Task Kelengkapan_FileFromServiceUrlHost_StoredWithSha256()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1");
        var url = "https://smba.trafficmanager.net/amer/files/rekomendasi.pdf";
        bot.Stores.Files.Content[url] = "%PDF-1.7 test"u8.ToArray();
        var message = bot.Message(string.Empty, attachments: [File("application/pdf", url, "rekomendasi.pdf", teams: false)]);

        Assert.Contains("Tanggal diterima", (await bot.SendAsync(message)).Texts());
        await bot.SayAsync("hari ini");

        var stored = Assert.Single(bot.Stores.Evidence.Files.Values);
        Assert.Contains(stored.File.Sha256Hex, (await bot.CurrentAsync()).CurrentStep!.Kelengkapan.Single().Reference);
        Assert.Equal("application/pdf", stored.File.ContentType);
    }

    [Fact]
    public async Task Output_TeamsFileDownloadInfoFromSharePoint_Stored()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini", "selesai");
        var url = "https://bpom.sharepoint.com/personal/x/download.aspx?id=42";
        bot.Stores.Files.Content[url] = [1, 2, 3];

        var done = await bot.SendAsync(bot.Message(string.Empty, attachments: [File(ConversationFiles.TeamsDownload, url, "rencana.docx", teams: true)]));

        Assert.Contains("Langkah A.1 selesai", done.Texts());
        Assert.Contains("rencana.docx", (await bot.CurrentAsync()).FindStep("A.1")!.OutputReference);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/files/virus.exe", "virus.exe", "jenis yang diterima")]
    [InlineData("https://evil.example.com/rekomendasi.pdf", "rekomendasi.pdf", "tidak dapat diunduh")]
    [InlineData("https://smba.trafficmanager.net/amer/files/hilang.pdf", "hilang.pdf", "gagal diunduh")]
    public async Task Kelengkapan_FileRefused_ClearIndonesianMessage_StillAsking(string url, string name, string expected)
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1");

        var turn = await bot.SendAsync(bot.Message(string.Empty, attachments: [File("application/octet-stream", url, name, teams: false)]));

        Assert.Contains(expected, turn.Texts());
        Assert.Empty(bot.Stores.Evidence.Files);
        Assert.Contains("Tanggal diterima", (await bot.SayAsync("B-1/2026")).Texts());
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/files/virus.exe", "virus.exe", "The file \"virus.exe\" cannot be stored: only PDF")]
    [InlineData("https://evil.example.com/laporan.pdf", "laporan.pdf", "cannot be downloaded from that address")]
    [InlineData("https://smba.trafficmanager.net/amer/files/hilang.pdf", "hilang.pdf", "could not be downloaded (HTTP 404)")]
    public async Task Output_FileRefused_ToAnEnglishWriter_InEnglish_NothingStored(string url, string name, string expected)
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini");
        Assert.Contains("Output of step A.1", (await bot.SayAsync("done")).Texts());
        var before = await bot.CurrentAsync();

        var turn = await bot.SendAsync(bot.Message(string.Empty, attachments: [File("application/octet-stream", url, name, teams: false)]));

        Assert.Contains(expected, turn.Texts());
        Assert.DoesNotContain("Berkas", turn.Texts());
        Assert.Empty(bot.Stores.Evidence.Files);
        Assert.Equal(before.Version, (await bot.CurrentAsync()).Version);
    }

    [Theory]
    [InlineData("selesai https://drive.pom.go.id/rencana-a1.pdf", "https://drive.pom.go.id/rencana-a1.pdf", "Langkah A.1 selesai", "Output langkah")]
    [InlineData("done https://drive.pom.go.id/plan-a1.pdf", "https://drive.pom.go.id/plan-a1.pdf", "Step A.1 done", "Output of step")]
    [InlineData("done B-12/BPOM/2026", "B-12/BPOM/2026", "Step A.1 done", "Output of step")]
    public async Task Selesai_WithAReference_TakesItAsTheOutput_WithoutAsking(string text, string reference, string done, string question)
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini");

        var turn = await bot.SayAsync(text);

        Assert.Contains(done, turn.Texts(), StringComparison.Ordinal);
        Assert.DoesNotContain(question, turn.Texts(), StringComparison.Ordinal);
        var k = await bot.CurrentAsync();
        Assert.Equal(("A.2", reference), (k.CurrentStepId, k.FindStep("A.1")!.OutputReference));
        Assert.Contains(bot.Stores.Audit.Events, e => e.Action == "step.completed" && e.Subject.Contains(k.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task English_Status_SummaryIsInEnglish()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAsync("tasks");

        var text = (await bot.SayAsync("status 1")).Texts();

        Assert.Contains("sub-process A, at step A.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sub-proses", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MulaiTahunan_PrefillsKelengkapanWithUnitKegiatanOfTheYear()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync("FGD satu");
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini", "selesai", "https://drive.pom.go.id/rencana.docx");

        Assert.Contains("A, B atau C", (await bot.SayAllAsync("mulai tahunan", "D")).Texts());
        var started = await bot.SayAsync("A");

        Assert.Contains("dimulai", started.Texts());
        var annual = await bot.Stores.Kegiatan.GetAsync(Kegiatan.AnnualCycleId("POM-04.01/CFM.01/SOP.01", "A", "bbpom-medan", 2026));
        Assert.NotNull(annual);
        Assert.Equal("A.7", annual.CurrentStepId);
        Assert.Equal(StepStatus.Berjalan, annual.CurrentStep!.Status);
        Assert.Contains("FGD satu", annual.CurrentStep.Kelengkapan.Single().Reference);
    }

    private async Task WalkToA3Async()
    {
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini", "selesai", "rencana-a1", "selesai", "bahan-a2");
        Assert.Equal("A.3", (await bot.CurrentAsync()).CurrentStepId);
    }

    private static Attachment File(string contentType, string url, string name, bool teams) => teams
        ? new Attachment(contentType, new JsonObject { ["downloadUrl"] = url, ["fileType"] = Path.GetExtension(name).TrimStart('.') })
        {
            Extra = new Dictionary<string, System.Text.Json.JsonElement> { ["name"] = System.Text.Json.JsonSerializer.SerializeToElement(name) },
        }
        : new Attachment(contentType, null)
        {
            Extra = new Dictionary<string, System.Text.Json.JsonElement>
            {
                ["name"] = System.Text.Json.JsonSerializer.SerializeToElement(name),
                ["contentUrl"] = System.Text.Json.JsonSerializer.SerializeToElement(url),
            },
        };
}

internal static class ConversationFiles
{
    public const string TeamsDownload = BpomBot.Teams.Conversation.EvidenceIntake.TeamsFileDownloadInfo;
}
