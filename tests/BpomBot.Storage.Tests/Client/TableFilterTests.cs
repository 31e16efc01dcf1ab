using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tests.Client;

public sealed class TableFilterTests
{
    [Fact]
    public void Format_InterpolatedValues_AreQuotedAsTypedLiterals()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var at = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.FromHours(7)).AddTicks(5);
        var userInput = "x' or RowKey ne '";

        var filter = TableFilter.Format($"PartitionKey eq {userInput} and N gt {5L} and I lt {3} and D ge {2.0} and At lt {at} and Id eq {id} and B eq {new byte[] { 1, 171 }} and F eq {true}");

        Assert.Equal(
            "PartitionKey eq 'x'' or RowKey ne ''' and N gt 5L and I lt 3 and D ge 2.0 and At lt datetime'2026-03-04T05:00:00.0000005Z' and Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and B eq X'01ab' and F eq true",
            filter);
    }

    [Fact]
    public void Builder_CombinesComparisons_WithParentheses()
    {
        var filter = TableFilter.PartitionKeyEquals("O'Brien").And(TableFilter.Property("Status").Ne("Sent").Or(TableFilter.Property("N").Le(2).Not()));

        Assert.Equal("(PartitionKey eq 'O''Brien') and ((Status ne 'Sent') or (not (N le 2)))", filter.ToString());
    }

    [Fact]
    public void Property_InvalidName_IsRejected() =>
        Assert.Throws<ArgumentException>(() => TableFilter.Property("a b"));

    [Theory]
    [InlineData("plain-id_1", "plain-id_1")]
    [InlineData("a/b\\c#d?e%f", "a%2Fb%5Cc%23d%3Fe%25f")]
    [InlineData("tab\tnew\nline", "tab%09new%0Aline")]
    public void Escape_ForbiddenKeyCharacters_AreEscapedReversibly(string raw, string escaped)
    {
        Assert.Equal(escaped, TableKeys.Escape(raw));
        Assert.Equal(raw, TableKeys.Unescape(escaped));
        TableLimits.ValidateKey(TableKeys.Escape(raw), "RowKey");
    }

    [Fact]
    public void NewestFirst_LaterInstant_SortsBefore()
    {
        var earlier = TableKeys.NewestFirst(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var later = TableKeys.NewestFirst(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 1, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
    }
}
