using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Tests.Calendar;

public sealed class HolidaySetTests
{
    private const string Header = "date,kind,name,source\n";

    [Fact]
    public void LoadEmbedded_ShippedFile_Covers2022To2027WithDecreeCounts()
    {
        var set = HolidaySet.LoadEmbedded();
        Assert.Equal(2022, set.FirstYear);
        Assert.Equal(2027, set.LastYear);
        int Count(int year, HolidayKind kind) => set.ForYear(year).Count(h => h.Kind == kind);
        Assert.Equal((16, 4), (Count(2022, HolidayKind.Libur), Count(2022, HolidayKind.CutiBersama)));
        Assert.Equal((16, 11), (Count(2023, HolidayKind.Libur), Count(2023, HolidayKind.CutiBersama)));
        Assert.Equal((19, 10), (Count(2024, HolidayKind.Libur), Count(2024, HolidayKind.CutiBersama)));
        Assert.Equal((17, 11), (Count(2025, HolidayKind.Libur), Count(2025, HolidayKind.CutiBersama)));
        Assert.Equal((17, 8), (Count(2026, HolidayKind.Libur), Count(2026, HolidayKind.CutiBersama)));
        Assert.Equal((18, 8), (Count(2027, HolidayKind.Libur), Count(2027, HolidayKind.CutiBersama)));
    }

    [Theory]
    [InlineData("2024-02-14", HolidayKind.Libur)]
    [InlineData("2024-11-27", HolidayKind.Libur)]
    [InlineData("2025-08-18", HolidayKind.CutiBersama)]
    [InlineData("2022-07-10", HolidayKind.Libur)]
    public void LoadEmbedded_SpecialDays_ArePresent(string date, HolidayKind kind) =>
        Assert.Equal(kind, HolidaySet.LoadEmbedded().Find(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.Kind);

    [Fact]
    public void LoadEmbedded_Pre2023RevisionDates_AreAbsent()
    {
        var set = HolidaySet.LoadEmbedded();
        Assert.Null(set.Find(new DateOnly(2023, 4, 26)));
        Assert.Null(set.Find(new DateOnly(2022, 7, 9)));
    }

    [Fact]
    public void ForYear_Uncovered_Throws() =>
        Assert.Throws<CalendarNotAvailableException>(() => HolidaySet.LoadEmbedded().ForYear(2028));

    public static TheoryData<string, string, int, string> BadFiles => new()
    {
        { "duplicate date", Header + "2024-01-01,libur,A,s\n2024-05-01,libur,B,s\n2024-01-01,cuti_bersama,C,s\n", 4, "duplicate date 2024-01-01 (first on line 2)" },
        { "unknown kind", Header + "2024-01-01,libur,A,s\n2024-05-01,holiday,B,s\n", 3, "unknown kind 'holiday'" },
        { "impossible date", Header + "2024-02-31,libur,A,s\n", 2, "unparseable date '2024-02-31'" },
        { "not a date", Header + "2024-01-01,libur,A,s\n\n1 Mei 2024,libur,B,s\n", 4, "unparseable date '1 Mei 2024'" },
        { "missing column", Header + "2024-01-01,libur,A\n", 2, "expected 4 columns, found 3" },
        { "empty name", Header + "2024-01-01,libur, ,s\n", 2, "empty name" },
        { "wrong header", "tanggal,jenis,nama,sumber\n2024-01-01,libur,A,s\n", 1, "expected header" },
        { "gap in years", Header + "2024-01-01,libur,A,s\n2026-01-01,libur,B,s\n", 3, "year 2025 has no rows" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Parse_InvalidRow_FailsNamingTheLine(string label, string content, int line, string problem)
    {
        var e = Assert.Throws<DataFileException>(() => HolidaySet.Parse(new StringReader(content), "holidays.csv"));
        Assert.True(e.LineNumber == line, $"{label}: line {e.LineNumber}");
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"holidays.csv line {line}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotedNameWithComma_Accepted()
    {
        var set = HolidaySet.Parse(new StringReader(Header + "2024-01-01,libur,\"Tahun Baru, 2024\",\"SKB 1, 2\"\n"), "x.csv");
        Assert.Equal("Tahun Baru, 2024", set.Holidays.Single().Name);
    }
}
