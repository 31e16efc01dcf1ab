using BpomBot.Domain.Rekap;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Rekap;

/// <summary>
/// The recap as an Excel workbook: a summary sheet per sub-process (one row per unit and a total row), the kegiatan
/// (one row each with every step's dates), the late steps, the UPT annual reports with links to their evidence,
/// pending disposisi and arahan. Column names are Indonesian; the sheet and column names are what tests read.
/// </summary>
public static class RekapWorkbook
{
    public const string KegiatanSheet = "Kegiatan";
    public const string LateSheet = "Tahap Terlambat";
    public const string ReportsSheet = "Laporan Tahunan UPT";
    public const string DisposisiSheet = "Disposisi Tertunda";
    public const string ArahanSheet = "Arahan";

    public static string SummarySheet(string subProcess) => $"Ringkasan {subProcess}";

    /// <summary>The file name offered to the user, e.g. rekap-2026-A-bbpom-medan.xlsx.</summary>
    public static string FileName(RekapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Request;
        return $"rekap-{r.Year}{(r.SubProcess is null ? string.Empty : "-" + r.SubProcess)}-{r.Scope.UnitId ?? "bpom"}.xlsx";
    }

    public static void Write(RekapResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sheets = result.BySubProcess.Select(Summary).ToList();
        sheets.Add(Kegiatan(result));
        sheets.Add(Late(result));
        sheets.Add(Reports(result));
        sheets.Add(Disposisi(result));
        sheets.Add(Arahan(result));
        XlsxSheetWriter.Write(output, sheets);
    }

    public static byte[] ToBytes(RekapResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return stream.ToArray();
    }

    private static readonly XlsxColumn[] SummaryColumns =
    [
        new("ID Unit", XlsxKind.Text, 22), new("Nama Unit", XlsxKind.Text, 40),
        new("Kegiatan Berjalan", XlsxKind.Number), new("Kegiatan Selesai", XlsxKind.Number), new("Kegiatan Dibatalkan", XlsxKind.Number), new("Jumlah Kegiatan", XlsxKind.Number),
        new("Tahap Tepat Waktu", XlsxKind.Number), new("Tahap Terlambat", XlsxKind.Number), new("Tahap Lewat Batas Waktu", XlsxKind.Number), new("Tahap Berjalan", XlsxKind.Number),
        new("% Tepat Waktu", XlsxKind.Percent), new("HK Terlambat", XlsxKind.Number),
    ];

    private static XlsxSheet Summary(SubProcessRekap sub)
    {
        var rows = sub.Units.Select(u => Line(u.UnitId, u.UnitName, u.Berjalan, u.Selesai, u.Dibatalkan, u.Total, u.Timing, u.LateHk)).ToList();
        var total = Line("Jumlah", sub.Name, sub.Units.Sum(u => u.Berjalan), sub.Units.Sum(u => u.Selesai), sub.Units.Sum(u => u.Dibatalkan),
            sub.Units.Sum(u => u.Total), sub.Timing, sub.Units.Sum(u => u.LateHk));
        return new XlsxSheet(SummarySheet(sub.Code), SummaryColumns, rows, total);
    }

    private static object?[] Line(string id, string name, int berjalan, int selesai, int batal, int total, TimingCounts t, int lateHk) =>
        [id, name, berjalan, selesai, batal, total, t.TepatWaktu, t.Terlambat, t.LewatBatas, t.Berjalan, t.OnTimePercent, lateHk];

    private static XlsxSheet Kegiatan(RekapResult result)
    {
        var maxSteps = result.Kegiatan.Select(k => k.Steps.Count).DefaultIfEmpty(0).Max();
        var columns = new List<XlsxColumn>
        {
            new("ID Kegiatan", XlsxKind.Text, 24), new("Sub-proses", XlsxKind.Text, 10), new("Jenis", XlsxKind.Text, 14), new("Judul", XlsxKind.Text, 36),
            new("ID Unit", XlsxKind.Text, 22), new("Petugas", XlsxKind.Text, 20), new("Kategori Pemangku Kepentingan", XlsxKind.Text, 24),
            new("Bentuk", XlsxKind.Text, 16), new("Status", XlsxKind.Text, 12), new("Tahap Saat Ini", XlsxKind.Text, 12), new("Dibuat", XlsxKind.Date, 12),
        };
        for (var i = 1; i <= maxSteps; i++)
        {
            columns.AddRange([
                new($"Tahap {i}", XlsxKind.Text, 9), new($"Tahap {i} Mulai", XlsxKind.Date, 12), new($"Tahap {i} Batas Waktu", XlsxKind.Date, 12),
                new($"Tahap {i} Selesai", XlsxKind.Date, 12), new($"Tahap {i} Status", XlsxKind.Text, 16),
            ]);
        }

        var rows = result.Kegiatan.Select(k =>
        {
            var row = new List<object?>
            {
                k.Id, k.SubProcess, k.Kind == Domain.Sop.WorkflowKind.PerKegiatan ? "Per kegiatan" : "Siklus tahunan", k.Title, k.UnitId, k.OfficerId,
                k.StakeholderCategory, k.Bentuk, k.Status.ToString(), k.CurrentStepId, DateOnly.FromDateTime(k.CreatedAt.UtcDateTime),
            };
            foreach (var s in k.Steps)
            {
                row.AddRange([s.StepId, s.StartedOn, s.DueOn, s.CompletedOn, StepStatusText(s.Status)]);
            }

            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new XlsxSheet(KegiatanSheet, columns, rows);
    }

    private static XlsxSheet Late(RekapResult result)
    {
        var aktivitas = result.Steps.ToDictionary(s => s.StepId, s => s.Aktivitas);
        XlsxColumn[] columns =
        [
            new("ID Kegiatan", XlsxKind.Text, 24), new("Judul", XlsxKind.Text, 36), new("ID Unit", XlsxKind.Text, 22), new("Petugas", XlsxKind.Text, 20),
            new("Tahap", XlsxKind.Text, 9), new("Aktivitas", XlsxKind.Text, 40), new("Batas Waktu", XlsxKind.Date, 12), new("Selesai", XlsxKind.Date, 12),
            new("Keadaan", XlsxKind.Text, 18), new("HK Terlambat", XlsxKind.Number, 12),
        ];
        var rows = result.LateSteps.Select(l => (IReadOnlyList<object?>)[
            l.KegiatanId, l.KegiatanTitle, l.UnitId, l.OfficerId, l.Step.StepId, aktivitas.GetValueOrDefault(l.Step.StepId),
            l.Step.DueOn, l.Step.CompletedOn, TimingText(l.Timing), l.LateHk]).ToList();
        return new XlsxSheet(LateSheet, columns, rows);
    }

    private static XlsxSheet Reports(RekapResult result)
    {
        var maxEvidence = Math.Max(1, result.AnnualReports.Select(r => r.Evidence.Count).DefaultIfEmpty(0).Max());
        var columns = new List<XlsxColumn>
        {
            new("Sub-proses", XlsxKind.Text, 10), new("Tahap", XlsxKind.Text, 9), new("ID Unit", XlsxKind.Text, 22), new("Nama UPT", XlsxKind.Text, 40),
            new("Status Laporan", XlsxKind.Text, 18), new("Batas Waktu", XlsxKind.Date, 12), new("Tanggal Masuk", XlsxKind.Date, 12),
        };
        columns.AddRange(Enumerable.Range(1, maxEvidence).Select(i => new XlsxColumn($"Bukti {i}", XlsxKind.Link, 40)));
        var rows = result.AnnualReports.Select(r => (IReadOnlyList<object?>)[
            r.SubProcess, r.StepId, r.UnitId, r.UnitName, ReportText(r.State), r.DueOn, r.SentOn, .. r.Evidence]).ToList();
        return new XlsxSheet(ReportsSheet, columns, rows);
    }

    private static XlsxSheet Disposisi(RekapResult result)
    {
        XlsxColumn[] columns =
        [
            new("ID Kegiatan", XlsxKind.Text, 24), new("Judul", XlsxKind.Text, 36), new("ID Unit", XlsxKind.Text, 22), new("Tahap", XlsxKind.Text, 9),
            new("Diajukan", XlsxKind.Date, 12), new("Umur (HK)", XlsxKind.Number, 10),
        ];
        return new XlsxSheet(DisposisiSheet, columns, [.. result.PendingDisposisi.Select(p => (IReadOnlyList<object?>)[
            p.KegiatanId, p.KegiatanTitle, p.UnitId, p.StepId, p.SubmittedOn, p.AgeHk])]);
    }

    private static XlsxSheet Arahan(RekapResult result)
    {
        XlsxColumn[] columns =
        [
            new("Sub-proses", XlsxKind.Text, 10), new("Tahap", XlsxKind.Text, 9), new("ID Unit", XlsxKind.Text, 22), new("Tanggal", XlsxKind.Date, 12),
            new("Output", XlsxKind.Link, 40), new("Bukti", XlsxKind.Link, 40),
        ];
        return new XlsxSheet(ArahanSheet, columns, [.. result.Arahan.Select(a => (IReadOnlyList<object?>)[
            a.SubProcess, a.StepId, a.UnitId, a.GivenOn, a.Output, a.Evidence.Count > 0 ? a.Evidence[0] : null])]);
    }

    public static string TimingText(StepTiming timing) => timing switch
    {
        StepTiming.TepatWaktu => "Tepat waktu",
        StepTiming.Terlambat => "Selesai terlambat",
        StepTiming.LewatBatas => "Lewat batas waktu",
        StepTiming.Berjalan => "Berjalan",
        _ => "Tidak dihitung",
    };

    public static string ReportText(AnnualReportState state) => state switch
    {
        AnnualReportState.Masuk => "Masuk",
        AnnualReportState.MasukTerlambat => "Masuk terlambat",
        AnnualReportState.Terlambat => "Belum masuk, lewat batas",
        _ => "Belum masuk",
    };

    private static string StepStatusText(StepStatus status) => status switch
    {
        StepStatus.MenungguKelengkapan => "Menunggu kelengkapan",
        StepStatus.MenungguDisposisi => "Menunggu disposisi",
        _ => status.ToString(),
    };
}
