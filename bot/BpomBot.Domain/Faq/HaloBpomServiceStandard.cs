using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Faq;

/// <summary>What a HALOBPOM ticket is about; decides its service-standard deadline.</summary>
public enum HaloBpomRequestKind
{
    /// <summary>Permintaan informasi: answered within 5 HK.</summary>
    Information,

    /// <summary>Pengaduan without field inspection: 14 HK.</summary>
    Complaint,

    /// <summary>Pengaduan that needs pemeriksaan lapangan: 60 HK.</summary>
    ComplaintWithFieldInspection,
}

/// <summary>HALOBPOM/ULPK service standard (standar pelayanan): 5 HK for information, 14 or 60 HK for complaints.</summary>
public static class HaloBpomServiceStandard
{
    public static int WorkingDays(HaloBpomRequestKind kind) => kind switch
    {
        HaloBpomRequestKind.Information => 5,
        HaloBpomRequestKind.Complaint => 14,
        HaloBpomRequestKind.ComplaintWithFieldInspection => 60,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown request kind"),
    };

    /// <summary>The ticket's due date: the N-th HK after the day it was received (that day is day 0).</summary>
    public static DateOnly DueDate(DateOnly received, HaloBpomRequestKind kind, IWorkingDayCalendar calendar, string? unitId = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(received, WorkingDays(kind), unitId);
    }
}
