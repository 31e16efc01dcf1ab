using BpomBot.Domain.Organization;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Domain.Tests.Organization;

public sealed class UnitCatalogTests
{
    private static readonly UnitCatalog Units = UnitCatalog.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_Counts_MatchUnitNotes()
    {
        Assert.Equal(23, Units.Units.Count(u => u.Type == UnitType.Bbpom));
        Assert.Equal(30, Units.Units.Count(u => u.Type == UnitType.Bpom));
        Assert.Equal(23, Units.Units.Count(u => u.Type == UnitType.Loka));
        Assert.Equal(12, Units.Units.Count(u => !u.IsUpt));
        Assert.Equal(42, Units.Units.Count(u => u.IsUpt && u.TimeZoneId == "Asia/Jakarta"));
        Assert.Equal(25, Units.Units.Count(u => u.TimeZoneId == "Asia/Makassar"));
        Assert.Equal(9, Units.Units.Count(u => u.TimeZoneId == "Asia/Jayapura"));
    }

    [Fact]
    public void Ancestors_Loka_ReachesBalaiKoordinator()
    {
        Assert.Equal(["bbpom-jayapura"], Units.Ancestors("loka-mimika").Select(u => u.Id));
        Assert.Equal(["deputi-po", "kepala-bpom"], Units.Ancestors("dit-pmpu-po").Select(u => u.Id));
    }

    [Theory]
    [InlineData("medan", "bbpom-medan")]
    [InlineData("jakarta", "bbpom-jakarta")]
    [InlineData("kepala", "kepala-bpom")]
    [InlineData("PPSDM", "ppsdm-pom")]
    [InlineData("Balai Besar POM di Medan", "bbpom-medan")]
    [InlineData("loka toba", "loka-toba")]
    [InlineData("baubau", null)]
    [InlineData("bau bau", "bpom-bau-bau")]
    [InlineData("Timika", "loka-mimika")] // one typo away from Mimika, where the office sits
    [InlineData("mimika", "loka-mimika")]
    [InlineData("jayapra", "bbpom-jayapura")]
    [InlineData("pangan olahan registrasi", "dit-reg-po")]
    [InlineData("tanjung pinang", "loka-tanjung-pinang")]
    public void Search_Query_FirstHit(string query, string? expectedFirst) =>
        Assert.Equal(expectedFirst, Units.Search(query) is [var first, ..] ? first.Id : null);

    [Fact]
    public void Search_NoiseOnly_ReturnsNothing() => Assert.Empty(Units.Search("balai pom"));

    [Theory]
    [InlineData("bbpom-jakarta", "2026-07-16T16:30:00Z", "2026-07-16")]
    [InlineData("bbpom-jakarta", "2026-07-16T17:30:00Z", "2026-07-17")]
    [InlineData("bbpom-makassar", "2026-07-16T16:30:00Z", "2026-07-17")]
    [InlineData("loka-sorong", "2026-07-16T14:59:00Z", "2026-07-16")]
    [InlineData("loka-sorong", "2026-07-16T15:00:00Z", "2026-07-17")]
    [InlineData("dit-reg-po", "2026-07-16T17:00:00Z", "2026-07-17")]
    public void OfficeClock_Today_UsesUnitZone(string unitId, string utc, string expected)
    {
        var clock = new OfficeClock(new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), Units);
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd"), clock.Today(unitId));
    }

    [Fact]
    public void OfficeClock_ToUtc_ConvertsLocalMorning()
    {
        var clock = new OfficeClock(new FakeTimeProvider(), Units);
        Assert.Equal(new DateTimeOffset(2026, 7, 16, 23, 0, 0, TimeSpan.Zero), clock.ToUtc("bbpom-jayapura", new DateOnly(2026, 7, 17), new TimeOnly(8, 0)));
    }

    [Fact]
    public void Parse_LokaWithoutCoordinator_FailsWithLine()
    {
        var pusat = new StringReader("id,name,type,parent_id,source\nkepala-bpom,Kepala,kepala,,P1\n");
        var upt = new StringReader("id,name,type,city,province,tz,coordinator_id,source\nloka-x,Loka X,LOKA,X,Y,Asia/Jakarta,,S1\n");
        var e = Assert.Throws<BpomBot.Domain.Calendar.DataFileException>(() => UnitCatalog.Parse(pusat, upt));
        Assert.Equal(2, e.LineNumber);
    }
}
