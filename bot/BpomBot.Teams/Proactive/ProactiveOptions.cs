using System.ComponentModel.DataAnnotations;

namespace BpomBot.Teams.Proactive;

/// <summary>Outbound (proactive) delivery settings, bound from the "Proactive" configuration section.</summary>
public sealed class ProactiveOptions
{
    public const string Section = "Proactive";

    /// <summary>App-wide messages per second across all conversations (Teams allows 50 per app per tenant; keep headroom).</summary>
    [Range(1, 50)]
    public int AppMessagesPerSecond { get; set; } = 30;

    /// <summary>Per-conversation limits of Teams for one bot: 7 per second, 60 per 30 seconds, 1,800 per hour.</summary>
    public int PerSecond { get; set; } = 7;

    public int Per30Seconds { get; set; } = 60;

    public int PerHour { get; set; } = 1800;

    /// <summary>Attempts per message before it is dead-lettered (status failed, with the reason).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff step when the connector gave no Retry-After; doubles each attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages being worked on at once (each still waits for the rate limiter and for a send slot).</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// Connector sends in flight at once per instance. An instance that dies mid-send leaves its in-flight messages
    /// unconfirmed, and the recovery sends them again: this bounds the duplicates a crash can cause (1 by default).
    /// </summary>
    [Range(1, 64)]
    public int MaxInFlightSends { get; set; } = 1;

    /// <summary>serviceUrl for creating a conversation with someone the bot has never heard from (public cloud default).</summary>
    [Required]
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";
}
