namespace BpomBot.Domain.Calendar;

/// <summary>Indonesian day and month names for display (no dependency on the machine's ICU data).</summary>
public static class IndonesianDate
{
    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string DayName(DayOfWeek day) => Days[(int)day];

    /// <summary>Month name for 1–12.</summary>
    public static string MonthName(int month) => Months[month - 1];

    /// <summary>"10 April 2024".</summary>
    public static string Format(DateOnly date) => $"{date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary>
    /// The one date style per language used in chat and on cards: "10 Agustus 2024" in Indonesian, "10 August 2024"
    /// in English.
    /// </summary>
    public static string Format(DateOnly date, bool english) =>
        english ? $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}" : Format(date);

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

    /// <summary>English of <see cref="DescribeHkDistance(int)"/>: "2 HK left", "due today" or "3 HK late".</summary>
    public static string DescribeHkDistanceEnglish(int workingDaysUntilDue) => workingDaysUntilDue switch
    {
        > 0 => $"{workingDaysUntilDue} HK left",
        0 => "due today",
        _ => $"{-workingDaysUntilDue} HK late",
    };
}
