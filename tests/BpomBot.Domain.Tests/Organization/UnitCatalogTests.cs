using BpomBot.Domain.Organization;

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

    [Fact]
    public void Parse_LokaWithoutCoordinator_FailsWithLine()
    {
        var pusat = new StringReader("id,name,type,parent_id,source\nkepala-bpom,Kepala,kepala,,P1\n");
        var upt = new StringReader("id,name,type,city,province,tz,coordinator_id,source\nloka-x,Loka X,LOKA,X,Y,Asia/Jakarta,,S1\n");
        var e = Assert.Throws<BpomBot.Domain.Calendar.DataFileException>(() => UnitCatalog.Parse(pusat, upt));
        Assert.Equal(2, e.LineNumber);
    }
}
