using BpomBot.Domain.Organization;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Domain.Tests.Organization;

public sealed class OfficeClockTests
{
    private static readonly UnitCatalog Units = UnitCatalog.LoadEmbedded();

    [Theory]
    [InlineData("bbpom-jakarta", "2026-07-16T16:30:00Z", "2026-07-16")]
    [InlineData("bbpom-jakarta", "2026-07-16T17:30:00Z", "2026-07-17")]
    [InlineData("bbpom-makassar", "2026-07-16T16:30:00Z", "2026-07-17")]
    [InlineData("loka-sorong", "2026-07-16T14:59:00Z", "2026-07-16")]
    [InlineData("loka-sorong", "2026-07-16T15:00:00Z", "2026-07-17")]
    [InlineData("dit-reg-po", "2026-07-16T17:00:00Z", "2026-07-17")]
    public void Today_UtcInstant_IsDateInUnitZone(string unitId, string utc, string expected)
    {
        var clock = new OfficeClock(new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), Units);
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd"), clock.Today(unitId));
    }

    [Fact]
    public void ToUtc_LocalMorningInJayapura_IsPreviousEveningUtc()
    {
        var clock = new OfficeClock(new FakeTimeProvider(), Units);
        Assert.Equal(new DateTimeOffset(2026, 7, 16, 23, 0, 0, TimeSpan.Zero), clock.ToUtc("bbpom-jayapura", new DateOnly(2026, 7, 17), new TimeOnly(8, 0)));
    }
}
