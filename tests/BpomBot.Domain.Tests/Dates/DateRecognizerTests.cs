using System.Runtime.CompilerServices;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;

namespace BpomBot.Domain.Tests.Dates;

public sealed class DateRecognizerTests
{
    private static readonly DateRecognizer Recognizer = new(new WorkingDayCalendar(HolidaySet.LoadEmbedded()));

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static string Answer(string text, string reference) =>
        Recognizer.Recognize(text, D(reference)) is { } r ? r.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "none";

    public static TheoryData<string, string, string> DevRows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Path.GetDirectoryName(SourcePath())!, "dev.tsv")).Skip(1))
        {
            if (line.Split('\t') is [var expr, var reference, var expected])
            {
                rows.Add(expr, reference, expected);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(DevRows))]
    public void Recognize_DevSetRow_MatchesExpected(string text, string reference, string expected) =>
        Assert.Equal(expected, Answer(text, reference));

    // Reference 2026-07-16 is a Thursday.
    [Theory]
    // relative words and chat spellings
    [InlineData("bsk", "2026-07-17")]
    [InlineData("besok pagi jam 9 ya", "2026-07-17")]
    [InlineData("kemarin", "2026-07-15")]
    [InlineData("kemarin lusa", "2026-07-14")]
    [InlineData("tomorrow", "2026-07-17")]
    [InlineData("the day after tomorrow", "2026-07-18")]
    [InlineData("yesterday", "2026-07-15")]
    [InlineData("Today please", "2026-07-16")]
    // weekdays
    [InlineData("hari Senin", "2026-07-20")]
    [InlineData("Kamis ini", "2026-07-16")]
    [InlineData("jum'at depan", "2026-07-24")]
    [InlineData("Rabu minggu depan", "2026-07-22")]
    [InlineData("Selasa lalu", "2026-07-14")]
    [InlineData("hari minggu", "2026-07-19")]
    [InlineData("this Friday", "2026-07-17")]
    [InlineData("next Monday", "2026-07-20")]
    [InlineData("last Monday", "2026-07-13")]
    [InlineData("Wednesday", "2026-07-22")]
    [InlineData("friday next week", "2026-07-24")]
    [InlineData("next week Monday", "2026-07-20")]
    [InlineData("minggu depan hari Senin", "2026-07-20")]
    [InlineData("pekan depan Rabu", "2026-07-22")]
    [InlineData("hari minggu depan", "2026-07-26")]
    [InlineData("Jumat minggu ini", "2026-07-17")]
    [InlineData("coming Friday", "2026-07-17")]
    [InlineData("last friday", "2026-07-10")]
    // N units, digits and number words
    [InlineData("dua hari lagi", "2026-07-18")]
    [InlineData("seminggu lagi", "2026-07-23")]
    [InlineData("dalam 2 minggu", "2026-07-30")]
    [InlineData("sebulan lagi", "2026-08-16")]
    [InlineData("dua puluh satu hari lagi", "2026-08-06")]
    [InlineData("sebelas hari lagi", "2026-07-27")]
    [InlineData("3 bulan lagi", "2026-10-16")]
    [InlineData("5 hari yang lalu", "2026-07-11")]
    [InlineData("in two weeks", "2026-07-30")]
    [InlineData("in a fortnight", "2026-07-30")]
    [InlineData("after 3 days", "2026-07-19")]
    [InlineData("setelah 2 minggu", "2026-07-30")]
    [InlineData("2 minggu yang akan datang", "2026-07-30")]
    [InlineData("a week from now", "2026-07-23")]
    [InlineData("next business day", "2026-07-17")]
    [InlineData("hari kerja berikutnya", "2026-07-17")]
    [InlineData("by EOD", "2026-07-16")]
    [InlineData("empat belas hari lagi", "2026-07-30")]
    [InlineData("in a week", "2026-07-23")]
    [InlineData("3 days from now", "2026-07-19")]
    [InlineData("twenty-one days from now", "2026-08-06")]
    [InlineData("2 days ago", "2026-07-14")]
    // working days (through the HK calendar)
    [InlineData("5 hari kerja lagi", "2026-07-23")]
    [InlineData("lima HK lagi", "2026-07-23")]
    [InlineData("in 3 working days", "2026-07-21")]
    [InlineData("in 2 business days", "2026-07-20")]
    [InlineData("paling lambat 3 hari kerja", "2026-07-21")]
    [InlineData("mohon diselesaikan dalam 5 hari kerja", "2026-07-23")]
    [InlineData("selambat-lambatnya 2 hari kerja", "2026-07-20")]
    // day and month
    [InlineData("17 Agustus", "2026-08-17")]
    [InlineData("tujuh belas Agustus", "2026-08-17")]
    [InlineData("tanggal 5 Januari", "2027-01-05")]
    [InlineData("1 Juli", "2027-07-01")]
    [InlineData("16 Juli", "2026-07-16")]
    [InlineData("3 ags", "2026-08-03")]
    [InlineData("3 agu 2027", "2027-08-03")]
    [InlineData("10 okt", "2026-10-10")]
    [InlineData("5 nop 2026", "2026-11-05")]
    [InlineData("25 des", "2026-12-25")]
    [InlineData("Senin, 20 Juli 2026", "2026-07-20")]
    [InlineData("March 5", "2027-03-05")]
    [InlineData("March 5th, 2027", "2027-03-05")]
    [InlineData("5th of March", "2027-03-05")]
    [InlineData("December 1", "2026-12-01")]
    [InlineData("the first of September", "2026-09-01")]
    [InlineData("twenty-first of August", "2026-08-21")]
    [InlineData("August twenty first", "2026-08-21")]
    [InlineData("5 Januari tahun depan", "2027-01-05")]
    [InlineData("12-Aug-2026", "2026-08-12")]
    [InlineData("29 Februari", "2028-02-29")]
    // numeric
    [InlineData("31/12/2026", "2026-12-31")]
    [InlineData("05-08-2026", "2026-08-05")]
    [InlineData("5.8.2026", "2026-08-05")]
    [InlineData("5/8/26", "2026-08-05")]
    [InlineData("kirim sebelum 2026-08-01 ya", "2026-08-01")]
    [InlineData("20/8", "2026-08-20")]
    [InlineData("Tgl 5/9", "2026-09-05")]
    [InlineData("tanggal 5-9-2026", "2026-09-05")]
    [InlineData("2026-09-02T10:00", "2026-09-02")]
    [InlineData("deadline 10.08.2026", "2026-08-10")]
    // tanggal N
    [InlineData("tgl. 16", "2026-07-16")]
    [InlineData("tanggal 31", "2026-07-31")]
    [InlineData("tgl 5 bulan depan", "2026-08-05")]
    [InlineData("on the 20th", "2026-07-20")]
    [InlineData("bulan depan tanggal 20", "2026-08-20")]
    [InlineData("tanggal 25 bulan ini", "2026-07-25")]
    // period boundaries
    [InlineData("akhir bulan depan", "2026-08-31")]
    [InlineData("awal bulan", "2026-08-01")]
    [InlineData("pertengahan bulan", "2026-08-15")]
    [InlineData("akhir Agustus", "2026-08-31")]
    [InlineData("awal Desember", "2026-12-01")]
    [InlineData("awal tahun depan", "2027-01-01")]
    [InlineData("akhir tahun depan", "2027-12-31")]
    [InlineData("end of month", "2026-07-31")]
    [InlineData("end of the month", "2026-07-31")]
    [InlineData("end of next month", "2026-08-31")]
    [InlineData("beginning of next month", "2026-08-01")]
    [InlineData("end of the year", "2026-12-31")]
    [InlineData("end of February", "2027-02-28")]
    [InlineData("month-end", "2026-07-31")]
    // relative periods
    [InlineData("minggu depan", "2026-07-23")]
    [InlineData("bulan depan", "2026-08-16")]
    [InlineData("next week", "2026-07-23")]
    [InlineData("tahun depan", "2027-07-16")]
    // no date, impossible dates
    [InlineData("31 Februari", "none")]
    [InlineData("30 February 2027", "none")]
    [InlineData("2026-02-30", "none")]
    [InlineData("31/04/2026", "none")]
    [InlineData("tanggal 32", "none")]
    [InlineData("apa kabar?", "none")]
    [InlineData("saya perlu 3 hari untuk itu", "none")]
    [InlineData("minggu ini sibuk", "none")]
    [InlineData("laporan tiap minggu", "none")]
    [InlineData("selama 3 minggu", "none")]
    [InlineData("jam 10.30", "none")]
    [InlineData("sun is shining", "none")]
    [InlineData("the second week", "none")]
    [InlineData("in a second", "none")]
    [InlineData("", "none")]
    public void Recognize_LabelledExpression_ReturnsExpected(string text, string expected) =>
        Assert.Equal(expected, Answer(text, "2026-07-16"));

    [Theory]
    [InlineData("besok", "2026-12-31", "2027-01-01")]
    [InlineData("akhir bulan", "2026-02-10", "2026-02-28")]
    [InlineData("akhir bulan", "2028-02-10", "2028-02-29")]
    [InlineData("sebulan lagi", "2026-01-31", "2026-02-28")]
    [InlineData("tanggal 31", "2026-09-05", "2026-10-31")]
    [InlineData("Senin depan", "2026-07-19", "2026-07-20")]
    [InlineData("Senin depan", "2026-07-20", "2026-07-27")]
    [InlineData("1 Januari", "2026-12-31", "2027-01-01")]
    [InlineData("5 Januari tahun ini", "2026-01-02", "2026-01-05")]
    [InlineData("bulan depan tanggal 5", "2026-07-02", "2026-08-05")]
    [InlineData("2 hari kerja lagi", "2024-04-05", "2024-04-17")]
    public void Recognize_ReferenceEdges_ReturnsExpected(string text, string reference, string expected) =>
        Assert.Equal(expected, Answer(text, reference));

    [Fact]
    public void Recognize_WorkingDaysForUnit_SkipsItsOfficeClosure()
    {
        var closure = new CalendarOverride("c1", D("2026-07-17"), "bbpom-medan", OverrideKind.Add, "renovasi", "admin", DateTimeOffset.UnixEpoch);
        var recognizer = new DateRecognizer(new WorkingDayCalendar(HolidaySet.LoadEmbedded(), [closure]));
        Assert.Equal(D("2026-07-20"), recognizer.Recognize("1 hari kerja lagi", D("2026-07-16"), "bbpom-medan")?.Date);
        Assert.Equal(D("2026-07-17"), recognizer.Recognize("1 hari kerja lagi", D("2026-07-16"), "bbpom-jakarta")?.Date);
    }

    [Fact]
    public void Recognize_WorkingDaysWithoutCalendar_ReturnsNone() =>
        Assert.Null(new DateRecognizer().Recognize("5 hari kerja lagi", D("2026-07-16")));

    [Fact]
    public void Recognize_WorkingDaysInUncoveredYear_Throws() =>
        Assert.Throws<CalendarNotAvailableException>(() => Recognizer.Recognize("3 hari kerja lagi", D("2028-03-01")));

    [Fact]
    public void Recognize_Found_SaysWhatWasUnderstood()
    {
        var result = Recognizer.Recognize("tolong kirim Senin depan ya", D("2026-07-16"));
        Assert.NotNull(result);
        Assert.Equal("senin depan", result.Matched);
        Assert.Equal("Senin minggu depan → Senin, 20 Juli 2026", result.Understood);
    }

    private static string SourcePath([CallerFilePath] string path = "") => path;
}
