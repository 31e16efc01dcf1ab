namespace BpomBot.Domain.Calendar;

/// <summary>Why a national date is not an HK.</summary>
public enum HolidayKind
{
    /// <summary>Libur nasional, including one-off Keppres days such as election days.</summary>
    Libur,

    /// <summary>Cuti bersama (SKB 3 Menteri).</summary>
    CutiBersama,
}

/// <summary>One row of the national holiday data.</summary>
public sealed record Holiday(DateOnly Date, HolidayKind Kind, string Name, string Source)
{
    public string KindCode => Kind == HolidayKind.Libur ? "libur" : "cuti_bersama";

    /// <summary>Indonesian label, e.g. "libur nasional" or "cuti bersama".</summary>
    public string KindLabel => Kind == HolidayKind.Libur ? "libur nasional" : "cuti bersama";
}
