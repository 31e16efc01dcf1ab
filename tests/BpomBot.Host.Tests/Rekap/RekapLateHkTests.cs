using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Host.Tests.Rekap;

/// <summary>
/// HK terlambat agree everywhere for a step that is past its batas waktu and still running: the tab's drill-down of the
/// kegiatan, its per-unit and per-step tables, its headline, the workbook's summary and late-steps sheets, and the
/// recap itself count the HK past the batas waktu so far (not only the HK recorded on steps done late).
/// </summary>
public sealed class RekapLateHkTests : IAsyncLifetime
{
    private WebApplication bot = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        bot = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical", "--Storage:InMemory=true"]);
        await bot.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        await bot.Services.GetRequiredService<IRosterRepository>().SavePersonAsync(
            new PersonRecord("aad-kepala", null, "Kepala BBPOM Medan", "kepala.medan@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task A_running_overdue_step_counts_the_same_HK_in_the_tab_the_workbook_and_the_recap()
    {
        var today = bot.Services.GetRequiredService<OfficeClock>().Today("bbpom-medan");
        var k = new Kegiatan
        {
            Id = "k-overdue", SopCode = RekapService.SopCode, SopVersion = "04", SubProcess = "A", Kind = WorkflowKind.PerKegiatan, Title = "FGD Pemda",
            StakeholderCategory = "pemerintah-daerah", Bentuk = "fgd", UnitId = "bbpom-medan", OfficerId = "o-medan", Year = today.Year,
            CreatedAt = new DateTimeOffset(today.AddDays(-60).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), CurrentStepId = "A.3",
            Steps =
            [
                new StepRecord { StepId = "A.1", Status = StepStatus.Selesai, StartedOn = today.AddDays(-60), DueOn = today.AddDays(-50), CompletedOn = today.AddDays(-47), LateHk = 2 },
                new StepRecord { StepId = "A.2", Status = StepStatus.Selesai, StartedOn = today.AddDays(-47), DueOn = today.AddDays(-40), CompletedOn = today.AddDays(-41), LateHk = 0 },
                // Running, past its batas waktu: the step the tab used to show with 0 HK.
                new StepRecord { StepId = "A.3", Status = StepStatus.Berjalan, StartedOn = today.AddDays(-41), DueOn = today.AddDays(-30) },
            ],
        };
        await bot.Services.GetRequiredService<IKegiatanRepository>().CreateAsync(k);
        var recap = (await bot.Services.GetRequiredService<RekapService>().BuildAsync(
            new RekapViewer("aad-kepala", "bbpom-medan", [RosterRoles.KepalaUpt]), today.Year, null, "bbpom-medan")).Result!;
        var overdue = recap.StepLines.Single(l => l.Step.StepId == "A.3");
        Assert.Equal(StepTiming.LewatBatas, overdue.Timing);
        Assert.True(overdue.LateHk > 0);
        var total = 2 + overdue.LateHk;
        Assert.Equal(total, recap.LateHk);

        var tab = await GetAsync($"/rekap/tab/api/rekap?year={today.Year}&unit=bbpom-medan");
        var drill = await GetAsync("/rekap/tab/api/kegiatan/k-overdue");
        Assert.Equal(overdue.LateHk, drill.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == "A.3").GetProperty("lateHk").GetInt32());
        Assert.Equal(total, drill.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("lateHk").GetInt32()));
        Assert.Equal(total, tab.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("lateHk").GetInt32()));
        Assert.Equal(total, tab.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("lateHk").GetInt32()));
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), tab.GetProperty("headline").EnumerateArray()
            .Single(h => h.GetProperty("title").GetString() == "Total HK terlambat").GetProperty("value").GetString());

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await http.GetByteArrayAsync(tab.GetProperty("workbook").GetString())), false);
        Assert.Equal(total, Column(workbook, "Ringkasan A", "HK Terlambat").Last()); // the Jumlah row
        Assert.Equal(total, Column(workbook, "Tahap Terlambat", "HK Terlambat").Sum());
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-BpomBot-User", "aad-kepala");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The numbers under a header of a sheet, row by row.</summary>
    private static List<int> Column(SpreadsheetDocument document, string sheet, string header)
    {
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        var rows = part.Worksheet.Descendants<Row>().ToList();
        var letters = Letters(rows[0].Elements<Cell>().FirstOrDefault(c => c.InnerText == header)?.CellReference?.Value
            ?? throw new InvalidOperationException($"{sheet} has no column {header}"));
        return [.. rows.Skip(1).Select(r => int.Parse(r.Elements<Cell>().Single(c => Letters(c.CellReference!.Value!) == letters).CellValue!.Text, CultureInfo.InvariantCulture))];
    }

    private static string Letters(string reference) => new([.. reference.TakeWhile(char.IsAsciiLetter)]);
}
