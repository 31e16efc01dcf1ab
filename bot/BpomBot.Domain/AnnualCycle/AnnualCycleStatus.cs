using BpomBot.Domain.Organization;

namespace BpomBot.Domain.AnnualCycle;

/// <summary>Where a UPT's laporan tahunan stands in the year's cycle, as the Unit Kerja Pusat sees it.</summary>
public enum UptReportState
{
    /// <summary>Sent on time.</summary>
    Terkirim,

    /// <summary>Sent after its due date.</summary>
    TerkirimTerlambat,

    /// <summary>Not sent, and its due date has passed.</summary>
    Terlambat,

    /// <summary>Not sent yet (still within its time, or its part not opened).</summary>
    BelumMengirim,
}

/// <summary>One UPT's laporan tahunan: state, dates, the report's reference, and (for a Loka) the Balai Koordinator it went through.</summary>
public sealed record UptReport(Unit Unit, UptReportState State, DateOnly? DueOn, DateOnly? SubmittedOn, string? Reference, Unit? Via);

/// <summary>The national picture of one sub-process's cycle for a year: every UPT's report, and the arahan once given.</summary>
public sealed record AnnualCycleStatus(string SubProcess, int Year, IReadOnlyList<UptReport> Reports, string? Arahan)
{
    public IEnumerable<UptReport> Submitted => Reports.Where(r => r.State is UptReportState.Terkirim or UptReportState.TerkirimTerlambat);

    public IEnumerable<UptReport> Late => Reports.Where(r => r.State is UptReportState.Terlambat or UptReportState.TerkirimTerlambat);

    public IEnumerable<UptReport> Missing => Reports.Where(r => r.State is UptReportState.Terlambat or UptReportState.BelumMengirim);

    /// <summary>"Balai Besar POM di Medan (ref, 2026-11-20); Loka POM di Kabupaten Toba melalui …": the Kelengkapan of the recap.</summary>
    public string RecapReference()
    {
        var sent = Submitted.ToList();
        var lines = sent.Select(r => $"{r.Unit.Name}{(r.Via is { } via ? $" melalui {via.Name}" : string.Empty)} ({r.Reference}, {r.SubmittedOn:yyyy-MM-dd})");
        return $"Laporan tahunan UPT {Year}: {sent.Count} dari {Reports.Count} terkirim — {string.Join("; ", lines)}"
            + (sent.Count < Reports.Count ? $"; belum terkirim: {Reports.Count - sent.Count} UPT" : string.Empty);
    }
}
