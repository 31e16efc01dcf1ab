namespace BpomBot.Domain.Reminders;

/// <summary>Reminder policy tunables (bound from the "Reminders" configuration section in the Host).</summary>
public sealed class ReminderSettings
{
    public const string Section = "Reminders";

    /// <summary>How often the sweep runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages a sweep claims and plans at once (storage round trips in flight).</summary>
    public int SweepConcurrency { get; set; } = 8;

    /// <summary>Overdue working days after which the officer's atasan is told (sifat Biasa).</summary>
    public int EscalateAfterWorkingDays { get; set; } = 2;

    /// <summary>Overdue reminders stop after this many working days (the atasan has long been told by then).</summary>
    public int MaxOverdueWorkingDays { get; set; } = 60;

    /// <summary>Local time of the daily digest (and of single urgent reminders).</summary>
    public TimeOnly DigestTime { get; set; } = new(8, 0);

    /// <summary>Local time of the second daily reminder for Sangat Segera items on and after H.</summary>
    public TimeOnly AfternoonTime { get; set; } = new(13, 0);

    /// <summary>Working hours in the recipient's zone: nothing is sent outside [WorkdayStart, WorkdayEnd).</summary>
    public TimeOnly WorkdayStart { get; set; } = new(7, 30);

    public TimeOnly WorkdayEnd { get; set; } = new(16, 0);

    /// <summary>
    /// How far back a sweep looks for reminders it has not handled yet. Handled reminders are removed, so a long
    /// look-back costs little; it bounds how long an outage may last before a subject's chain of reminders stalls.
    /// </summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(4);

    /// <summary>A queued notification not updated for this long is taken over by another sweep (crashed sender).</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(10);
}
