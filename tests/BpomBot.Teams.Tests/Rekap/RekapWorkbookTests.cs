using System.Diagnostics;
using BpomBot.Domain.Rekap;
using BpomBot.Teams.Rekap;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BpomBot.Teams.Tests.Rekap;

public sealed class RekapWorkbookTests
{
    [Fact]
    public void Summary_sheets_have_one_row_per_unit_and_a_total_that_match_the_recap()
    {
        var result = RekapSample.Compute();
        using var book = new XlsxReader(RekapWorkbook.ToBytes(result));

        Assert.Equal(["Ringkasan A", "Ringkasan B", "Ringkasan C", "Ringkasan D", RekapWorkbook.KegiatanSheet, RekapWorkbook.LateSheet,
            RekapWorkbook.ReportsSheet, RekapWorkbook.DisposisiSheet, RekapWorkbook.ArahanSheet], book.SheetNames);
        foreach (var sub in result.BySubProcess)
        {
            var rows = book.Rows(RekapWorkbook.SummarySheet(sub.Code));
            Assert.Equal(sub.Units.Count + 1, rows.Count);
            foreach (var (unit, row) in sub.Units.Zip(rows))
            {
                Assert.Equal(unit.UnitId, row["ID Unit"]);
                Assert.Equal((double)unit.Total, row["Jumlah Kegiatan"]);
                Assert.Equal((double)unit.Timing.TepatWaktu, row["Tahap Tepat Waktu"]);
                Assert.Equal((double)unit.Timing.LewatBatas, row["Tahap Lewat Batas Waktu"]);
                Assert.Equal(unit.Timing.OnTimePercent, row.TryGetValue("% Tepat Waktu", out var p) ? (double?)p : null);
            }

            Assert.Equal("Jumlah", rows[^1]["ID Unit"]);
            Assert.Equal((double)sub.Units.Sum(u => u.LateHk), rows[^1]["HK Terlambat"]);
        }

        var a = book.Rows("Ringkasan A");
        var medan = a.Single(r => (string)r["ID Unit"] == "bbpom-medan");
        // k1's A.1 and the annual A.7 on time, k1's A.2 three HK late.
        Assert.Equal((1.0, 2.0, 1.0, 66.7, 3.0), ((double)medan["Kegiatan Selesai"], (double)medan["Tahap Tepat Waktu"], (double)medan["Tahap Terlambat"],
            (double)medan["% Tepat Waktu"], (double)medan["HK Terlambat"]));
        Assert.Equal(3.0, a[^1]["Jumlah Kegiatan"]);
    }

    [Fact]
    public void Kegiatan_and_late_steps_carry_real_dates_and_reports_link_their_evidence()
    {
        var result = RekapSample.Compute();
        using var book = new XlsxReader(RekapWorkbook.ToBytes(result));

        var kegiatan = book.Rows(RekapWorkbook.KegiatanSheet);
        Assert.Equal(result.Kegiatan.Select(k => k.Id), kegiatan.Select(r => (string)r["ID Kegiatan"]));
        var k1 = kegiatan.Single(r => (string)r["ID Kegiatan"] == "k1");
        Assert.Equal(("A.2", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 5)), ((string)k1["Tahap 2"], (DateOnly)k1["Tahap 2 Batas Waktu"], (DateOnly)k1["Tahap 2 Selesai"]));

        var late = book.Rows(RekapWorkbook.LateSheet);
        Assert.Equal(result.LateSteps.Select(l => (l.KegiatanId, l.Step.StepId, (double)l.LateHk)),
            late.Select(r => ((string)r["ID Kegiatan"], (string)r["Tahap"], (double)r["HK Terlambat"])));
        Assert.Contains(late, r => (string)r["Keadaan"] == "Lewat batas waktu" && (string)r["ID Kegiatan"] == "k2");

        var reports = book.Rows(RekapWorkbook.ReportsSheet);
        Assert.Equal(result.AnnualReports.Count, reports.Count);
        var medan = reports.Single(r => (string)r["ID Unit"] == "bbpom-medan" && (string)r["Sub-proses"] == "A");
        Assert.Equal(("Masuk", new DateOnly(2026, 5, 29), "https://contoh.pom.go.id/laporan-medan.pdf"), ((string)medan["Status Laporan"], (DateOnly)medan["Tanggal Masuk"], (string)medan["Bukti 1"]));
        Assert.Equal("Masuk terlambat", reports.Single(r => (string)r["ID Unit"] == "bbpom-padang" && (string)r["Sub-proses"] == "A")["Status Laporan"]);
        var links = book.Part(RekapWorkbook.ReportsSheet).HyperlinkRelationships.ToList();
        Assert.Equal([new Uri("https://contoh.pom.go.id/laporan-medan.pdf")], links.Select(l => l.Uri));
    }

    [Fact]
    public void Every_sheet_has_a_frozen_header_and_an_autofilter()
    {
        using var book = new XlsxReader(RekapWorkbook.ToBytes(RekapSample.Compute("A", RekapScope.WithChildren("bbpom-medan"))));

        foreach (var name in book.SheetNames)
        {
            var sheet = book.Part(name).Worksheet;
            var pane = sheet.Descendants<Pane>().Single();
            Assert.Equal((1.0, "A2"), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.StartsWith("A1:", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value, StringComparison.Ordinal);
            Assert.All(book.Headers(name), h => Assert.False(string.IsNullOrWhiteSpace(h)));
        }
    }

    [Fact]
    public void An_empty_year_still_makes_a_valid_workbook_with_headers()
    {
        var empty = new RekapCalculator(RekapSample.Sop, RekapSample.Units, RekapSample.Calendar)
            .Compute(new RekapRequest(2027, "A", RekapScope.OneUnit("bbpom-medan")), [], RekapSample.Today);
        using var book = new XlsxReader(RekapWorkbook.ToBytes(empty));

        Assert.Empty(book.Rows(RekapWorkbook.KegiatanSheet));
        Assert.Contains("ID Kegiatan", book.Headers(RekapWorkbook.KegiatanSheet));
    }

    /// <summary>LibreOffice opens the workbook and converts a sheet to CSV; runs where soffice is installed (test.sh installs it).</summary>
    [LibreOfficeFact]
    public async Task LibreOffice_converts_the_workbook_to_csv()
    {
        var soffice = LibreOfficeFactAttribute.Soffice!;
        var dir = Directory.CreateTempSubdirectory("rekap-lo-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "rekap.xlsx");
            await File.WriteAllBytesAsync(xlsx, RekapWorkbook.ToBytes(RekapSample.Compute()));
            var start = new ProcessStartInfo(soffice, ["--headless", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "csv", "--outdir", dir.FullName, xlsx])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            var csv = await File.ReadAllTextAsync(Path.Combine(dir.FullName, "rekap.csv"));
            Assert.StartsWith("ID Unit,Nama Unit", csv, StringComparison.Ordinal);
            Assert.Contains("bbpom-medan,Balai Besar POM di Medan,0,1,0,1,2,1,0,0,66.7,3", csv, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

/// <summary>A fact that runs only where LibreOffice is installed (test.sh installs libreoffice-calc-nogui).</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public static readonly string? Soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);

    public LibreOfficeFactAttribute()
    {
        if (Soffice is null) Skip = "LibreOffice (soffice) is not installed here";
    }
}
