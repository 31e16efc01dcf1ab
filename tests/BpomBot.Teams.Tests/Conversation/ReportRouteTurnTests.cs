using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>
/// Keterangan B.4: a B kegiatan's function (fasilitator or CAPA) and commodity, asked with buttons when it starts,
/// choose the directorate its B.4 report goes to.
/// </summary>
public sealed class ReportRouteTurnTests : IDisposable
{
    private readonly Stores stores = new();
    private readonly LeaderRecorder leaders;
    private readonly ConversationHarness bot;

    public ReportRouteTurnTests()
    {
        leaders = new LeaderRecorder(stores);
        bot = new ConversationHarness(stores, s => s.AddSingleton<IDisposisiRequester>(leaders));
    }

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Capa_for_kosmetik_sends_the_B4_report_to_the_Direktorat_Pengawasan_Kosmetik()
    {
        await SeedLeadersAsync();
        var fungsi = await bot.SayAllAsync("mulai", "B", "Pendampingan CAPA produsen kosmetik Medan", "Pelaku Usaha", "Pendampingan");
        Assert.Contains("Fungsi pembinaan", fungsi.Texts());
        Assert.Equal(["Fasilitator", "CAPA (tindakan perbaikan dan pencegahan)"], Buttons(fungsi));

        var komoditas = await bot.SayAsync("CAPA (tindakan perbaikan dan pencegahan)");
        Assert.Equal(["Obat tradisional", "Suplemen kesehatan", "Kosmetik", "Pangan olahan"], Buttons(komoditas));
        var started = await bot.SayAsync("Kosmetik");

        Assert.Contains("dimulai", started.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(("capa", "kosmetik"), (k.Fungsi, k.Komoditas));
        Assert.Contains(stores.Audit.Events, e => e.Action == "kegiatan.report-route" && e.After == "capa/kosmetik");

        var sent = await WalkToB4Async(english: false);

        Assert.Contains("disampaikan kepada pimpinan", sent.Texts());
        var leader = Assert.Single(leaders.Resolved);
        Assert.Equal(("B.4", "direktur-was-kosmetik"), (leader.StepId, leader.Resolution.Leader?.AadObjectId));
    }

    [Fact]
    public async Task English_facilitator_for_processed_food_goes_to_the_Direktorat_Pemberdayaan_Pangan_Olahan()
    {
        await SeedLeadersAsync();
        var fungsi = await bot.SayAllAsync("start", "B", "Coaching food SMEs in Medan", "Pelaku Usaha", "Workshop");
        Assert.Contains("Which function", fungsi.Texts());
        Assert.Equal(["Facilitator", "CAPA (corrective and preventive action)"], Buttons(fungsi));
        Assert.Contains("Pick a number 1–2", (await bot.SayAsync("both")).Texts());
        Assert.Contains("Which commodity", (await bot.SayAsync("Facilitator")).Texts());

        var started = await bot.SayAsync("Processed food");

        Assert.Contains("started", started.Texts());
        Assert.Equal(("fasilitator", "pangan-olahan"), ((await bot.CurrentAsync()).Fungsi, (await bot.CurrentAsync()).Komoditas));
        var sent = await WalkToB4Async(english: true);
        Assert.Contains("sent to the leader", sent.Texts());
        Assert.Equal("direktur-pmpu-po", Assert.Single(leaders.Resolved).Resolution.Leader?.AadObjectId);
    }

    [Fact]
    public async Task Without_a_route_B4_goes_to_the_pimpinan_of_the_unit_and_A_asks_no_route()
    {
        await SeedLeadersAsync();
        var started = await bot.SayAllAsync("mulai", "A", "FGD keamanan pangan Pemda Medan", "pemda", "fgd");

        Assert.Contains("dimulai", started.Texts());
        Assert.DoesNotContain("Fungsi", started.Texts());
        Assert.Null((await bot.CurrentAsync()).Fungsi);
    }

    [Fact]
    public async Task A_pair_the_SOP_does_not_route_or_another_officer_is_refused_and_nothing_is_stored()
    {
        await bot.RegisteredAsync();
        var k = await bot.StartKegiatanAsync(sub: "A");
        var route = new KegiatanReportRoute(stores.Kegiatan, SopCatalog.LoadEmbedded(), stores.Audit, stores.Time);

        var unrouted = await route.SetAsync(new KegiatanTarget(k.Id, bot.User, k.Version), "capa", "kosmetik");
        var stranger = await route.SetAsync(new KegiatanTarget(k.Id, "someone-else"), "capa", "kosmetik");

        Assert.False(unrouted.Succeeded);
        Assert.Contains("tidak mengirim laporan", unrouted.Error);
        Assert.Equal(WorkflowRefusals.PetugasLain, stranger.Code);
        var stored = (await stores.Kegiatan.GetAsync(k.Id))!;
        Assert.Equal((null, null, k.Version), (stored.Fungsi, stored.Komoditas, stored.Version));
        Assert.DoesNotContain(stores.Audit.Events, e => e.Action == "kegiatan.report-route");
    }

    /// <summary>B.1 Kelengkapan and output, B.2, B.3 (planned, its Waktu is N/A), then B.4's report: the turn that sends it.</summary>
    private async Task<RecordingTurn> WalkToB4Async(bool english)
    {
        var (done, today) = english ? ("done", "today") : ("selesai", "hari ini");
        await bot.SayAllAsync("kelengkapan", "1", "https://drive.pom.go.id/b1-permohonan.pdf", today);
        await bot.SayAllAsync(done, "https://drive.pom.go.id/b1.pdf", done, "https://drive.pom.go.id/b2.pdf");
        await bot.SayAllAsync(english ? "plan today" : "rencana hari ini", done, "https://drive.pom.go.id/b3.pdf");
        Assert.Equal("B.4", (await bot.CurrentAsync()).CurrentStepId);
        return await bot.SayAllAsync(done, "https://drive.pom.go.id/b4-laporan.pdf");
    }

    private async Task SeedLeadersAsync()
    {
        await bot.RegisteredAsync();
        await stores.Roster.SavePersonAsync(new PersonRecord("kepala-medan", "29:kepala-medan", "Kepala Medan", "km@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        await stores.Roster.SavePersonAsync(new PersonRecord("direktur-was-kosmetik", "29:dwk", "Direktur Was Kosmetik", "dwk@pom.go.id", "dit-was-kosmetik", [RosterRoles.Direktur]));
        await stores.Roster.SavePersonAsync(new PersonRecord("direktur-pmpu-po", "29:dpo", "Direktur PMPU PO", "dpo@pom.go.id", "dit-pmpu-po", [RosterRoles.Direktur]));
    }

    /// <summary>The imBack values of the card's buttons.</summary>
    internal static List<string> Buttons(RecordingTurn turn) =>
        [.. (turn.Card()?.ToJsonString() is { } json ? JsonNode.Parse(json)!.AsObject() : new JsonObject())["body"]!.AsArray()
            .Where(n => (string?)n!["type"] == "ActionSet")
            .SelectMany(n => n!["actions"]!.AsArray())
            .Select(a => (string)a!["data"]!["msteams"]!["value"]!)];

    /// <summary>Resolves each step sent to a leader as the disposisi service does: the leader directory over the stored kegiatan.</summary>
    private sealed class LeaderRecorder(Stores stores) : IDisposisiRequester
    {
        private static readonly SopCatalog Sop = SopCatalog.LoadEmbedded();
        private readonly LeaderDirectory directory = new(UnitCatalog.LoadEmbedded(), stores.Roster);

        public ConcurrentQueue<(string StepId, LeaderResolution Resolution)> Resolved { get; } = new();

        public async Task RequestAsync(DisposisiRequest request, CancellationToken cancellationToken = default)
        {
            var k = (await stores.Kegiatan.GetAsync(request.KegiatanId, cancellationToken))!;
            var sop = Sop.Get(k.SopCode, k.SopVersion)!;
            Resolved.Enqueue((request.StepId, await directory.ResolveAsync(k, sop, sop.FindStep(request.StepId)!, request.OfficerId, cancellationToken)));
        }
    }
}
