using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Tests.Conversation;

namespace BpomBot.Teams.Tests.Roster;

/// <summary>
/// Who may do what, at the turn level: with the executor directory registered (as the host does), an officer of a UPT
/// who reaches a Unit Kerja Pusat step is refused with a message naming who can do it, and nothing is stored.
/// </summary>
public sealed class ExecutorTurnTests
{
    [Fact]
    public async Task UptPelaksana_AtTheUnitKerjaPusatRecap_A8_IsRefused_NamingWhoCan_NothingStored()
    {
        using var h = new ConversationHarness(enforceExecutors: true);
        await h.Stores.Roster.SavePersonAsync(new PersonRecord(h.User, "29:" + h.User, "Petugas Medan", "p@pom.go.id", "bbpom-medan", [RosterRoles.Pelaksana]));
        var k = await AtA8Async(h);
        var before = (await h.Stores.Kegiatan.GetAsync(k.Id))!;
        var audited = h.Stores.Audit.Events.Count;

        await h.SayAsync("selesai"); // asks for the output first
        var turn = await h.SayAsync("https://drive.pom.go.id/rekap-a8");

        var text = turn.Texts() + turn.CardText();
        Assert.Contains("A.8", text, StringComparison.Ordinal);
        Assert.True(text.Contains("Unit Kerja Pusat", StringComparison.Ordinal), text);
        Assert.Contains("Balai Besar POM di Medan", text, StringComparison.Ordinal);
        var after = (await h.Stores.Kegiatan.GetAsync(k.Id))!;
        Assert.Equal((before.Version, "A.8"), (after.Version, after.CurrentStepId));
        Assert.Equal(audited, h.Stores.Audit.Events.Count);
    }

    [Theory]
    [InlineData("selesai", false)]
    [InlineData("done", true)]
    public async Task UptPelaksana_AtA8_IsToldWhoCan_InTheirOwnLanguage_NothingStored(string command, bool english)
    {
        using var h = new ConversationHarness(enforceExecutors: true);
        await h.Stores.Roster.SavePersonAsync(new PersonRecord(h.User, "29:" + h.User, "Petugas Medan", "p@pom.go.id", "bbpom-medan", [RosterRoles.Pelaksana]));
        var k = await AtA8Async(h);
        var before = (await h.Stores.Kegiatan.GetAsync(k.Id))!;
        var audited = h.Stores.Audit.Events.Count;

        await h.SayAsync(command);
        var turn = await h.SayAsync("https://drive.pom.go.id/rekap-a8");

        var text = turn.Texts();
        if (english)
        {
            Assert.Contains("Step A.8 is carried out by the Unit Kerja Pusat of sub-process A (every central BPOM unit)", text, StringComparison.Ordinal);
            Assert.Contains("You are registered at Balai Besar POM di Medan", text, StringComparison.Ordinal);
            Assert.DoesNotContain("dilaksanakan", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Only this step's executors", text, StringComparison.Ordinal); // the old sentence without names
        }
        else
        {
            Assert.Contains("Langkah A.8", text, StringComparison.Ordinal);
            Assert.Contains("dilaksanakan oleh Unit Kerja Pusat sub-proses A (semua unit kerja BPOM Pusat)", text, StringComparison.Ordinal);
            Assert.Contains("Anda terdaftar di Balai Besar POM di Medan", text, StringComparison.Ordinal);
        }

        var after = (await h.Stores.Kegiatan.GetAsync(k.Id))!;
        Assert.Equal((before.Version, "A.8", before.CurrentStep!.Status), (after.Version, after.CurrentStepId, after.CurrentStep!.Status));
        Assert.Equal(audited, h.Stores.Audit.Events.Count);
        Assert.Empty(h.Stores.Disposisi.Requests);
    }

    /// <summary>The unit's own copy of the annual cycle (as stored before the national cycle) walked past A.7 to A.8.</summary>
    private static async Task<Kegiatan> AtA8Async(ConversationHarness h)
    {
        var engine = new KegiatanEngine(SopCatalog.LoadEmbedded(), new Domain.Calendar.WorkingDayCalendar(Domain.Calendar.HolidaySet.LoadEmbedded()));
        var actor = new Actor(h.User); // no profile: the set-up is not what is tested
        var day = new DateOnly(2026, 3, 2);
        var k = Ok(engine.Start(new StartKegiatan("k-a", "POM-04.01/CFM.01/SOP.01", "A", WorkflowKind.SiklusTahunan, null, null, null, "bbpom-medan", h.User, 2026), actor, ConversationHarness.Start));
        while (k.CurrentStepId != "A.8")
        {
            foreach (var item in engine.MissingKelengkapan(k)) k = Ok(engine.RecordKelengkapan(k, item.Id, item.Alternatives[0], $"ref-{item.Id}", day, actor, ConversationHarness.Start));
            var step = engine.CurrentStepDefinition(k)!;
            if (step.IsNotApplicableWaktu && k.CurrentStep!.PlannedOn is null) k = Ok(engine.SetPlannedDate(k, day, actor, ConversationHarness.Start));
            k = Ok(engine.CompleteStep(k, $"out-{step.Id}", day, actor, ConversationHarness.Start));
        }

        foreach (var item in engine.MissingKelengkapan(k)) k = Ok(engine.RecordKelengkapan(k, item.Id, item.Alternatives[0], $"ref-{item.Id}", day, actor, ConversationHarness.Start));
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
