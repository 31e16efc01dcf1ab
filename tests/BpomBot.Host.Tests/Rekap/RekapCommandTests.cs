using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Host.Cli;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Host.Tests.Rekap;

public sealed class RekapCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("rekap-cli-");

    [Fact]
    public async Task Writes_the_workbook_for_the_year_sub_process_and_unit_asked()
    {
        var repository = new InMemoryKegiatanRepository();
        await repository.CreateAsync(Kegiatan("k1", "bbpom-medan", "A"));
        await repository.CreateAsync(Kegiatan("k2", "loka-toba", "A"));
        await repository.CreateAsync(Kegiatan("k3", "bbpom-medan", "B"));
        await repository.CreateAsync(Kegiatan("k4", "bbpom-padang", "A"));
        var target = new FileInfo(Path.Combine(dir.FullName, "out.xlsx"));
        var stdout = new StringWriter();

        var exit = await RekapCommand.RunAsync(Service(repository), 2026, "A", "bbpom-medan", target, stdout, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("Kegiatan: 2;", stdout.ToString(), StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(target.FullName, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal("Ringkasan A", sheets[0].Name!.Value);
        var kegiatan = (WorksheetPart)document.WorkbookPart.GetPartById(sheets.Single(s => s.Name == "Kegiatan").Id!);
        var ids = kegiatan.Worksheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().First().InnerText).Order();
        Assert.Equal(["k1", "k2"], ids);
        Assert.Equal(["out.xlsx"], dir.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public async Task Storage_down_leaves_no_file_and_says_try_again()
    {
        var target = new FileInfo(Path.Combine(dir.FullName, "out.xlsx"));
        var stderr = new StringWriter();

        var exit = await RekapCommand.RunAsync(Service(new DownRepository()), 2026, null, null, target, new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("coba lagi sebentar", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(dir.GetFiles());
    }

    [Fact]
    public async Task An_unknown_unit_is_bad_input()
    {
        var stderr = new StringWriter();
        var exit = await RekapCommand.RunAsync(Service(new InMemoryKegiatanRepository()), 2026, null, "bbpom-atlantis",
            new FileInfo(Path.Combine(dir.FullName, "out.xlsx")), new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("bbpom-atlantis", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(dir.GetFiles());
    }

    public void Dispose() => dir.Delete(recursive: true);

    private static RekapService Service(IKegiatanRepository repository)
    {
        var units = UnitCatalog.LoadEmbedded();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 3, 0, 0, TimeSpan.Zero));
        return new RekapService(repository, SopCatalog.LoadEmbedded(), units, new WorkingDayCalendar(HolidaySet.LoadEmbedded()), new OfficeClock(time, units), time, new NoAudit());
    }

    private static Kegiatan Kegiatan(string id, string unit, string sub) => new()
    {
        Id = id, SopCode = RekapService.SopCode, SopVersion = "04", SubProcess = sub, Kind = WorkflowKind.PerKegiatan, Title = id,
        StakeholderCategory = "pemerintah-daerah", Bentuk = "fgd", UnitId = unit, OfficerId = "o", Year = 2026, CreatedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
    };

    private sealed class NoAudit : IAuditLog
    {
        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditEvent>>([]);

        public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditEvent>>([]);
    }

    private sealed class DownRepository : IKegiatanRepository
    {
        public Task<Kegiatan?> GetAsync(string id, CancellationToken cancellationToken = default) => throw Down();

        public Task<string> CreateAsync(Kegiatan kegiatan, CancellationToken cancellationToken = default) => throw Down();

        public Task<string> UpdateAsync(Kegiatan kegiatan, string expectedVersion, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<Kegiatan>> ListByOfficerAsync(string officerId, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<Kegiatan>> ListByUnitYearAsync(string unitId, int year, CancellationToken cancellationToken = default) => throw Down();

        private static StorageUnavailableException Down() => new("table service unreachable");
    }
}
