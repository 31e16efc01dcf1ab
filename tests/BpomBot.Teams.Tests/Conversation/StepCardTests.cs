using System.Text.Json.Nodes;
using BpomBot.Domain.Application;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Conversation;

namespace BpomBot.Teams.Tests.Conversation;

public sealed class StepCardTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly SopCatalog catalog = SopCatalog.LoadEmbedded();
    private readonly KegiatanEngine engine;

    public StepCardTests() => engine = new KegiatanEngine(catalog, new WorkingDayCalendar(HolidaySet.LoadEmbedded()));

    [Fact]
    public void Build_WaitingForKelengkapan_ShowsStepInputsWaktuOutputAndOnlyIdsInButtons()
    {
        var k = Start();
        var step = catalog.Latest(k.SopCode)!.FindStep("A.1")!;

        var card = StepCard.Build(new OpenStep(k, step, k.CurrentStep!, new DateOnly(2026, 3, 2), null, null, Urgency.Hijau), english: false);
        var json = card.ToJsonString();

        Assert.Contains("Langkah 1 (A.1)", json);
        Assert.Contains(JsonValue.Create(step.Aktivitas)!.ToJsonString(), json);
        Assert.Contains("Hasil rekomendasi kegiatan/kajian atau Lembar disposisi pimpinan/Unit Kerja Pusat", json);
        Assert.Contains("10 HK", json);
        Assert.Contains("Rencana advokasi", json);
        var actions = card["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal([Verbs.Kelengkapan, Verbs.Riwayat], actions.Select(a => a["verb"]!.GetValue<string>()));
        Assert.All(actions, a =>
        {
            Assert.Equal("Action.Execute", a["type"]!.GetValue<string>());
            Assert.Equal(["k", "v"], a["data"]!.AsObject().Select(p => p.Key));
            Assert.Equal(["verb", "k", "v"], a["fallback"]!["data"]!.AsObject().Select(p => p.Key));
        });
        Assert.True(json.Length < 4096, $"card is {json.Length} characters");
    }

    [Fact]
    public void Build_RunningNaStepWithoutPlan_OffersSelesaiTundaRencana_AndSaysPlanMissing()
    {
        var k = Start();
        k.CurrentStepId = "A.3";
        k.Steps.Add(new StepRecord { StepId = "A.3", Status = StepStatus.Berjalan, StartedOn = new DateOnly(2026, 3, 2) });
        var step = catalog.Latest(k.SopCode)!.FindStep("A.3")!;

        var card = StepCard.Build(new OpenStep(k, step, k.CurrentStep!, new DateOnly(2026, 3, 2), null, null, Urgency.Hijau), english: true);

        Assert.Equal([Verbs.Selesai, Verbs.Tunda, Verbs.Rencana, Verbs.Riwayat], card["actions"]!.AsArray().Select(a => a!["verb"]!.GetValue<string>()));
        Assert.Contains("not set", card.ToJsonString());
    }

    [Theory]
    [InlineData("A.8", true)]
    [InlineData("A.7", false)]
    public void Build_RekapitulasiStep_OffersTheUptReportStatus(string stepId, bool offered)
    {
        var k = Start();
        k.CurrentStepId = stepId;
        k.Steps.Add(new StepRecord { StepId = stepId, Status = StepStatus.Berjalan, StartedOn = new DateOnly(2026, 3, 2) });
        var step = catalog.Latest(k.SopCode)!.FindStep(stepId)!;

        var card = StepCard.Build(new OpenStep(k, step, k.CurrentStep!, new DateOnly(2026, 3, 2), null, null, Urgency.Hijau), english: false);

        var show = card["actions"]!.AsArray().SingleOrDefault(a => a!["verb"]!.GetValue<string>() == BpomBot.Teams.Rekap.RecapStatusCard.ShowVerb);
        Assert.Equal(offered, show is not null);
        if (show is not null) Assert.Equal(("A", 2026), (show["data"]!["subProcess"]!.GetValue<string>(), show["data"]!["year"]!.GetValue<int>()));
    }

    [Fact]
    public void The_recap_steps_are_the_annual_rules_rekapitulasi_steps()
    {
        var sop = catalog.Latest("POM-04.01/CFM.01/SOP.01")!;
        var recapSteps = sop.SubProcesses.Select(s => BpomBot.Domain.Rekap.AnnualReportRules.RecapStep(s)?.Id).OfType<string>().ToList();

        Assert.Equal(["A.8", "B.8", "C.6"], recapSteps);
        Assert.All(recapSteps, id => Assert.True(BpomBot.Teams.Rekap.RecapStatusCard.IsRecapStep(id)));
    }

    private Kegiatan Start()
    {
        var result = engine.Start(new StartKegiatan("k-1", "POM-04.01/CFM.01/SOP.01", "A", WorkflowKind.PerKegiatan, "FGD Pemda", "pemerintah-daerah", "fgd", "bbpom-medan", "o-1", 2026), new Actor("o-1"), At);
        var k = result.Kegiatan!;
        k.Version = "v-1";
        return k;
    }
}
