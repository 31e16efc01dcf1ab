using System.Globalization;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Host;
using BpomBot.Teams.Rekap;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BpomBot.EndToEnd.Tests.Rekap;

/// <summary>
/// The leader dashboard tab in Debian's Chromium (headless, Playwright's bundled driver), served by the real bot in
/// local mode (loopback, person named by ?as=): filters, charts, drill-down to a unit and a kegiatan's history. The
/// numbers on the page equal the recap's and the workbook's. Screenshots go to TestResults/e2e/rekap-tab-*.png.
/// </summary>
public sealed class RekapTabBrowserTests
{
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ];

    [Fact]
    public async Task Dashboard_shows_the_recap_within_the_scope_and_drills_down_to_a_kegiatan()
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Storage:InMemory=true"]);
        await using var _ = app;
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await SeedAsync(app.Services);
        var year = DateTime.UtcNow.Year; // the tab's default year is the office's current year; the data is put there
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "TestResults", "e2e")).FullName;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumFlags, Timeout = 60_000 });
        // An Indonesian browser: the history is written in Indonesian (an English one gets English, checked below through the API).
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 }, Locale = "id-ID" });
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync($"{baseUrl}/rekap/tab?as=aad-kepala");
        await page.Locator("body[data-loaded]").WaitForAsync();
        await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync($"Rekap Balai Besar POM di Medan dan unit di bawahnya, tahun {year}");
        var service = app.Services.GetRequiredService<RekapService>();
        var viewer = new RekapViewer("aad-kepala", "bbpom-medan", [RosterRoles.KepalaUpt]);
        var all = (await service.BuildAsync(viewer, year, null, null)).Result!;
        Assert.Equal(RekapCard.Headline(all).ToDictionary(h => h.Title, h => h.Value), await HeadlineAsync(page));
        Assert.Equal(["bbpom-medan", "loka-toba"], await page.Locator("#units tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)"));
        await Assertions.Expect(page.Locator("#charts img")).ToHaveCountAsync(2);
        // The chart is rendered on request (ScottPlot's first render is slow on a busy machine): wait until it has loaded.
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#charts img'); return !!i && i.complete && i.naturalWidth > 100; }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "rekap-tab-all.png"), FullPage = true });

        // Sub-process A: the unit rows equal the workbook's "Ringkasan A" sheet and the recap.
        await page.SelectOptionAsync("#sub", "A");
        await ReloadAsync(page, () => page.ClickAsync("button[type=submit]"));
        var subA = (await service.BuildAsync(viewer, year, "A", null)).Result!;
        Assert.Equal(RekapCard.Headline(subA).ToDictionary(h => h.Title, h => h.Value), await HeadlineAsync(page));
        using var http = new HttpClient();
        var workbookUrl = (await page.Locator("#workbook").GetAttributeAsync("href"))!;
        var workbook = await http.GetByteArrayAsync(workbookUrl);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync(workbookUrl.Replace("&s=A", "&s=B", StringComparison.Ordinal))).StatusCode);
        var sheet = Rows(workbook, "Ringkasan A");
        foreach (var unit in subA.Units)
        {
            var cells = await page.Locator($"#units tbody tr[data-unit='{unit.UnitId}'] td").AllInnerTextsAsync();
            var fromSheet = sheet.Single(r => r[0] == unit.UnitId);
            Assert.Equal([unit.Total, unit.Berjalan, unit.Selesai, unit.Dibatalkan, unit.Timing.TepatWaktu, unit.Timing.Terlambat, unit.Timing.LewatBatas],
                cells.Skip(1).Take(7).Select(c => int.Parse(c, CultureInfo.InvariantCulture)));
            Assert.Equal(cells.Skip(1).Take(7), fromSheet.Skip(5).Take(1).Concat(fromSheet.Skip(2).Take(3)).Concat(fromSheet.Skip(6).Take(3)));
            Assert.Equal(unit.Timing.OnTimePercent is { } p ? RekapCard.Percent(p) : "–", cells[8]);
            Assert.Equal(unit.Timing.OnTimePercent?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, fromSheet[10]);
        }

        // Drill down: the Loka, then its kegiatan's history.
        await ReloadAsync(page, () => page.Locator("#units tbody tr[data-unit='loka-toba'] a").ClickAsync());
        await Assertions.Expect(page.Locator("#kegiatan tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#kegiatan tbody tr[data-kegiatan='k3'] a").ClickAsync();
        await page.Locator("body[data-history='k3']").WaitForAsync();
        await Assertions.Expect(page.Locator("#steplist tbody tr")).ToHaveCountAsync(2);
        // The history in people's words (the chat's riwayat wording), not the stored action code.
        await Assertions.Expect(page.Locator("#history tbody tr[data-action='step.completed']")).ToContainTextAsync("Sari Petugas: menyelesaikan langkah A.1");
        var english = await page.EvaluateAsync<string>("async () => JSON.stringify((await (await fetch('/rekap/tab/api/kegiatan/k3?lang=en', { headers: { 'X-BpomBot-User': 'aad-kepala' } })).json()).history)");
        Assert.Contains("Sari Petugas: completed step A.1", english, StringComparison.Ordinal);
        Assert.DoesNotContain("step.completed", await page.Locator("#history").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "rekap-tab-kegiatan.png"), FullPage = true });

        // A unit outside the Kepala's scope is refused.
        await page.GotoAsync($"{baseUrl}/rekap/tab?as=aad-kepala");
        await page.Locator("body[data-loaded]").WaitForAsync();
        var refused = await page.EvaluateAsync<int>("async () => (await fetch('/rekap/tab/api/rekap?unit=bbpom-padang', { headers: { 'X-BpomBot-User': 'aad-kepala' } })).status");
        Assert.Equal(403, refused);
    }

    private static async Task ReloadAsync(IPage page, Func<Task> action)
    {
        var before = await page.Locator("body").GetAttributeAsync("data-loaded");
        await action();
        await page.WaitForFunctionAsync($"() => document.body.dataset.loaded !== '{before}'");
    }

    private static async Task<Dictionary<string, string>> HeadlineAsync(IPage page)
    {
        var titles = await page.Locator("#headline dt").AllInnerTextsAsync();
        var values = await page.Locator("#headline dd").AllInnerTextsAsync();
        return titles.Zip(values).ToDictionary(x => x.First, x => x.Second);
    }

    private static List<string[]> Rows(byte[] xlsx, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Skip(1).Select(r =>
        {
            var cells = new string[12];
            foreach (var c in r.Elements<Cell>())
            {
                var column = c.CellReference!.Value![0] - 'A';
                cells[column] = c.InnerText;
            }

            return cells.Select(x => x ?? string.Empty).ToArray();
        })];
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        var roster = services.GetRequiredService<IRosterRepository>();
        await roster.SavePersonAsync(new PersonRecord("aad-kepala", null, "Kepala BBPOM Medan", "kepala.medan@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        await roster.SavePersonAsync(new PersonRecord("officer-2", null, "Sari Petugas", "sari@pom.go.id", "loka-toba", [RosterRoles.Pelaksana]));
        var repository = services.GetRequiredService<IKegiatanRepository>();
        var year = DateTime.UtcNow.Year;
        DateOnly D(int month, int day) => new(year, month, day);
        await repository.CreateAsync(K("k1", "bbpom-medan", "A", KegiatanStatus.Selesai, Done("A.1", D(2, 2), D(2, 2)), Done("A.2", D(3, 2), D(3, 5), 3)));
        await repository.CreateAsync(K("k2", "bbpom-medan", "B", KegiatanStatus.Berjalan, Done("B.1", D(5, 4), D(5, 4)), Open("B.2", D(6, 10))));
        var k3 = K("k3", "loka-toba", "A", KegiatanStatus.Berjalan, Done("A.1", D(2, 2), D(1, 30)), Open("A.2", D(2, 20)));
        k3.History.Add(new AuditEvent("kegiatan/k3", "officer-2", null, "step.completed", new DateTimeOffset(year, 1, 30, 3, 0, 0, TimeSpan.Zero), "A.1 berjalan", "A.1 selesai"));
        await repository.CreateAsync(k3);
        await repository.CreateAsync(K("k4", "bbpom-padang", "A", KegiatanStatus.Berjalan, Done("A.1", D(2, 2), D(2, 4), 2)));
    }

    private static Kegiatan K(string id, string unit, string sub, KegiatanStatus status, params StepRecord[] steps) => new()
    {
        Id = id, SopCode = RekapService.SopCode, SopVersion = "04", SubProcess = sub, Kind = WorkflowKind.PerKegiatan, Title = $"Kegiatan {id}",
        StakeholderCategory = "pemerintah-daerah", Bentuk = "fgd", UnitId = unit, OfficerId = "officer-1", Year = steps[0].DueOn!.Value.Year,
        CreatedAt = new DateTimeOffset(steps[0].DueOn!.Value.Year, 1, 5, 2, 0, 0, TimeSpan.Zero), Status = status, CurrentStepId = steps[^1].StepId, Steps = [.. steps],
    };

    private static StepRecord Done(string stepId, DateOnly due, DateOnly completed, int lateHk = 0) =>
        new() { StepId = stepId, Status = StepStatus.Selesai, StartedOn = due.AddDays(-14), DueOn = due, CompletedOn = completed, LateHk = lateHk };

    private static StepRecord Open(string stepId, DateOnly due) => new() { StepId = stepId, Status = StepStatus.Berjalan, StartedOn = due.AddDays(-14), DueOn = due };

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BpomBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
