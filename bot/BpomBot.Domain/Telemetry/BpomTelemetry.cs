using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BpomBot.Domain.Telemetry;

/// <summary>
/// The bot's own meter and activity source (BCL System.Diagnostics only, so any layer may record).
/// The host exports them over OTLP when an endpoint is configured; storage has its own "BpomBot.Storage" source and meter.
/// Tag values must never carry chat text or personal data: ids and fixed words only.
/// </summary>
public static class BpomTelemetry
{
    /// <summary>Name of both the meter and the activity source.</summary>
    public const string Name = "BpomBot";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Seconds from routing an activity to its handler finishing. Tags: <c>activity.type</c>, <c>outcome</c> (ok | error).</summary>
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>(
        "bpombot.turn.duration",
        unit: "s",
        description: "Time to process one incoming activity.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    /// <summary>Reminders delivered to Teams. Tag: <c>kind</c> (e.g. due, overdue, disposisi).</summary>
    public static readonly Counter<long> RemindersSent = Meter.CreateCounter<long>(
        "bpombot.reminders.sent", unit: "{reminder}", description: "Reminders delivered.");

    /// <summary>Reminder sends postponed because Teams answered 429 or the outbound limiter was full. Tag: <c>kind</c>.</summary>
    public static readonly Counter<long> RemindersThrottled = Meter.CreateCounter<long>(
        "bpombot.reminders.throttled", unit: "{reminder}", description: "Reminder sends postponed by throttling.");

    /// <summary>Reminder sends that failed for good (no conversation reference, 403, retries used up). Tags: <c>kind</c>, <c>reason</c>.</summary>
    public static readonly Counter<long> RemindersFailed = Meter.CreateCounter<long>(
        "bpombot.reminders.failed", unit: "{reminder}", description: "Reminder sends that failed.");

    /// <summary>Score (0..1) of the best FAQ match for a question. Tag: <c>answered</c> (true when above the answer threshold).</summary>
    public static readonly Histogram<double> FaqConfidence = Meter.CreateHistogram<double>(
        "bpombot.faq.confidence",
        unit: "1",
        description: "Confidence of the best FAQ match.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
}
