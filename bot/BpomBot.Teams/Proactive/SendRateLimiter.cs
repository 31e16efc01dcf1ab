namespace BpomBot.Teams.Proactive;

/// <summary>
/// Sliding-window limits enforced before a send: per conversation (7/s, 60/30 s, 1,800/h) and app-wide (N/s).
/// <see cref="TryAcquire"/> either takes a slot now or says how long to wait; time comes from the injected clock.
/// </summary>
public sealed class SendRateLimiter
{
    private const string AppKey = "\u0000app";
    private readonly TimeProvider timeProvider;
    private readonly (int Limit, TimeSpan Window)[] conversationWindows;
    private readonly (int Limit, TimeSpan Window)[] appWindows;
    private readonly Dictionary<string, List<DateTimeOffset>> sends = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int acquisitions;

    public SendRateLimiter(TimeProvider timeProvider, ProactiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.timeProvider = timeProvider;
        conversationWindows = [(options.PerSecond, TimeSpan.FromSeconds(1)), (options.Per30Seconds, TimeSpan.FromSeconds(30)), (options.PerHour, TimeSpan.FromHours(1))];
        appWindows = [(options.AppMessagesPerSecond, TimeSpan.FromSeconds(1))];
    }

    /// <summary>Zero when a send to <paramref name="conversationKey"/> may go now (the slot is taken); otherwise the time to wait.</summary>
    public TimeSpan TryAcquire(string conversationKey)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            var conversation = Log(conversationKey);
            var app = Log(AppKey);
            var wait = Max(Wait(conversation, conversationWindows, now), Wait(app, appWindows, now));
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            conversation.Add(now);
            app.Add(now);
            if (++acquisitions % 4096 == 0)
            {
                Prune(now);
            }

            return TimeSpan.Zero;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Wait(List<DateTimeOffset> log, (int Limit, TimeSpan Window)[] windows, DateTimeOffset now)
    {
        var longest = windows.Max(w => w.Window);
        var stale = CountAtOrBefore(log, now - longest);
        log.RemoveRange(0, stale);
        var wait = TimeSpan.Zero;
        foreach (var (limit, window) in windows)
        {
            var inWindow = log.Count - CountAtOrBefore(log, now - window);
            if (inWindow >= limit)
            {
                // The window frees up when the send `limit` places from the end leaves it.
                wait = Max(wait, log[log.Count - limit] + window - now);
            }
        }

        return wait;
    }

    /// <summary>Entries with time ≤ <paramref name="edge"/> (the log is in time order).</summary>
    private static int CountAtOrBefore(List<DateTimeOffset> log, DateTimeOffset edge)
    {
        int lo = 0, hi = log.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (log[mid] <= edge)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private List<DateTimeOffset> Log(string key)
    {
        if (!sends.TryGetValue(key, out var log))
        {
            sends[key] = log = [];
        }

        return log;
    }

    private void Prune(DateTimeOffset now)
    {
        var idle = sends.Where(kv => kv.Value.Count == 0 || kv.Value[^1] <= now - TimeSpan.FromHours(1)).Select(kv => kv.Key).ToList();
        foreach (var key in idle)
        {
            sends.Remove(key);
        }
    }
}
