using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Conversation;
using BpomBot.Teams.Conversation.Views;
using BpomBot.Teams.Disposisi;
using BpomBot.Teams.Faq;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Disposisi;
using BpomBot.Teams.Tests.Faq;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Cards;

/// <summary>
/// One snapshot per card type and language (and the tugas/riwayat texts), so a change in wording, dates, facts or
/// actions shows up as a reviewed diff. A disposisi card sent proactively is in the leader's language (learned from
/// their messages); one opened from an English inbox, and every answer to its buttons, is English.
/// </summary>
public sealed class CardSnapshotTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private readonly SopCatalog catalog = SopCatalog.LoadEmbedded();
    private readonly KegiatanEngine engine;

    public CardSnapshotTests() => engine = new KegiatanEngine(catalog, new WorkingDayCalendar(HolidaySet.LoadEmbedded()));

    [Theory]
    [InlineData(false, "step-card.menunggu-kelengkapan.id")]
    [InlineData(true, "step-card.menunggu-kelengkapan.en")]
    public void StepCard_WaitingForKelengkapan(bool english, string name)
    {
        var k = Start();
        Snapshot.Match(name, StepCard.Build(Describe(k), english));
    }

    [Theory]
    [InlineData(false, "step-card.ditunda.id")]
    [InlineData(true, "step-card.ditunda.en")]
    public void StepCard_Paused(bool english, string name)
    {
        var k = Ok(engine.RecordKelengkapan(Start(), "k1", "Hasil rekomendasi kegiatan/kajian", "B-1/2026", Today, new Actor("o-1"), At));
        k = Ok(engine.Pause(k, "Narasumber berhalangan.", Today, new Actor("o-1"), At));
        Snapshot.Match(name, StepCard.Build(Describe(k), english));
    }

    [Theory]
    [InlineData(false, "tugas.id")]
    [InlineData(true, "tugas.en")]
    public void TugasText(bool english, string name)
    {
        var running = Ok(engine.RecordKelengkapan(Start("k-1"), "k1", "Hasil rekomendasi kegiatan/kajian", "B-1/2026", Today, new Actor("o-1"), At));
        var paused = Ok(engine.Pause(Ok(engine.RecordKelengkapan(Start("k-2", "Sosialisasi UMKM"), "k1", "Hasil rekomendasi kegiatan/kajian", "B-2/2026", Today, new Actor("o-1"), At)),
            "Menunggu jadwal narasumber", Today, new Actor("o-1"), At));
        var waiting = Start("k-3", "Advokasi Dinas Kesehatan");
        var tasks = new[]
        {
            Task(1, running, TugasStatus.Evaluate(running.CurrentStep!, Step(running), Today.AddDays(9), Hk)),
            Task(2, paused, TugasStatus.Evaluate(paused.CurrentStep!, Step(paused), Today.AddDays(2), Hk)),
            Task(4, waiting, TugasStatus.Evaluate(waiting.CurrentStep!, Step(waiting), Today, Hk)),
            Task(5, running, new TugasState(TugasKind.MenungguDisposisi, TugasColour.Hijau, 5, Today, 2, null, "Budi Kepala",
                new DisposisiProgress(DisposisiProgressKind.Diteruskan, "Budi Kepala", At, Today.AddDays(4), "Citra Katim"))),
            Task(6, running, new TugasState(TugasKind.DisposisiBelumTerkirim, TugasColour.Merah, 5, Today, 0, "Kepala Balai belum terdaftar di roster unit ini.")),
            Task(7, running, new TugasState(TugasKind.Dikembalikan, TugasColour.Kuning, 3, Reason: "Lengkapi daftar hadir")),
        };
        Snapshot.MatchText(name, TugasView.Render(tasks, english));
    }

    [Theory]
    [InlineData(false, "riwayat.id")]
    [InlineData(true, "riwayat.en")]
    public void RiwayatText(bool english, string name)
    {
        var officer = new Actor("o-1");
        var k = Ok(engine.RecordKelengkapan(Start(), "k1", "Hasil rekomendasi kegiatan/kajian", "B-1/2026", Today, officer, At.AddMinutes(5)));
        k = Ok(engine.Pause(k, "Narasumber berhalangan", Today, officer, At.AddHours(1)));
        k = Ok(engine.Resume(k, Today.AddDays(2), officer, At.AddDays(2)));
        var names = new Dictionary<string, string> { ["o-1"] = "Sari Petugas" };
        Snapshot.MatchText(name, RiwayatView.Render(k, k.History, names, at => at.ToOffset(TimeSpan.FromHours(7)), english));
    }

    [Fact]
    public async Task Disposisi_BaseActionableDecidedInbox()
    {
        var w = new DisposisiWorld();
        var (_, d) = await w.SubmitReportAsync();
        Snapshot.Match("disposisi.terkirim.id", Normalise(SentCard(w.Connector.SentTo(Kepala.AadObjectId)[0]), d.Id));
        Snapshot.Match("disposisi.dapat-diputuskan.id", Normalise(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, trigger: "automatic")), d.Id));
        Snapshot.Match("disposisi.kotak.id", Normalise(SentCard((await w.SayAsync(Kepala, "disposisi")).Sent[0]), d.Id));
        Snapshot.Match("disposisi.dikembalikan.id", Normalise(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = "Lengkapi daftar hadir." })), d.Id));
    }

    [Fact]
    public async Task Disposisi_ForwardedForInput()
    {
        var w = new DisposisiWorld();
        var (_, d) = await w.SubmitReportAsync();
        await w.ClickAsync(Kepala, DisposisiVerbs.Teruskan, d.Id, new { penerima = Katim.AadObjectId, batasWaktu = "2026-03-04", arahan = "pelajari" });
        var child = (await w.Disposisi.GetAsync(d.Id))!.ForwardedToDisposisiId!;
        JsonNode N(JsonNode card) => JsonNode.Parse(Normalise(card, d.Id).ToJsonString().Replace(child, "{terusan}", StringComparison.Ordinal))!;

        Snapshot.Match("disposisi.terusan.dapat-ditanggapi.id", N(Card(await w.ClickAsync(Katim, DisposisiVerbs.Lihat, child, trigger: "automatic"))));
        Snapshot.Match("disposisi.diteruskan.menunggu-tanggapan.id", N(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, trigger: "automatic"))));
        await w.ClickAsync(Katim, DisposisiVerbs.Tanggapi, child, new { tanggapan = "Laporan lengkap; layak disetujui." });
        Snapshot.Match("disposisi.diteruskan.ditanggapi.id", N(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, trigger: "automatic"))));
        Snapshot.Match("disposisi.disetujui.id", N(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id, new { arahan = "setujui", catatan = "Lanjutkan." }))));
    }

    [Fact]
    public async Task Disposisi_English_InboxActionableReturned()
    {
        var w = new DisposisiWorld();
        var (_, d) = await w.SubmitReportAsync();
        var inbox = SentCard((await w.SayAsync(Kepala, "show my approvals")).Sent[0]);
        Snapshot.Match("disposisi.kotak.en", Normalise(inbox, d.Id));

        // "Open" on the English inbox carries the language, so the card it opens (and the answers to its buttons) is English.
        Assert.Contains("\"lang\":\"en\"", inbox.ToJsonString(), StringComparison.Ordinal);
        Snapshot.Match("disposisi.dapat-diputuskan.en", Normalise(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Buka, d.Id, new { lang = "en" })), d.Id));
        Snapshot.Match("disposisi.dikembalikan.en", Normalise(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { lang = "en", alasan = "Attendance list missing." })), d.Id));
    }

    [Fact]
    public async Task Disposisi_TitleAndInboxLine_AreInTheReadersLanguage()
    {
        var w = new DisposisiWorld();
        var (_, d) = await w.SubmitReportAsync();

        var inbox = SentCard((await w.SayAsync(Kepala, "show my approvals")).Sent[0]).ToJsonString();
        var en = Card(await w.ClickAsync(Kepala, DisposisiVerbs.Buka, d.Id, new { lang = "en" })).ToJsonString();
        var id = Card(await w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, trigger: "automatic")).ToJsonString();

        Assert.Contains("Disposisi: FGD Pemda Kota Bandung: step A.4, output", en, StringComparison.Ordinal);
        Assert.Contains("FGD Pemda Kota Bandung: step A.4, output", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("langkah", en + inbox, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Disposisi: FGD Pemda Kota Bandung: langkah A.4, output", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposisi_English_SentToAnEnglishLeader()
    {
        var w = new DisposisiWorld();
        await w.SayAsync(Kepala, "show my approvals");
        var (_, d) = await w.SubmitReportAsync();
        Snapshot.Match("disposisi.terkirim.en", Normalise(SentCard(Assert.Single(w.Connector.SentTo(Kepala.AadObjectId), a => a.Attachments is { Count: > 0 })), d.Id));
    }

    [Fact]
    public async Task Disposisi_English_ForwardedForInput()
    {
        var w = new DisposisiWorld();
        var (_, d) = await w.SubmitReportAsync();
        await w.ClickAsync(Kepala, DisposisiVerbs.Teruskan, d.Id, new { lang = "en", penerima = Katim.AadObjectId, batasWaktu = "2026-03-04", arahan = "pelajari" });
        var child = (await w.Disposisi.GetAsync(d.Id))!.ForwardedToDisposisiId!;
        JsonNode N(JsonNode card) => JsonNode.Parse(Normalise(card, d.Id).ToJsonString().Replace(child, "{terusan}", StringComparison.Ordinal))!;

        Snapshot.Match("disposisi.terusan.dapat-ditanggapi.en", N(Card(await w.ClickAsync(Katim, DisposisiVerbs.Lihat, child, new { lang = "en" }))));
        Snapshot.Match("disposisi.diteruskan.menunggu-tanggapan.en", N(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, new { lang = "en" }))));
        await w.ClickAsync(Katim, DisposisiVerbs.Tanggapi, child, new { lang = "en", tanggapan = "Report complete; fit to approve." });
        Snapshot.Match("disposisi.diteruskan.ditanggapi.en", N(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Lihat, d.Id, new { lang = "en" }))));
        Snapshot.Match("disposisi.disetujui.en", N(Card(await w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id, new { lang = "en", arahan = "setujui,tindak-lanjuti", catatan = "Proceed." }))));
    }

    [Theory]
    [InlineData(FaqLanguage.Id, "bagaimana cara cek produk terdaftar di bpom", "faq.jawaban.id")]
    [InlineData(FaqLanguage.En, "how do i check if a product is registered", "faq.jawaban.en")]
    public void FaqAnswerCard(FaqLanguage language, string question, string name)
    {
        var entries = FaqTestKit.KnowledgeBase.Entries;
        Snapshot.Match(name, FaqCards.Answer(entries.Single(e => e.Id == "cek-produk"), language, question, otherTopics: [.. entries.Where(e => e.Id != "cek-produk")]));
    }

    [Theory]
    [InlineData(FaqLanguage.Id, "izin kosmetik rumahan", "faq.tidak-yakin.id")]
    [InlineData(FaqLanguage.En, "home cosmetics licence", "faq.tidak-yakin.en")]
    public void FaqNotSureCard(FaqLanguage language, string question, string name)
    {
        var entries = FaqTestKit.KnowledgeBase.Entries;
        var answer = new FaqAnswer(null, 0.4, language, [new FaqCandidate(entries.Single(e => e.Id == "notifikasi-kosmetik"), 0.4), new FaqCandidate(entries.Single(e => e.Id == "spp-irt"), 0.35)]);
        Snapshot.Match(name, FaqCards.NotSure(answer, question));
    }

    [Theory]
    [InlineData(Language.Indonesian, "bantuan.id")]
    [InlineData(Language.English, "bantuan.en")]
    public void HelpCardSnapshot(Language language, string name) => Snapshot.Match(name, HelpCard.Build(language));

    private static JsonObject SentCard(BpomBot.Teams.Protocol.Activity activity) => Assert.IsType<JsonObject>(Assert.Single(activity.Attachments!).Content);

    private static JsonNode Normalise(JsonNode card, string disposisiId) =>
        JsonNode.Parse(card.ToJsonString().Replace(disposisiId, "{disposisi}", StringComparison.Ordinal))!;

    private static int Hk(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    private Tugas Task(int number, Kegiatan k, TugasState state) => new(number, k, Step(k), k.CurrentStep!, k.CurrentStep!.DueOn ?? k.CurrentStep.PlannedOn, state);

    private SopStep Step(Kegiatan k) => catalog.Latest(k.SopCode)!.FindStep(k.CurrentStepId!)!;

    private OpenStep Describe(Kegiatan k)
    {
        var record = k.CurrentStep!;
        var target = record.DueOn ?? record.PlannedOn;
        int? left = target is { } t ? t.DayNumber - Today.DayNumber : null;
        return new OpenStep(k, Step(k), record, Today, target, left, Urgency.Hijau);
    }

    private Kegiatan Start(string id = "k-1", string title = "FGD Pemda Kota Medan")
    {
        var k = Ok(engine.Start(new StartKegiatan(id, "POM-04.01/CFM.01/SOP.01", "A", WorkflowKind.PerKegiatan, title, "pemerintah-daerah", "fgd", "bbpom-medan", "o-1", 2026), new Actor("o-1"), At));
        k.Version = "v-1";
        return k;
    }

    private static Kegiatan Ok(KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }
}
