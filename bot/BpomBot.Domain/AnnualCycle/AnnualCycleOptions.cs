namespace BpomBot.Domain.AnnualCycle;

/// <summary>
/// When the year's national siklus tahunan opens by itself (configuration section "AnnualCycle"). On
/// <see cref="OpensOnMonth"/>/<see cref="OpensOnDay"/> of the cycle year (each unit's local date) every UPT's laporan
/// tahunan part is opened; officers may open their part earlier by asking ("mulai tahunan").
/// </summary>
public sealed class AnnualCycleOptions
{
    public const string Section = "AnnualCycle";

    /// <summary>Month the cycle opens (default 11: the laporan tahunan is written in the last two months of the year).</summary>
    public int OpensOnMonth { get; set; } = 11;

    public int OpensOnDay { get; set; } = 1;

    /// <summary>How often the worker checks for cycles to open and arahan to pass on.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The opening date of a cycle year.</summary>
    public DateOnly OpensOn(int year) => new(year, OpensOnMonth, Math.Min(OpensOnDay, DateTime.DaysInMonth(year, OpensOnMonth)));

    public void Validate()
    {
        if (OpensOnMonth is < 1 or > 12 || OpensOnDay is < 1 or > 31 || CheckInterval <= TimeSpan.Zero)
            throw new InvalidOperationException("AnnualCycle: OpensOnMonth 1–12, OpensOnDay 1–31 and a positive CheckInterval are required.");
    }
}
