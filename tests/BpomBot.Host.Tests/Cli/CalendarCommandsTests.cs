using System.CommandLine;
using BpomBot.Host.Cli;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Host.Tests.Cli;

/// <summary>The hk, holidays and date commands, invoked in-process with captured stdout/stderr.</summary>
public sealed class CalendarCommandsTests
{
    private static (int ExitCode, string Output, string Error) Invoke(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    [Theory]
    [InlineData("2024-04-05", "5", "2024-04-22\n")]
    [InlineData("2025-08-15", "1", "2025-08-19\n")]
    [InlineData("2026-07-18", "1", "2026-07-20\n")]
    public void Hk_ValidInput_PrintsOnlyDueDate(string date, string n, string expected)
    {
        var (exitCode, output, error) = Invoke(HkCommand.Create(), date, n);
        Assert.Equal(0, exitCode);
        Assert.Equal(expected, output);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("2026-02-31", "3", "tanggal tidak valid")]
    [InlineData("31-01-2026", "3", "tanggal tidak valid")]
    [InlineData("2028-01-03", "3", "kalender HK tahun 2028 belum tersedia")]
    [InlineData("2027-12-30", "2", "kalender HK tahun 2028 belum tersedia")]
    [InlineData("2026-07-16", "0", "n harus bilangan bulat")]
    [InlineData("2026-07-16", "-4", "n harus bilangan bulat")]
    [InlineData("2026-07-16", "abc", "n harus bilangan bulat")]
    public void Hk_BadInput_WritesStderrAndExitsTwo(string date, string n, string message)
    {
        var (exitCode, output, error) = Invoke(HkCommand.Create(), date, n);
        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hk_MissingArguments_ExitsTwo() => Assert.Equal(2, Invoke(HkCommand.Create()).ExitCode);

    [Theory]
    [InlineData("2024-04-05", "2024-04-22", "5\tsisa 5 HK\n")]
    [InlineData("2024-04-22", "2024-04-19", "-1\tterlambat 1 HK\n")]
    public void HkBetween_TwoDates_PrintsSignedCount(string a, string b, string expected)
    {
        var (exitCode, output, _) = Invoke(HkCommand.Create(), "between", a, b);
        Assert.Equal(0, exitCode);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void HkQuarter_TenthIsHoliday_PrintsPreviousWorkingDayAndReason()
    {
        var (exitCode, output, _) = Invoke(HkCommand.Create(), "quarter", "2024-03-01");
        Assert.Equal(0, exitCode);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("2024-04-05", lines[0]);
        Assert.Contains("Idul Fitri", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void HkQuarter_UncoveredYear_ExitsTwo() =>
        Assert.Equal(2, Invoke(HkCommand.Create(), "quarter", "2027-12-01").ExitCode);

    [Fact]
    public void Holidays_Year_ListsDatesKindsAndNames()
    {
        var (exitCode, output, _) = Invoke(HolidaysCommand.Create(), "2024");
        Assert.Equal(0, exitCode);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(29, lines.Length);
        Assert.Contains("2024-02-14\tRabu\tlibur\tHari Pemungutan Suara Pemilihan Umum 2024", lines);
        Assert.Contains("2024-04-08\tSenin\tcuti_bersama\tCuti Bersama Hari Raya Idul Fitri 1445 Hijriah", lines);
    }

    [Theory]
    [InlineData("2028")]
    [InlineData("dua ribu")]
    public void Holidays_BadYear_ExitsTwo(string year)
    {
        var (exitCode, output, error) = Invoke(HolidaysCommand.Create(), year);
        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("Senin depan", "2026-07-20\n")]
    [InlineData("entahlah", "none\n")]
    [InlineData("31 Februari", "none\n")]
    public void Date_TextWithRef_PrintsDateOrNone(string text, string expected)
    {
        var (exitCode, output, _) = Invoke(DateCommand.Create(), text, "--ref", "2026-07-16");
        Assert.Equal(0, exitCode);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Date_NoRef_UsesTodayInJakarta()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 16, 18, 0, 0, TimeSpan.Zero)); // 01:00 WIB on 17 Jul
        var (_, output, _) = Invoke(DateCommand.Create(timeProvider: time), "besok");
        Assert.Equal("2026-07-18\n", output);
    }

    [Fact]
    public void Date_BadRef_ExitsTwo() =>
        Assert.Equal(2, Invoke(DateCommand.Create(), "besok", "--ref", "2026-13-01").ExitCode);

    [Fact]
    public void DateBatch_Lines_OneAnswerPerLine()
    {
        var input = new StringReader("2026-07-16\tbesok\n2026-07-16\tentahlah\n2026-07-16\t10 hari kerja lagi\nbukan-tanggal\tbesok\n2027-12-30\t3 hari kerja lagi\n");
        var (exitCode, output, error) = Invoke(DateCommand.Create(input), "--batch");
        Assert.Equal("2026-07-17\nnone\n2026-07-30\nnone\nnone\n", output);
        Assert.Equal(2, exitCode);
        Assert.Contains("baris 4", error, StringComparison.Ordinal);
        Assert.Contains("baris 5: kalender HK tahun 2028 belum tersedia", error, StringComparison.Ordinal);
    }
}
