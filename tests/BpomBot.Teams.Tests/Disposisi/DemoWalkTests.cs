using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Disposisi;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>
/// The README's demo walk on the shipped demo roster (scripts/demo/roster.csv): Alex (pelaksana at BBPOM di Bandung)
/// sends the A.4 disposisi to Megan, the Kepala of the Balai, who has never chatted with the bot. Alex is told it waits
/// in her inbox; Megan finds it there with her first message, opens it and decides it; Alex hears the decision.
/// </summary>
public sealed class DemoWalkTests
{
    private readonly DisposisiWorld _w = new();

    [Fact]
    public async Task DemoRoster_AlexToMegan_WithoutMegansChat_WaitsInHerInboxAndIsDecided()
    {
        await ImportDemoRosterAsync();
        var alex = (await _w.Directory.FindByEmailAsync("alexw@example.com"))!;
        var megan = (await _w.Directory.FindByEmailAsync("meganb@example.com"))!;
        Assert.Equal(("bbpom-bandung", "bbpom-bandung"), (alex.UnitId, megan.UnitId));
        _w.References.Add(alex); // Alex walked the kegiatan in chat; Megan has never written to the bot

        var (_, d, told) = await _w.SubmitReportAsync(alex);

        Assert.Equal(megan.AadObjectId, d.ToId);
        Assert.Null(d.Card);
        Assert.Empty(_w.Connector.SentTo(megan.AadObjectId));
        Assert.Contains("Megan Bowen", told, StringComparison.Ordinal);
        Assert.Contains("kotak disposisi", told, StringComparison.Ordinal);

        // Megan's first message: "disposisi" shows the inbox with Alex's disposisi and its Buka button.
        var inbox = Assert.Single((await _w.SayAsync(megan, "disposisi")).Sent);
        var inboxJson = Assert.Single(inbox.Attachments!).Content!.ToJsonString();
        Assert.Contains("Kotak disposisi: 1 menunggu keputusan", inboxJson, StringComparison.Ordinal);
        Assert.Contains(d.Id, inboxJson, StringComparison.Ordinal);

        var opened = Card(await _w.ClickAsync(megan, DisposisiVerbs.Buka, d.Id)).ToJsonString();
        Assert.Contains(DisposisiVerbs.Setujui, opened, StringComparison.Ordinal);
        Assert.Equal(DisposisiState.Dibaca, (await _w.Disposisi.GetAsync(d.Id))!.State);

        await _w.ClickAsync(megan, DisposisiVerbs.Setujui, d.Id, new { arahan = "setujui" });
        Assert.Equal(DisposisiState.Disetujui, (await _w.Disposisi.GetAsync(d.Id))!.State);
        var toAlex = Assert.Single(_w.Connector.SentTo(alex.AadObjectId));
        Assert.Contains("**disetujui** oleh Megan Bowen", toAlex.Text, StringComparison.Ordinal);
    }

    private async Task ImportDemoRosterAsync()
    {
        // The world's own Kepala of BBPOM di Bandung steps aside so Megan is the unit's only kepala-upt, as in the demo.
        var kepala = (await _w.Roster.GetPersonAsync(Kepala.AadObjectId))!;
        await _w.Roster.SavePersonAsync(kepala with { Roles = [RosterRoles.Pelaksana] });
        var result = await _w.Importer.ImportAsync(await File.ReadAllTextAsync(DemoRosterPath()), Admin.AadObjectId);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private static string DemoRosterPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "scripts", "demo", "roster.csv");
            if (File.Exists(path)) return path;
        }

        throw new FileNotFoundException("scripts/demo/roster.csv not found above the test output directory.");
    }
}
