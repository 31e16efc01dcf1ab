using BpomBot.Domain.Understanding;
using BpomBot.Teams.Conversation;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>How a message reaches the dialog: its reading out of context, as every handler sees it.</summary>
public sealed class MessageReadingTests
{
    private static Understood Read(string text) => new MessageInput(text, Language.Indonesian).Understood;

    [Theory]
    [InlineData("mulai", Command.Mulai, null)]
    [InlineData("MULAI", Command.Mulai, null)]
    [InlineData("Start", Command.Mulai, null)]
    [InlineData("mulai tahunan", Command.MulaiTahunan, null)]
    [InlineData("tugas", Command.Tugas, null)]
    [InlineData("tugass", Command.Tugas, null)]
    [InlineData("my tasks", Command.Tugas, null)]
    [InlineData("status 2", Command.Status, 2)]
    [InlineData("lanjut", Command.Lanjut, null)]
    [InlineData("lnjt 3", Command.Lanjut, 3)]
    [InlineData("kelengkapan", Command.Kelengkapan, null)]
    [InlineData("klengkapan", Command.Kelengkapan, null)]
    [InlineData("slesai", Command.Selesai, null)]
    [InlineData("selsai", Command.Selesai, null)]
    [InlineData("done", Command.Selesai, null)]
    [InlineData("rencana 15 Maret 2026", Command.Rencana, null)]
    [InlineData("tunda", Command.Tunda, null)]
    [InlineData("lanjutkan", Command.Lanjutkan, null)]
    [InlineData("resume", Command.Lanjutkan, null)]
    [InlineData("lewati", Command.Lewati, null)]
    [InlineData("skip", Command.Lewati, null)]
    [InlineData("batal", Command.Batal, null)]
    [InlineData("Cancel", Command.Batal, null)]
    [InlineData("riwayat 1", Command.Riwayat, 1)]
    [InlineData("history", Command.Riwayat, null)]
    public void Command_spellings_reach_the_dialog(string text, Command expected, int? kegiatan)
    {
        var read = Read(text);

        Assert.Equal(expected, OfficerConversation.ToCommand(read.Intent));
        Assert.Equal(kegiatan, read.Slots.Kegiatan);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bagaimana cara mendaftarkan produk pangan olahan?")]
    [InlineData("halo")]
    [InlineData("apakah BPOM buka hari Sabtu")]
    [InlineData("status izin edar produk saya")]
    [InlineData("mulai usaha pangan rumahan perlu izin apa")]
    [InlineData("batal registrasi produk bagaimana caranya")]
    [InlineData("disposisi")]
    [InlineData("terima kasih")]
    public void Questions_greetings_and_other_doors_do_not_reach_the_dialog(string text) =>
        Assert.False(OfficerConversation.IsOfficerIntent(Read(text).Intent), Read(text).Intent.ToString());

    [Fact]
    public void The_command_word_sets_the_language()
    {
        Assert.True(Read("tasks").English);
        Assert.False(Read("tugas").English);
        Assert.Null(Read("status").English);
    }
}
