using BpomBot.Teams.Conversation;

namespace BpomBot.Teams.Tests.Conversation;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("mulai", Command.Mulai, "")]
    [InlineData("MULAI", Command.Mulai, "")]
    [InlineData("Start", Command.Mulai, "")]
    [InlineData("mulai tahunan", Command.MulaiTahunan, "")]
    [InlineData("mulai tahunan B", Command.MulaiTahunan, "B")]
    [InlineData("tugas", Command.Tugas, "")]
    [InlineData("tugass", Command.Tugas, "")]
    [InlineData("my tasks", Command.Tugas, "")]
    [InlineData("status 2", Command.Status, "2")]
    [InlineData("lanjut", Command.Lanjut, "")]
    [InlineData("lnjt 3", Command.Lanjut, "3")]
    [InlineData("kelengkapan", Command.Kelengkapan, "")]
    [InlineData("klengkapan", Command.Kelengkapan, "")]
    [InlineData("slesai", Command.Selesai, "")]
    [InlineData("selsai", Command.Selesai, "")]
    [InlineData("done", Command.Selesai, "")]
    [InlineData("rencana 15 Maret 2026", Command.Rencana, "15 Maret 2026")]
    [InlineData("tunda", Command.Tunda, "")]
    [InlineData("lanjutkan", Command.Lanjutkan, "")]
    [InlineData("resume", Command.Lanjutkan, "")]
    [InlineData("lewati", Command.Lewati, "")]
    [InlineData("skip", Command.Lewati, "")]
    [InlineData("batal", Command.Batal, "")]
    [InlineData("Cancel", Command.Batal, "")]
    [InlineData("riwayat 1", Command.Riwayat, "1")]
    [InlineData("history", Command.Riwayat, "")]
    public void Parse_CommandSpellings_Recognised(string text, Command expected, string argument)
    {
        var parsed = CommandParser.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(expected, parsed.Command);
        Assert.Equal(argument, parsed.Argument);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bagaimana cara mendaftarkan produk pangan olahan?")]
    [InlineData("halo")]
    [InlineData("apakah BPOM buka hari Sabtu")]
    [InlineData("status izin edar produk saya")]
    [InlineData("tugas BPOM apa saja?")]
    [InlineData("mulai usaha pangan rumahan perlu izin apa")]
    [InlineData("batal registrasi produk bagaimana caranya")]
    [InlineData("selesai?")]
    public void Parse_FreeText_Null(string text) => Assert.Null(CommandParser.Parse(text));

    [Fact]
    public void Parse_EnglishWord_MarksEnglish()
    {
        Assert.True(CommandParser.Parse("tasks")!.English);
        Assert.False(CommandParser.Parse("tugas")!.English);
    }
}
