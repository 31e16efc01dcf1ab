using BpomBot.Teams.Proactive;

namespace BpomBot.Teams.Tests.Proactive;

public sealed class RetryPolicyTests
{
    private readonly RetryPolicy policy = new(new ProactiveOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) }, new Random(7));

    [Theory]
    [InlineData(429, true)]
    [InlineData(412, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(0, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(413, false)]
    public void IsRetryable_Status_MatchesTeamsGuidance(int status, bool expected) => Assert.Equal(expected, RetryPolicy.IsRetryable(status));

    [Fact]
    public void Delay_WithRetryAfter_NeverEarlierThanAsked()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(policy.Delay(1, TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.25));
        }
    }

    [Fact]
    public void Delay_WithoutRetryAfter_GrowsWithJitterAndCaps()
    {
        var third = Enumerable.Range(0, 200).Select(_ => policy.Delay(3, null)).ToList();
        var tenth = Enumerable.Range(0, 200).Select(_ => policy.Delay(10, null)).ToList();

        Assert.All(third, d => Assert.InRange(d, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)));
        Assert.True(third.Distinct().Count() > 100, "jitter spreads the waits");
        Assert.All(tenth, d => Assert.InRange(d, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)));
    }
}
