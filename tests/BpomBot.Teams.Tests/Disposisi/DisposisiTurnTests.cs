using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Disposisi;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Disposisi;

public sealed class DisposisiTurnTests
{
    private readonly DisposisiWorld _w = new();

    private static JsonObject SentCard(Activity activity) => Assert.IsType<JsonObject>(Assert.Single(activity.Attachments!).Content);

    // ---- sending ----

    [Fact]
    public async Task Request_SendsReadOnlyBaseCardToKepalaUpt_WithRefreshForAddresseeOnly()
    {
        var (_, d) = await _w.SubmitReportAsync();

        Assert.Equal((Kepala.AadObjectId, DisposisiState.Terkirim), (d.ToId, d.State));
        var sent = Assert.Single(_w.Connector.SentTo(Kepala.AadObjectId));
        var card = SentCard(sent);
        Assert.Equal(DisposisiVerbs.Lihat, (string?)card["refresh"]!["action"]!["verb"]);
        Assert.Equal(["29:kepala"], card["refresh"]!["userIds"]!.AsArray().Select(n => (string?)n));
        Assert.False(HasAction(card, DisposisiVerbs.Setujui));
        Assert.Equal(DisposisiVerbs.Lihat, (string?)Assert.Single(card["actions"]!.AsArray())!["verb"]); // "Buka" where refresh does not run
        var text = Text(card);
        Assert.Contains("FGD Pemda Kota Bandung", text);
        Assert.Contains("Sari Petugas", text);
        Assert.Contains("https://files.example/A.4/laporan.pdf", text); // the Output with its link
        Assert.Contains("Kelengkapan", text);
        Assert.Equal(new CardLocation(MemoryReferences.ConversationOfId(Kepala.AadObjectId), "msg-1", ServiceUrl), d.Card);
        Assert.Contains(_w.Audit.Events, e => e.Action == "disposisi.sent" && e.Subject == $"disposisi/{d.Id}");
    }

    [Fact]
    public async Task Request_LeaderWithoutConversation_StoredForInboxWithoutCard()
    {
        _w.References.Remove(Kepala.AadObjectId);
        var (_, d) = await _w.SubmitReportAsync();
        Assert.Null(d.Card);
        Assert.Empty(_w.Connector.SentTo(Kepala.AadObjectId));
        Assert.Single(await _w.Service.InboxAsync(Kepala.AadObjectId));
    }

    [Fact]
    public async Task Request_NoLeaderOnRoster_OfficerIsToldWhy()
    {
        var (k, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = "revisi" });
        var reopened = (await _w.Kegiatan.GetAsync(k.Id))!;
        await _w.Kegiatan.UpdateAsync(_w.Engine.SubmitToLeader(reopened, "v2", new DateOnly(2026, 3, 3), new Actor(Officer.AadObjectId), Start).Kegiatan!, reopened.Version!);
        var kepala = (await _w.Roster.GetPersonAsync(Kepala.AadObjectId))!;
        await _w.Roster.SavePersonAsync(kepala with { Roles = [RosterRoles.Pelaksana] });

        await _w.Service.RequestAsync(new DisposisiRequest(k.Id, "A.4", Officer.AadObjectId, Officer.UnitId, DisposisiKinds.ReportToLeader, null, "v2"));

        var told = _w.Connector.SentTo(Officer.AadObjectId)[^1].Text!;
        Assert.Contains("belum dapat dikirim", told);
        Assert.Contains("Kepala UPT", told);
    }

    [Fact]
    public async Task Request_SameStepTwice_KeepsOneDisposisi()
    {
        var (k, d) = await _w.SubmitReportAsync();
        var (again, message) = await _w.Service.SendAsync(new DisposisiRequest(k.Id, "A.4", Officer.AadObjectId, Officer.UnitId, DisposisiKinds.ReportToLeader, null, "lagi"));
        Assert.Equal(d.Id, again!.Id);
        Assert.Contains("masih menunggu", message.Indonesian);
        Assert.Single(_w.Connector.SentTo(Kepala.AadObjectId));
    }

    [Fact]
    public async Task Request_StepNotWaitingForDisposisi_IsRefused()
    {
        var (k, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = "revisi" });
        var (none, message) = await _w.Service.SendAsync(new DisposisiRequest(k.Id, "A.4", Officer.AadObjectId, Officer.UnitId, DisposisiKinds.ReportToLeader, null, "x"));
        Assert.Null(none);
        Assert.Contains("belum menunggu disposisi", message.Indonesian);
    }

    // ---- viewing ----

    [Fact]
    public async Task Lihat_ByAddressee_ReturnsActionableCard_AndMarksDibacaOnce()
    {
        var (_, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, trigger: "automatic"));
        Assert.True(HasAction(card, DisposisiVerbs.Setujui));
        Assert.True(HasAction(card, DisposisiVerbs.Kembalikan));
        Assert.True(HasAction(card, DisposisiVerbs.Teruskan)); // Katim and Admin are subordinates
        Assert.Contains("Tindak lanjuti", Text(card));
        Assert.Contains("batasWaktu", Text(card));
        var read = (await _w.Disposisi.GetAsync(d.Id))!;
        Assert.Equal((DisposisiState.Dibaca, Start), (read.State, read.ReadAt));

        _w.Time.Advance(TimeSpan.FromHours(1));
        await _w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, trigger: "automatic");
        Assert.Equal(Start, (await _w.Disposisi.GetAsync(d.Id))!.ReadAt);
        Assert.Single(_w.Audit.Events, e => e.Action == "disposisi.read");
    }

    [Fact]
    public async Task Lihat_ByLeaderWithoutTeamsId_RemembersIt_ForLaterRefreshLists()
    {
        await _w.Roster.SavePersonAsync(Kepala with { TeamsId = null, Version = (await _w.Roster.GetPersonAsync(Kepala.AadObjectId))!.Version });
        var (_, d) = await _w.SubmitReportAsync();
        Assert.Empty(SentCard(Assert.Single(_w.Connector.SentTo(Kepala.AadObjectId)))["refresh"]!["userIds"]!.AsArray());

        await _w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id);

        Assert.Equal("29:kepala", (await _w.Roster.GetPersonAsync(Kepala.AadObjectId))!.TeamsId);
    }

    [Fact]
    public async Task Lihat_BySomeoneElse_ReturnsReadOnlyCard_AndDoesNotMarkRead()
    {
        var (_, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Stranger, DisposisiVerbs.Lihat, d.Id));
        Assert.False(HasAction(card, DisposisiVerbs.Setujui));
        Assert.Contains("terkirim", Text(card));
        Assert.Equal(DisposisiState.Terkirim, (await _w.Disposisi.GetAsync(d.Id))!.State);
    }

    [Fact]
    public async Task Lihat_UnknownId_AnswersWithMessage()
    {
        var turn = await _w.ClickAsync(Kepala, DisposisiVerbs.Lihat, "tidak-ada");
        Assert.Equal((InvokeResponse.MessageType, "Disposisi tidak ditemukan."), (turn.InvokeResponse!.Type, turn.InvokeResponse.Value!.ToString()));
    }

    // ---- Setujui ----

    [Fact]
    public async Task Setujui_ByAddressee_CompletesStep_UpdatesBaseCardForEveryone_AndTellsOfficer()
    {
        var (_, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id, new { arahan = "setujui,arsipkan", catatan = "Bagus", batasWaktu = "2026-03-06" }));

        Assert.False(HasAction(card, DisposisiVerbs.Setujui));
        Assert.Contains("disetujui", Text(card));
        var stored = (await _w.Disposisi.GetAsync(d.Id))!;
        Assert.Equal((DisposisiState.Disetujui, Kepala.AadObjectId, "Bagus"), (stored.State, stored.DecidedBy, stored.Catatan));
        Assert.Equal(["setujui", "arsipkan"], stored.Arahan);
        var k = (await _w.Kegiatan.GetAsync("k-1"))!;
        Assert.Equal(StepStatus.Selesai, k.FindStep("A.4")!.Status);
        Assert.Equal("A.5", k.CurrentStepId);

        var (conversation, activityId, update) = Assert.Single(_w.Connector.Updated);
        Assert.Equal((MemoryReferences.ConversationOfId(Kepala.AadObjectId), "msg-1"), (conversation, activityId));
        var updated = SentCard(update);
        Assert.Null(updated["refresh"]);
        Assert.Null(updated["actions"]);
        Assert.Contains("disetujui", Text(updated));
        Assert.False(HasAction(updated, DisposisiVerbs.Setujui));
        var told = Assert.Single(_w.Connector.SentTo(Officer.AadObjectId));
        Assert.Contains("disetujui", told.Text);
        Assert.Contains("Budi Kepala", told.Text);
    }

    [Fact]
    public async Task Setujui_DoubleClick_SecondSeesSudahDiputuskan_AndStepCompletesOnce()
    {
        var (_, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id);
        var versionAfterFirst = (await _w.Kegiatan.GetAsync("k-1"))!.Version;

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id));

        Assert.Contains("sudah diputuskan", Text(card));
        Assert.Equal(versionAfterFirst, (await _w.Kegiatan.GetAsync("k-1"))!.Version);
        Assert.Single(_w.Audit.Events, e => e.Action == "disposisi.approved");
        Assert.Single(_w.Connector.Updated);
    }

    [Fact]
    public async Task Setujui_WithPastBatasWaktu_IsRefused_CardStaysActionable()
    {
        var (_, d) = await _w.SubmitReportAsync();
        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id, new { batasWaktu = "2026-02-27" }));
        Assert.True(HasAction(card, DisposisiVerbs.Setujui));
        Assert.Contains("sudah lewat", Text(card));
        Assert.False((await _w.Disposisi.GetAsync(d.Id))!.IsDecided);
    }

    [Fact]
    public async Task Setujui_ViaActionSubmitFallback_DecidesAndReplacesTheCardMessage()
    {
        var (_, d) = await _w.SubmitReportAsync();
        var turn = new Support.RecordingTurn(new Activity
        {
            Type = ActivityTypes.Message,
            Id = "m-1",
            ServiceUrl = ServiceUrl,
            From = new ChannelAccount { Id = Kepala.TeamsId, AadObjectId = Kepala.AadObjectId },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = MemoryReferences.ConversationOfId(Kepala.AadObjectId) },
            ReplyToId = "msg-1",
            Value = System.Text.Json.JsonSerializer.SerializeToElement(new { verb = DisposisiVerbs.Setujui, disposisiId = d.Id, arahan = "arsipkan" }),
        });

        await _w.Router.RouteAsync(turn);

        var (id, replaced) = Assert.Single(turn.Updated);
        Assert.Equal("msg-1", id);
        Assert.Contains("disetujui", Text(SentCard(replaced)));
        Assert.Equal(["arsipkan"], (await _w.Disposisi.GetAsync(d.Id))!.Arahan);
    }

    [Fact]
    public async Task Click_WithoutDisposisiId_IsABadRequestInIndonesian()
    {
        var turn = await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, "");
        Assert.Equal((400, InvokeResponse.ErrorType), (turn.InvokeResponse!.StatusCode, turn.InvokeResponse.Type));
        Assert.Contains("disposisiId wajib", turn.InvokeResponse.Value!.ToJsonString());
    }

    [Fact]
    public async Task Setujui_StorageFailsBeforeStepChanges_NextOpeningCompletesTheStep()
    {
        var (_, d) = await _w.SubmitReportAsync();
        _w.Kegiatan.FailNextUpdate = true;

        var failed = await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id);

        Assert.Equal(ActivityRouter.Apology, failed.InvokeResponse!.Value!.ToString());
        var stored = (await _w.Disposisi.GetAsync(d.Id))!;
        Assert.Equal((DisposisiState.Disetujui, false), (stored.State, stored.StepUpdated));
        Assert.Equal(StepStatus.MenungguDisposisi, (await _w.Kegiatan.GetAsync("k-1"))!.FindStep("A.4")!.Status);

        await _w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id);

        Assert.Equal(StepStatus.Selesai, (await _w.Kegiatan.GetAsync("k-1"))!.FindStep("A.4")!.Status);
        Assert.True((await _w.Disposisi.GetAsync(d.Id))!.StepUpdated);
        Assert.Single(_w.Audit.Events, e => e.Action == "step.approved");
    }

    [Fact]
    public async Task OldReturnedDisposisi_ReopenedAfterResubmission_DoesNotReturnTheNewSubmission()
    {
        var (k, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = "revisi" });
        var reopened = (await _w.Kegiatan.GetAsync(k.Id))!;
        await _w.Kegiatan.UpdateAsync(_w.Engine.SubmitToLeader(reopened, "v2", new DateOnly(2026, 3, 3), new Actor(Officer.AadObjectId), Start).Kegiatan!, reopened.Version!);
        var old = (await _w.Disposisi.GetAsync(d.Id))!;
        old.StepUpdated = false; // as if the flag write had been lost
        await _w.Disposisi.UpdateAsync(old, old.Version!);

        await _w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id);

        var step = (await _w.Kegiatan.GetAsync(k.Id))!.FindStep("A.4")!;
        Assert.Equal((StepStatus.MenungguDisposisi, 1), (step.Status, step.TimesReturned));
        Assert.True((await _w.Disposisi.GetAsync(d.Id))!.StepUpdated);
    }

    // ---- who may act ----

    [Fact]
    public async Task Setujui_BySomeoneElse_IsRefusedAndAudited_NothingChanges()
    {
        var (_, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Stranger, DisposisiVerbs.Setujui, d.Id));

        Assert.Contains("bukan penerima", Text(card));
        Assert.False(HasAction(card, DisposisiVerbs.Setujui));
        Assert.Equal(DisposisiState.Terkirim, (await _w.Disposisi.GetAsync(d.Id))!.State);
        Assert.Equal(StepStatus.MenungguDisposisi, (await _w.Kegiatan.GetAsync("k-1"))!.CurrentStep!.Status);
        var refused = Assert.Single(_w.Audit.Events, e => e.Action == "disposisi.refused");
        Assert.Equal(Stranger.AadObjectId, refused.Actor);
        Assert.Empty(_w.Connector.Updated);
    }

    [Fact]
    public async Task Setujui_ByPlhWithinRange_IsRecordedAtasNama()
    {
        var (_, d) = await _w.SubmitReportAsync();
        await _w.Delegations.SaveAsync(new Delegation("del-1", Kepala.AadObjectId, Katim.AadObjectId, DelegationKind.Plh, new(2026, 3, 2), new(2026, 3, 6), Kepala.AadObjectId, Start));

        var card = Card(await _w.ClickAsync(Katim, DisposisiVerbs.Setujui, d.Id));

        var stored = (await _w.Disposisi.GetAsync(d.Id))!;
        Assert.Equal((DisposisiState.Disetujui, Katim.AadObjectId, Kepala.AadObjectId), (stored.State, stored.DecidedBy, stored.DecidedOnBehalfOf));
        Assert.Contains("Citra Katim a.n. Budi Kepala", Text(card));
        Assert.All(_w.Audit.Events.Where(e => e.Action == "step.approved"), e => Assert.Equal(Kepala.AadObjectId, e.OnBehalfOf));
    }

    [Fact]
    public async Task Setujui_ByPlhOutsideRange_IsRefused()
    {
        var (_, d) = await _w.SubmitReportAsync();
        await _w.Delegations.SaveAsync(new Delegation("del-1", Kepala.AadObjectId, Katim.AadObjectId, DelegationKind.Plh, new(2026, 3, 3), new(2026, 3, 6), Kepala.AadObjectId, Start));

        var card = Card(await _w.ClickAsync(Katim, DisposisiVerbs.Setujui, d.Id));

        Assert.Contains("bukan penerima", Text(card));
        Assert.False((await _w.Disposisi.GetAsync(d.Id))!.IsDecided);
    }

    [Fact]
    public async Task Lihat_ByActivePlh_GetsActionableCard_AndRefreshListsPlh()
    {
        await _w.Delegations.SaveAsync(new Delegation("del-1", Kepala.AadObjectId, Katim.AadObjectId, DelegationKind.Plt, new(2026, 3, 1), new(2026, 3, 31), Admin.AadObjectId, Start));
        var (_, d) = await _w.SubmitReportAsync();

        var baseCard = SentCard(Assert.Single(_w.Connector.SentTo(Kepala.AadObjectId)));
        Assert.Equal(["29:kepala", "29:katim"], baseCard["refresh"]!["userIds"]!.AsArray().Select(n => (string?)n));
        var card = Card(await _w.ClickAsync(Katim, DisposisiVerbs.Lihat, d.Id, trigger: "automatic"));
        Assert.True(HasAction(card, DisposisiVerbs.Setujui));
        Assert.Contains("Plt/Plh a.n. Budi Kepala", Text(card));
    }

    [Fact]
    public async Task Request_WithActivePlh_CardGoesToBoth_AndEitherDecisionUpdatesBoth()
    {
        await _w.Delegations.SaveAsync(new Delegation("del-1", Kepala.AadObjectId, Katim.AadObjectId, DelegationKind.Plh, new(2026, 3, 1), new(2026, 3, 31), Admin.AadObjectId, Start));
        var (_, d) = await _w.SubmitReportAsync();

        var toKepala = Assert.Single(_w.Connector.SentTo(Kepala.AadObjectId));
        var toPlh = Assert.Single(_w.Connector.SentTo(Katim.AadObjectId));
        Assert.Equal(Text(SentCard(toKepala)), Text(SentCard(toPlh)));
        var stored = (await _w.Disposisi.GetAsync(d.Id))!;
        var plhCopy = Assert.Single(stored.DelegateCards);
        Assert.Equal(MemoryReferences.ConversationOfId(Katim.AadObjectId), plhCopy.ConversationId);

        await _w.ClickAsync(Katim, DisposisiVerbs.Setujui, d.Id);

        var updated = _w.Connector.Updated.ToList();
        Assert.Equal(2, updated.Count);
        Assert.Contains(updated, u => u.ActivityId == stored.Card!.ActivityId && u.Conversation == stored.Card.ConversationId);
        Assert.Contains(updated, u => u.ActivityId == plhCopy.ActivityId && u.Conversation == plhCopy.ConversationId);
        Assert.All(updated, u => Assert.Contains("Citra Katim a.n. Budi Kepala", Text(SentCard(u.Activity))));
    }

    [Fact]
    public async Task Kembalikan_CardSaysDikirimUlang_OnlyAfterARealResend()
    {
        var (k, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = "Lengkapi daftar hadir" });

        var returned = Text(SentCard(Assert.Single(_w.Connector.Updated).Activity));
        Assert.DoesNotContain("Dikirim ulang", returned);
        Assert.Contains("Lengkapi daftar hadir", returned);

        var reopened = (await _w.Kegiatan.GetAsync(k.Id))!;
        await _w.Kegiatan.UpdateAsync(_w.Engine.SubmitToLeader(reopened, "https://files.example/v2.pdf", new DateOnly(2026, 3, 3), new Actor(Officer.AadObjectId), Start).Kegiatan!, reopened.Version!);
        var (again, _) = await _w.Service.SendAsync(new DisposisiRequest(k.Id, "A.4", Officer.AadObjectId, Officer.UnitId, DisposisiKinds.ReportToLeader, null, "Laporan (perbaikan)"));

        var resent = Text(SentCard(_w.Connector.SentTo(Kepala.AadObjectId).Last()));
        Assert.Contains("Dikirim ulang setelah dikembalikan 1× (alasan terakhir: Lengkapi daftar hadir).", resent);
        Assert.Equal(1, again!.Round);
    }

    [Fact]
    public async Task Progress_ForTheOfficersTaskList_WaitingForwardedOrNotSent()
    {
        _w.References.Remove(Kepala.AadObjectId);
        var (k, d) = await _w.SubmitReportAsync();
        var request = new DisposisiRequest(k.Id, "A.4", Officer.AadObjectId, Officer.UnitId, DisposisiKinds.ReportToLeader, null, "x");

        var waiting = (await _w.Service.ProgressAsync(request))!;
        Assert.Equal((DisposisiProgressKind.Menunggu, "Budi Kepala", (DateTimeOffset?)d.SentAt, false), (waiting.Kind, waiting.LeaderName, waiting.SentAt, waiting.Reachable));

        await _w.ClickAsync(Kepala, DisposisiVerbs.Teruskan, d.Id, new { penerima = Katim.AadObjectId, batasWaktu = "2026-03-04" });
        var forwarded = (await _w.Service.ProgressAsync(request))!;
        Assert.Equal((DisposisiProgressKind.Diteruskan, "Citra Katim"), (forwarded.Kind, forwarded.Explanation));

        var kepala = (await _w.Roster.GetPersonAsync(Kepala.AadObjectId))!;
        await _w.Roster.SavePersonAsync(kepala with { Roles = [RosterRoles.Pelaksana] });
        var none = (await _w.Service.ProgressAsync(request))!;
        Assert.Equal(DisposisiProgressKind.BelumTerkirim, none.Kind);
        Assert.False(string.IsNullOrWhiteSpace(none.Explanation));
    }

    // ---- Kembalikan ----

    [Fact]
    public async Task Kembalikan_WithoutReason_IsRefused_NothingChanges()
    {
        var (_, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = " " }));

        Assert.Contains("Alasan pengembalian wajib diisi", Text(card));
        Assert.True(HasAction(card, DisposisiVerbs.Kembalikan));
        Assert.False((await _w.Disposisi.GetAsync(d.Id))!.IsDecided);
        Assert.Equal(StepStatus.MenungguDisposisi, (await _w.Kegiatan.GetAsync("k-1"))!.CurrentStep!.Status);
    }

    [Fact]
    public async Task Kembalikan_WithReason_ReopensStepForOfficer_WhoIsTold()
    {
        var (_, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = "Foto kegiatan belum dilampirkan" }));

        Assert.Contains("dikembalikan", Text(card));
        var step = (await _w.Kegiatan.GetAsync("k-1"))!.CurrentStep!;
        Assert.Equal((StepStatus.Berjalan, "Foto kegiatan belum dilampirkan", 1), (step.Status, step.Note, step.TimesReturned));
        var told = Assert.Single(_w.Connector.SentTo(Officer.AadObjectId));
        Assert.Contains("Foto kegiatan belum dilampirkan", told.Text);
        Assert.Contains("kirim ulang", told.Text);
    }

    [Fact]
    public async Task Kembalikan_ThenResubmit_ThenSetujui_CompletesStep()
    {
        var (k, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = "Lengkapi daftar hadir" });

        var reopened = (await _w.Kegiatan.GetAsync(k.Id))!;
        var resubmitted = _w.Engine.SubmitToLeader(reopened, "https://files.example/A.4/laporan-v2.pdf", new DateOnly(2026, 3, 3), new Actor(Officer.AadObjectId), Start.AddDays(1));
        await _w.Kegiatan.UpdateAsync(resubmitted.Kegiatan!, reopened.Version!);
        var (again, _) = await _w.Service.SendAsync(new DisposisiRequest(k.Id, "A.4", Officer.AadObjectId, Officer.UnitId, DisposisiKinds.ReportToLeader, null, "Laporan FGD (perbaikan)"));

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, again!.Id));
        Assert.Contains("laporan-v2.pdf", Text(card));
        var done = (await _w.Kegiatan.GetAsync(k.Id))!;
        Assert.Equal(("A.5", StepStatus.Selesai), (done.CurrentStepId, done.FindStep("A.4")!.Status));
    }

    // ---- Teruskan ----

    [Fact]
    public async Task Teruskan_ToSubordinate_AsksForInput_TheLeaderStillDecides()
    {
        var (_, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Teruskan, d.Id, new { penerima = Katim.AadObjectId, batasWaktu = "2026-03-04", arahan = "tindak-lanjuti", sifat = "Segera" }));

        Assert.Contains("diteruskan", Text(card));
        Assert.Contains("Citra Katim", Text(card));
        Assert.Contains("keputusan tetap pada Anda", Text(card));
        var parent = (await _w.Disposisi.GetAsync(d.Id))!;
        Assert.Equal((DisposisiState.Diteruskan, false), (parent.State, parent.IsDecided));
        var child = (await _w.Disposisi.GetAsync(parent.ForwardedToDisposisiId!))!;
        Assert.Equal((Katim.AadObjectId, Kepala.AadObjectId, new DateOnly(2026, 3, 4), Sifat.Segera), (child.ToId, child.FromId, child.BatasWaktu, child.Sifat));
        Assert.Single(_w.Connector.SentTo(Katim.AadObjectId));
        Assert.Equal(StepStatus.MenungguDisposisi, (await _w.Kegiatan.GetAsync("k-1"))!.CurrentStep!.Status);
        Assert.Contains("diteruskan", Assert.Single(_w.Connector.SentTo(Officer.AadObjectId)).Text);
        Assert.Single(await _w.Service.InboxAsync(Kepala.AadObjectId)); // still the leader's to decide
        var leaderCard = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, trigger: "automatic"));
        Assert.True(HasAction(leaderCard, DisposisiVerbs.Setujui));
        Assert.False(HasAction(leaderCard, DisposisiVerbs.Teruskan)); // once

        // The forwardee may answer, not decide.
        var katimCard = Card(await _w.ClickAsync(Katim, DisposisiVerbs.Lihat, child.Id, trigger: "automatic"));
        Assert.True(HasAction(katimCard, DisposisiVerbs.Tanggapi));
        Assert.False(HasAction(katimCard, DisposisiVerbs.Setujui));
        var refused = Card(await _w.ClickAsync(Katim, DisposisiVerbs.Setujui, child.Id));
        Assert.Contains("keputusan langkah tetap pada pimpinan", Text(refused));
        Assert.Equal(StepStatus.MenungguDisposisi, (await _w.Kegiatan.GetAsync("k-1"))!.CurrentStep!.Status);
        Assert.False((await _w.Disposisi.GetAsync(child.Id))!.IsDecided);
    }

    [Fact]
    public async Task Tanggapi_OnForwarded_UpdatesBothCards_TellsTheLeader_WhoThenDecides()
    {
        var (_, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Teruskan, d.Id, new { penerima = Katim.AadObjectId, batasWaktu = "2026-03-04" });
        var childId = (await _w.Disposisi.GetAsync(d.Id))!.ForwardedToDisposisiId!;
        var childCard = (await _w.Disposisi.GetAsync(childId))!.Card!;
        var updatesBefore = _w.Connector.Updated.Count;

        var empty = Card(await _w.ClickAsync(Katim, DisposisiVerbs.Tanggapi, childId, new { tanggapan = " " }));
        Assert.Contains("Tanggapan wajib diisi", Text(empty));

        var answered = Card(await _w.ClickAsync(Katim, DisposisiVerbs.Tanggapi, childId, new { tanggapan = "Laporan lengkap, layak disetujui" }));

        Assert.Contains("ditanggapi", Text(answered));
        var parent = (await _w.Disposisi.GetAsync(d.Id))!;
        Assert.Equal((DisposisiState.Diteruskan, "Laporan lengkap, layak disetujui", Katim.AadObjectId), (parent.State, parent.Tanggapan, parent.TanggapanBy));
        var updates = _w.Connector.Updated.Skip(updatesBefore).ToList();
        Assert.Contains(updates, u => u.ActivityId == childCard.ActivityId && Text(SentCard(u.Activity)).Contains("ditanggapi"));
        var parentUpdate = Assert.Single(updates, u => u.ActivityId == parent.Card!.ActivityId);
        Assert.Contains("menunggu keputusan", Text(SentCard(parentUpdate.Activity)));
        Assert.Contains("Laporan lengkap, layak disetujui", Text(SentCard(parentUpdate.Activity)));
        Assert.Contains(_w.Connector.SentTo(Kepala.AadObjectId), a => a.Text?.Contains("Citra Katim menanggapi", StringComparison.Ordinal) == true);
        Assert.Equal(StepStatus.MenungguDisposisi, (await _w.Kegiatan.GetAsync("k-1"))!.CurrentStep!.Status);

        var decided = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id));
        Assert.Contains("disetujui", Text(decided));
        Assert.Equal("A.5", (await _w.Kegiatan.GetAsync("k-1"))!.CurrentStepId);
        var last = _w.Connector.Updated.Last(u => u.ActivityId == parent.Card!.ActivityId);
        Assert.Contains("disetujui", Text(SentCard(last.Activity)));
        Assert.Equal(DisposisiState.Ditanggapi, (await _w.Disposisi.GetAsync(childId))!.State); // answered stays answered
    }

    [Fact]
    public async Task Setujui_WhileForwardIsOpen_ClosesTheForwardedOne_AndUpdatesItsCard()
    {
        var (_, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Teruskan, d.Id, new { penerima = Katim.AadObjectId, batasWaktu = "2026-03-04" });
        var child = (await _w.Disposisi.GetAsync((await _w.Disposisi.GetAsync(d.Id))!.ForwardedToDisposisiId!))!;

        await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id);

        var closed = (await _w.Disposisi.GetAsync(child.Id))!;
        Assert.Equal((DisposisiState.Ditutup, Kepala.AadObjectId), (closed.State, closed.DecidedBy));
        Assert.Contains(_w.Connector.Updated, u => u.ActivityId == child.Card!.ActivityId && Text(SentCard(u.Activity)).Contains("ditutup"));
        Assert.Empty(await _w.Service.InboxAsync(Katim.AadObjectId));
        var late = Card(await _w.ClickAsync(Katim, DisposisiVerbs.Tanggapi, child.Id, new { tanggapan = "terlambat" }));
        Assert.Contains("sudah diputuskan", Text(late));
    }

    [Fact]
    public async Task Teruskan_ToSomeoneWithoutChat_TellsTheLeaderTheyCannotBeReachedYet()
    {
        _w.References.Remove(Katim.AadObjectId);
        var (_, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Teruskan, d.Id, new { penerima = Katim.AadObjectId, batasWaktu = "2026-03-04" }));

        Assert.Contains("Citra Katim belum dapat menerima kartu", Text(card));
        Assert.Empty(_w.Connector.SentTo(Katim.AadObjectId));
        Assert.Single(await _w.Service.InboxAsync(Katim.AadObjectId)); // waits in their inbox
    }

    [Fact]
    public async Task Teruskan_InterruptedBeforeTheNewDisposisiWasStored_NextOpeningRebuildsAndSendsIt()
    {
        var (_, d) = await _w.SubmitReportAsync();
        var parent = (await _w.Disposisi.GetAsync(d.Id))!;
        var forwarded = DisposisiRules.Forward(parent, new Actor(Kepala.AadObjectId), Katim.AadObjectId, [Katim.AadObjectId],
            new DisposisiInput(["pelajari"], null, new DateOnly(2026, 3, 5)), "child-1", new DateOnly(2026, 3, 2), Start);
        await _w.Disposisi.UpdateAsync(forwarded.Disposisi!, parent.Version!); // stored, then the process stopped

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id));

        Assert.Contains("menunggu tanggapan", Text(card));
        var child = (await _w.Disposisi.GetAsync("child-1"))!;
        Assert.Equal((Katim.AadObjectId, new DateOnly(2026, 3, 5), d.Id), (child.ToId, child.BatasWaktu, child.ParentId));
        Assert.Single(_w.Connector.SentTo(Katim.AadObjectId));
    }

    [Fact]
    public async Task Teruskan_ToNonSubordinate_IsRefused()
    {
        var (_, d) = await _w.SubmitReportAsync();
        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Teruskan, d.Id, new { penerima = Stranger.AadObjectId, batasWaktu = "2026-03-04" }));
        Assert.Contains("bawahan", Text(card));
        Assert.False((await _w.Disposisi.GetAsync(d.Id))!.IsDecided);
    }

    // ---- inbox ----

    [Fact]
    public async Task Inbox_ListsPendingOldestFirst_WithAgeInHk_AndEachOpensAsItsCard()
    {
        var (_, first) = await _w.SubmitReportAsync("k-1");
        _w.Time.Advance(TimeSpan.FromDays(1));
        var (_, second) = await _w.SubmitReportAsync("k-2");
        _w.Time.Advance(TimeSpan.FromDays(1)); // Wednesday 4 March

        var turn = await _w.SayAsync(Kepala, "disposisi");

        var inbox = SentCard(Assert.Single(turn.Sent));
        var text = Text(inbox);
        Assert.Contains("2 menunggu", text);
        Assert.True(text.IndexOf(first.Id, StringComparison.Ordinal) < text.IndexOf(second.Id, StringComparison.Ordinal));
        Assert.Contains("2 HK", text);
        Assert.Contains("1 HK", text);
        var opened = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Buka, second.Id));
        Assert.True(HasAction(opened, DisposisiVerbs.Setujui));

        await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, first.Id);
        var after = Text(SentCard(Assert.Single((await _w.SayAsync(Kepala, "disposisi")).Sent)));
        Assert.Contains("1 menunggu", after);
        Assert.DoesNotContain(first.Id, after);
    }

    [Fact]
    public async Task Inbox_Empty_SaysNothingWaits()
    {
        var turn = await _w.SayAsync(Officer, "disposisi");
        Assert.Contains("Tidak ada disposisi", Text(SentCard(Assert.Single(turn.Sent))));
    }

    // ---- roster and delegation in chat ----

    [Fact]
    public async Task RosterImport_ByAdminWithBadRows_ReportsLinesAndStoresNothing()
    {
        var turn = await _w.SayAsync(Admin, """
            roster import
            aad_object_id,name,email,unit_id,roles
            11111111-1111-1111-1111-111111111111,Fajar,fajar@pom.go.id,bbpom-bandung,pelaksana
            bukan-id,Gita,gita@pom.go.id,bbpom-bandung,pelaksana
            22222222-2222-2222-2222-222222222222,Hadi,hadi@pom.go.id,unit-fiktif,pelaksana
            """);

        var text = Assert.Single(turn.Sent).Text!;
        Assert.Contains("tidak** diimpor", text);
        Assert.Contains("baris 3", text);
        Assert.Contains("baris 4", text);
        Assert.Null(await _w.Roster.GetPersonAsync("11111111-1111-1111-1111-111111111111"));
    }

    [Fact]
    public async Task RosterImport_ByAdminValid_StoresEveryone_NonAdminRefused()
    {
        const string csv = """
            roster import
            aad_object_id,name,email,unit_id,roles
            11111111-1111-1111-1111-111111111111,Fajar,fajar@pom.go.id,bbpom-bandung,pelaksana
            00000000-0000-0000-0000-00000000000c,Citra Katim,citra@pom.go.id,bbpom-bandung,ketua tim;admin
            """;
        Assert.Contains("Hanya admin", Assert.Single((await _w.SayAsync(Officer, csv)).Sent).Text);
        Assert.Null(await _w.Roster.GetPersonAsync("11111111-1111-1111-1111-111111111111"));

        Assert.Contains("1 orang baru, 1 diperbarui", Assert.Single((await _w.SayAsync(Admin, csv)).Sent).Text);
        Assert.Equal("Fajar", (await _w.Roster.GetPersonAsync("11111111-1111-1111-1111-111111111111"))!.Name);
        Assert.Equal([RosterRoles.KetuaTim, RosterRoles.Admin], (await _w.Roster.GetPersonAsync(Katim.AadObjectId))!.Roles);
        Assert.Equal("29:katim", (await _w.Roster.GetPersonAsync(Katim.AadObjectId))!.TeamsId); // kept when the CSV has none
    }

    [Fact]
    public async Task RosterImport_TeamsFileAttachment_IsDownloadedFromSharePointAndImported()
    {
        const string url = "https://bpom.sharepoint.com/personal/eka/roster.csv";
        _w.Files.Files[url] = "aad_object_id,name,email,unit_id,roles\n11111111-1111-1111-1111-111111111111,Fajar,fajar@pom.go.id,bbpom-bandung,pelaksana\n";
        var file = new Attachment("application/vnd.microsoft.teams.file.download.info", new JsonObject { ["downloadUrl"] = url, ["fileType"] = "csv" });

        var reply = Assert.Single((await _w.SayAsync(Admin, "roster import", file)).Sent).Text!;

        Assert.Contains("1 orang baru", reply);
        Assert.Equal("Fajar", (await _w.Roster.GetPersonAsync("11111111-1111-1111-1111-111111111111"))!.Name);
    }

    [Fact]
    public async Task RosterImport_FileFromUntrustedHost_IsNotDownloaded()
    {
        var file = new Attachment("application/vnd.microsoft.teams.file.download.info", new JsonObject { ["downloadUrl"] = "https://evil.example/roster.csv" });

        var reply = Assert.Single((await _w.SayAsync(Admin, "roster import", file)).Sent).Text!;

        Assert.Contains("tidak dapat diunduh", reply);
        Assert.Empty(_w.Files.Requested);
    }

    [Fact]
    public async Task Plh_SetByLeaderInChat_LetsDelegateActWithinDates()
    {
        var reply = Assert.Single((await _w.SayAsync(Kepala, "plh citra@pom.go.id 02-03-2026 s.d. 06-03-2026")).Sent).Text!;
        Assert.Contains("Plh a.n. Budi Kepala", reply);
        var (_, d) = await _w.SubmitReportAsync();

        await _w.ClickAsync(Katim, DisposisiVerbs.Setujui, d.Id);

        Assert.Equal(Kepala.AadObjectId, (await _w.Disposisi.GetAsync(d.Id))!.DecidedOnBehalfOf);
    }

    [Fact]
    public async Task Plh_SetBySomeoneForAnotherLeader_IsRefusedUnlessAdmin()
    {
        Assert.Contains("Hanya pimpinan", Assert.Single((await _w.SayAsync(Officer, "plh citra@pom.go.id 02-03-2026 06-03-2026 a.n. budi@pom.go.id")).Sent).Text);
        Assert.Contains("Plt a.n. Budi Kepala", Assert.Single((await _w.SayAsync(Admin, "plt citra@pom.go.id 2026-03-02 2026-03-31 a.n. budi@pom.go.id")).Sent).Text);
        Assert.Contains("sebelum tanggal mulai", Assert.Single((await _w.SayAsync(Kepala, "plh citra@pom.go.id 06-03-2026 02-03-2026")).Sent).Text);
    }
}
