using BpomBot.Teams.Proactive;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Proactive;

public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 26, 1, 0, 0, TimeSpan.Zero));

    private SendRateLimiter Limiter(int appPerSecond = 50) => new(clock, new ProactiveOptions { AppMessagesPerSecond = appPerSecond });

    /// <summary>Sends as fast as the limiter allows for <paramref name="span"/>, stepping the clock by the waits it asks for.</summary>
    private int SendFor(SendRateLimiter limiter, string key, TimeSpan span)
    {
        var end = clock.GetUtcNow() + span;
        var sent = 0;
        while (clock.GetUtcNow() < end)
        {
            var wait = limiter.TryAcquire(key);
            if (wait == TimeSpan.Zero)
            {
                sent++;
            }
            else
            {
                var left = end - clock.GetUtcNow();
                clock.Advance(wait < left ? wait : left);
            }
        }

        return sent;
    }

    [Fact]
    public void TryAcquire_EighthSendInOneSecond_WaitsForFirstToLeaveWindow()
    {
        var limiter = Limiter();
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("a:1"));
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(300), limiter.TryAcquire("a:1"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("a:2"));
    }

    [Fact]
    public void TryAcquire_OneConversationFlatOut_NeverExceedsAnyWindow()
    {
        var limiter = Limiter();

        Assert.Equal(60, SendFor(limiter, "a:1", TimeSpan.FromSeconds(30)));
        Assert.Equal(1800 - 60, SendFor(limiter, "a:1", TimeSpan.FromMinutes(30)));
        Assert.InRange(limiter.TryAcquire("a:1"), TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void TryAcquire_ManyConversations_AppRateCapsTotal()
    {
        var limiter = Limiter(appPerSecond: 20);
        var sent = 0;
        var end = clock.GetUtcNow() + TimeSpan.FromSeconds(10);
        for (var i = 0; clock.GetUtcNow() < end; i++)
        {
            var wait = limiter.TryAcquire("a:" + (i % 500));
            if (wait == TimeSpan.Zero)
            {
                sent++;
            }
            else
            {
                clock.Advance(wait);
            }
        }

        Assert.InRange(sent, 200, 220);
    }
}
