namespace BpomBot.Domain.Calendar;

/// <summary>Indonesian day and month names for display (no dependency on the machine's ICU data).</summary>
public static class IndonesianDate
{
    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string DayName(DayOfWeek day) => Days[(int)day];

    /// <summary>Month name for 1–12.</summary>
    public static string MonthName(int month) => Months[month - 1];

    /// <summary>"10 April 2024".</summary>
    public static string Format(DateOnly date) => $"{date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary>"Rabu, 10 April 2024".</summary>
    public static string FormatLong(DateOnly date) => $"{DayName(date.DayOfWeek)}, {Format(date)}";

    /// <summary>
    /// Reads a signed HK distance from today to a due date: "sisa 2 HK", "jatuh tempo hari ini" or "terlambat 3 HK".
    /// </summary>
    public static string DescribeHkDistance(int workingDaysUntilDue) => workingDaysUntilDue switch
    {
        > 0 => $"sisa {workingDaysUntilDue} HK",
        0 => "jatuh tempo hari ini",
        _ => $"terlambat {-workingDaysUntilDue} HK",
    };
}
