using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>
/// "selesai &lt;reference&gt;" at a step whose SOP allows a branch (D.3: training without certification goes to D.7): the
/// branch is still asked, then the reference given with the command is the output, in either language.
/// </summary>
public sealed class SelesaiReferenceTurnTests
{
    [Theory]
    [InlineData("selesai https://drive.pom.go.id/pelatihan-d3.pdf", "lanjut ke mana", "Langkah D.3 selesai")]
    [InlineData("done https://drive.pom.go.id/pelatihan-d3.pdf", "where next", "Step D.3 done")]
    public async Task AtABranchingStep_TheBranchIsAsked_ThenTheGivenReferenceIsTheOutput(string command, string question, string done)
    {
        using var h = new ConversationHarness();
        await h.RegisteredAsync();
        var k = await AtD3Async(h);

        var asked = await h.SayAsync(command);
        Assert.Contains(question, asked.Texts(), StringComparison.Ordinal);
        Assert.Equal(k.Version, (await h.Stores.Kegiatan.GetAsync(k.Id))!.Version); // nothing stored yet

        var turn = await h.SayAsync("2"); // without certification: on to D.7

        Assert.Contains(done, turn.Texts(), StringComparison.Ordinal);
        Assert.DoesNotContain("Output", turn.Texts(), StringComparison.Ordinal); // not asked again
        var after = (await h.Stores.Kegiatan.GetAsync(k.Id))!;
        Assert.Equal(("D.7", "https://drive.pom.go.id/pelatihan-d3.pdf"), (after.CurrentStepId, after.FindStep("D.3")!.OutputReference));
    }

    private static async Task<Kegiatan> AtD3Async(ConversationHarness h)
    {
        var engine = new KegiatanEngine(SopCatalog.LoadEmbedded(), new Domain.Calendar.WorkingDayCalendar(Domain.Calendar.HolidaySet.LoadEmbedded()));
        var actor = new Actor(h.User);
        var day = new DateOnly(2026, 3, 2);
        var k = Ok(engine.Start(new StartKegiatan("k-d", "POM-04.01/CFM.01/SOP.01", "D", WorkflowKind.PerKegiatan, "Fasilitator keamanan pangan", "pemerintah-daerah", "bimtek", "bbpom-medan", h.User, 2026), actor, ConversationHarness.Start));
        while (true)
        {
            foreach (var item in engine.MissingKelengkapan(k)) k = Ok(engine.RecordKelengkapan(k, item.Id, item.Alternatives[0], $"ref-{item.Id}", day, actor, ConversationHarness.Start));
            var step = engine.CurrentStepDefinition(k)!;
            if (step.IsNotApplicableWaktu && k.CurrentStep!.PlannedOn is null) k = Ok(engine.SetPlannedDate(k, day, actor, ConversationHarness.Start));
            if (step.Id == "D.3") break;
            k = Ok(engine.CompleteStep(k, $"out-{step.Id}", day, actor, ConversationHarness.Start));
        }

        k.Number = 1;
        await h.Stores.Kegiatan.CreateAsync(k);
        return (await h.Stores.Kegiatan.GetAsync(k.Id))!;
    }

    private static Kegiatan Ok(KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }
}
