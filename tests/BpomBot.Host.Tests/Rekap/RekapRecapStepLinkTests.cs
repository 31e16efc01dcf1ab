using System.Net;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Rekap;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Host.Tests.Rekap;

/// <summary>
/// The A.8/B.8/C.6 step's workbook link (scope c=upt, the step's sub-process) through the download endpoint: the Unit
/// Kerja Pusat officer of the step gets the recap of every UPT; a Kepala UPT with the same kind of link is refused and
/// audited, and a link whose scope was added after signing does not verify.
/// </summary>
public sealed class RekapRecapStepLinkTests
{
    [Fact]
    public async Task The_steps_officer_downloads_every_UPTs_recap_and_others_are_refused_and_audited()
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical", "--Storage:InMemory=true"]);
        await using var _ = app;
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var roster = app.Services.GetRequiredService<IRosterRepository>();
        await roster.SavePersonAsync(new PersonRecord("aad-pmpu", null, "Petugas PMPU", "pmpu@pom.go.id", "dit-pmpu-po", [RosterRoles.Pelaksana]));
        await roster.SavePersonAsync(new PersonRecord("aad-kepala", null, "Kepala BBPOM Medan", "kepala.medan@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        var links = app.Services.GetRequiredService<RekapLinks>();
        var upts = app.Services.GetRequiredService<Domain.Organization.UnitCatalog>().Units.Count(u => u.IsUpt);

        using var officer = await http.GetAsync(new Uri(links.Create(RekapLink.Workbook, "aad-pmpu", 2026, "C", null, RekapLink.RecapStepScope), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, officer.StatusCode);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await officer.Content.ReadAsByteArrayAsync()), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal("Ringkasan C", sheets[0].Name!.Value);
            var reports = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets.Single(s => s.Name == RekapWorkbook.ReportsSheet).Id!);
            Assert.Equal(upts, reports.Worksheet.Descendants<Row>().Count() - 1); // every UPT's laporan tahunan of C
        }

        // Without the step's scope the same officer has no recap (the link the card used to carry).
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri(links.Create(RekapLink.Workbook, "aad-pmpu", 2026, "C", null), UriKind.Relative))).StatusCode);

        var audit = app.Services.GetRequiredService<IAuditLog>();
        var refusedBefore = (await audit.ListBySubjectAsync("rekap/semua/2026", 50)).Count(e => e.Actor == "aad-kepala");
        using var kepala = await http.GetAsync(new Uri(links.Create(RekapLink.Workbook, "aad-kepala", 2026, "C", null, RekapLink.RecapStepScope), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, kepala.StatusCode);
        Assert.Null(kepala.Content.Headers.ContentDisposition);
        Assert.Equal(refusedBefore + 1, (await audit.ListBySubjectAsync("rekap/semua/2026", 50)).Count(e => e.Actor == "aad-kepala" && e.Action == "rekap.refused"));

        // The scope is signed: added to a link of one's own scope, the link is refused as invalid.
        var own = links.Create(RekapLink.Workbook, "aad-kepala", 2026, "C", null);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri(own + "&c=" + RekapLink.RecapStepScope, UriKind.Relative))).StatusCode);
    }
}
