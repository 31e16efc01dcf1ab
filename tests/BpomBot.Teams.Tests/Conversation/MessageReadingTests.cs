using BpomBot.Domain.Understanding;
using BpomBot.Teams.Conversation;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>How a message reaches the dialog: its reading out of context, as every handler sees it.</summary>
public sealed class MessageReadingTests
{
    private static Understood Read(string text) => new MessageInput(text, Language.Indonesian).Understood;

    [Theory]
    [InlineData("mulai", Intent.Mulai, null)]
    [InlineData("MULAI", Intent.Mulai, null)]
    [InlineData("Start", Intent.Mulai, null)]
    [InlineData("mulai tahunan", Intent.MulaiTahunan, null)]
    [InlineData("tugas", Intent.Tugas, null)]
    [InlineData("tugass", Intent.Tugas, null)]
    [InlineData("my tasks", Intent.Tugas, null)]
    [InlineData("status 2", Intent.Status, 2)]
    [InlineData("lanjut", Intent.Lanjut, null)]
    [InlineData("lnjt 3", Intent.Lanjut, 3)]
    [InlineData("kelengkapan", Intent.Kelengkapan, null)]
    [InlineData("klengkapan", Intent.Kelengkapan, null)]
    [InlineData("slesai", Intent.Selesai, null)]
    [InlineData("selsai", Intent.Selesai, null)]
    [InlineData("done", Intent.Selesai, null)]
    [InlineData("rencana 15 Maret 2026", Intent.Rencana, null)]
    [InlineData("tunda", Intent.Tunda, null)]
    [InlineData("lanjutkan", Intent.Lanjutkan, null)]
    [InlineData("resume", Intent.Lanjutkan, null)]
    [InlineData("lewati", Intent.Lewati, null)]
    [InlineData("skip", Intent.Lewati, null)]
    [InlineData("batal", Intent.Batal, null)]
    [InlineData("Cancel", Intent.Batal, null)]
    [InlineData("riwayat 1", Intent.Riwayat, 1)]
    [InlineData("history", Intent.Riwayat, null)]
    public void Command_spellings_reach_the_dialog(string text, Intent expected, int? kegiatan)
    {
        var read = Read(text);

        Assert.Equal(expected, read.Intent);
        Assert.True(OfficerConversation.IsOfficerIntent(read.Intent));
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
