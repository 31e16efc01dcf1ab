using BpomBot.Domain.Understanding;

namespace BpomBot.Domain.Tests.Understanding;

public sealed class KirimUlangIntentTests
{
    private static readonly IntentRecognizer Recognizer = new();

    [Theory]
    [InlineData("kirim ulang")]
    [InlineData("kirim ulang disposisinya")]
    [InlineData("tolong kirim ulang disposisi ke pimpinan")]
    [InlineData("kirimkan lagi kartunya ke kepala")]
    [InlineData("resend the disposisi")]
    [InlineData("please send the disposisi again")]
    public void Resend_phrasings_are_kirim_ulang(string text) =>
        Assert.Equal(Intent.KirimUlang, Recognizer.Understand(text).Intent);

    [Theory]
    [InlineData("disposisi", Intent.Disposisi)]
    [InlineData("laporan sudah dikirim", Intent.Selesai)]
    public void Other_messages_keep_their_intent(string text, Intent expected) =>
        Assert.Equal(expected, Recognizer.Understand(text).Intent);
}
