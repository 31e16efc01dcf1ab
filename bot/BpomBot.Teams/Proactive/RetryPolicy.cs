namespace BpomBot.Teams.Proactive;

/// <summary>Which connector answers are worth retrying, and how long to wait: Retry-After when given, else jittered exponential backoff.</summary>
public sealed class RetryPolicy(ProactiveOptions options, Random random)
{
    /// <summary>429 throttled, 412 precondition, 502/503/504 gateway trouble, and 0 for a network failure.</summary>
    public static bool IsRetryable(int statusCode) => statusCode is 0 or 412 or 429 or 502 or 503 or 504;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } requested && requested >= TimeSpan.Zero)
        {
            // Never earlier than asked; a little jitter so that many senders told the same thing do not return together.
            var jitter = TimeSpan.FromMilliseconds(random.Next(0, 250));
            return Min(requested + jitter, options.MaxDelay + jitter);
        }

        var exponential = options.BaseDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var cap = Min(exponential, options.MaxDelay);

        // "Equal jitter": half fixed, half random, so waits still grow but senders spread out.
        return (cap / 2) + (cap / 2 * random.NextDouble());
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
