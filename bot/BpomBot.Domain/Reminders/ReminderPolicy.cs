using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Reminders;

/// <summary>What a reminder says about its due date.</summary>
public enum ReminderKind
{
    /// <summary>N working days before H (see <see cref="ReminderOccurrence.WorkingDays"/>).</summary>
    Before,

    /// <summary>The morning (or, Sangat Segera, afternoon) of the due date.</summary>
    DueToday,

    /// <summary>Each working day after H (see <see cref="ReminderOccurrence.WorkingDays"/>).</summary>
    Overdue,

    /// <summary>To the officer's atasan once the item is overdue long enough.</summary>
    Escalation,
}

/// <summary>
/// One reminder moment, in the recipient unit's local time. <paramref name="WorkingDays"/> is N for H-N,
/// 0 on H, and the HK overdue for Overdue/Escalation. Standalone reminders are sent on their own, others go in the digest.
/// </summary>
public sealed record ReminderOccurrence(DateOnly Date, TimeOnly Time, ReminderKind Kind, int WorkingDays, bool Standalone)
{
    public DateTime LocalDateTime => Date.ToDateTime(Time);

    public bool ToAtasan => Kind == ReminderKind.Escalation;
}

/// <summary>The cadence for one sifat.</summary>
public sealed record ReminderCadence(IReadOnlyList<int> LeadWorkingDays, int EscalateAfterWorkingDays, bool Afternoon, bool Standalone);

/// <summary>
/// Pure reminder policy: H-3, H-1 and H in the morning, then each working day while overdue, with an escalation to the
/// atasan after N HK. Segera and Sangat Segera remind every working day from H-3, escalate sooner and are sent on
/// their own; Sangat Segera also reminds in the afternoon from H on. Only working days of the recipient's unit are used.
/// When H itself is not a working day (a planned date on a weekend), the last working day before it counts as H.
/// </summary>
public sealed class ReminderPolicy(IWorkingDayCalendar calendar, ReminderSettings settings)
{
    public const string Biasa = "Biasa";
    public const string Segera = "Segera";
    public const string SangatSegera = "Sangat Segera";

    public ReminderSettings Settings => settings;

    public ReminderCadence CadenceFor(string? sifat) => Normalize(sifat) switch
    {
        SangatSegera => new ReminderCadence([3, 2, 1, 0], 1, Afternoon: true, Standalone: true),
        Segera => new ReminderCadence([3, 2, 1, 0], Math.Max(1, settings.EscalateAfterWorkingDays - 1), Afternoon: false, Standalone: true),
        _ => new ReminderCadence([3, 1, 0], Math.Max(1, settings.EscalateAfterWorkingDays), Afternoon: false, Standalone: false),
    };

    /// <summary>"Biasa", "Segera" or "Sangat Segera" whatever the case and spacing; unknown values are Biasa.</summary>
    public static string Normalize(string? sifat)
    {
        var s = string.Join(' ', (sifat ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return s switch
        {
            "SANGAT SEGERA" or "SANGATSEGERA" => SangatSegera,
            "SEGERA" => Segera,
            _ => Biasa,
        };
    }

    /// <summary>Every reminder moment for the subject in time order (finite: overdue reminders stop after the configured cap).</summary>
    public IEnumerable<ReminderOccurrence> Occurrences(ReminderSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var unit = subject.UnitId;
        var cadence = CadenceFor(subject.Sifat);
        var morning = settings.DigestTime;
        var h = calendar.IsWorkingDay(subject.DueDate, unit) ? subject.DueDate : calendar.PreviousWorkingDay(subject.DueDate, unit);

        foreach (var lead in cadence.LeadWorkingDays.Where(l => l > 0).OrderDescending())
        {
            var date = h;
            for (var i = 0; i < lead; i++)
            {
                date = calendar.PreviousWorkingDay(date, unit);
            }

            yield return new ReminderOccurrence(date, morning, ReminderKind.Before, lead, cadence.Standalone);
        }

        yield return new ReminderOccurrence(h, morning, ReminderKind.DueToday, 0, cadence.Standalone);
        if (cadence.Afternoon)
        {
            yield return new ReminderOccurrence(h, settings.AfternoonTime, ReminderKind.DueToday, 0, Standalone: true);
        }

        var day = subject.DueDate;
        for (var overdue = 1; overdue <= settings.MaxOverdueWorkingDays; overdue++)
        {
            day = calendar.NextWorkingDay(day, unit);
            yield return new ReminderOccurrence(day, morning, ReminderKind.Overdue, overdue, cadence.Standalone);
            if (overdue == cadence.EscalateAfterWorkingDays)
            {
                yield return new ReminderOccurrence(day, morning, ReminderKind.Escalation, overdue, cadence.Standalone);
            }

            if (cadence.Afternoon)
            {
                yield return new ReminderOccurrence(day, settings.AfternoonTime, ReminderKind.Overdue, overdue, Standalone: true);
            }
        }
    }

    /// <summary>
    /// The reminder moments at the first local date-time strictly after <paramref name="afterLocal"/> (several when the
    /// officer's overdue reminder and the atasan's escalation fall together); empty when nothing is left.
    /// </summary>
    public IReadOnlyList<ReminderOccurrence> Next(ReminderSubject subject, DateTime afterLocal)
    {
        var result = new List<ReminderOccurrence>();
        foreach (var o in Occurrences(subject))
        {
            if (o.LocalDateTime <= afterLocal)
            {
                continue;
            }

            if (result.Count > 0 && o.LocalDateTime != result[0].LocalDateTime)
            {
                break;
            }

            result.Add(o);
        }

        return result;
    }

    /// <summary>True when a message may reach someone of this unit at this local time (working day, working hours).</summary>
    public bool IsDeliveryWindow(DateTime local, string unitId) =>
        TimeOnly.FromDateTime(local) is var t && t >= settings.WorkdayStart && t < settings.WorkdayEnd
        && calendar.IsWorkingDay(DateOnly.FromDateTime(local), unitId);
}
