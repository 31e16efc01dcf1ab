using BpomBot.Domain.Outbox;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary><c>kirim ulang</c>: the officer has the card of a waiting disposisi posted again, once per message.</summary>
public sealed class KirimUlangTurnTests
{
    private readonly OutboxWorld _o = new();

    [Theory]
    [InlineData("kirim ulang", "dikirim ulang kepada Budi Kepala")]
    [InlineData("tolong kirim ulang disposisinya", "dikirim ulang kepada Budi Kepala")]
    [InlineData("resend the disposisi", "sent again to Budi Kepala")]
    public async Task Resend_PostsTheCardAgain_InTheOfficersLanguage(string text, string expected)
    {
        var k = await _o.ReadyToSubmitAsync();
        Assert.True((await _o.SubmitAsync(k)).Succeeded);

        var turn = await _o.SayAsync(text);

        Assert.Contains(expected, Assert.Single(turn.Sent).Text);
        Assert.Equal(2, _o.CardsTo(Kepala));
        var d = (await _o.W.Disposisi.GetAsync(DisposisiIds.For(k.Id, "A.4", 0)))!;
        Assert.Equal("msg-2", d.Card!.ActivityId); // decisions update the new copy and the old one
        Assert.Contains(d.DelegateCards, c => c.ActivityId == "msg-1");
    }

    [Fact]
    public async Task SameRequestTwice_ResendsOnce_AndIsAuditedOnce()
    {
        var k = await _o.ReadyToSubmitAsync();
        Assert.True((await _o.SubmitAsync(k)).Succeeded);

        await _o.SayAsync("kirim ulang", "act-resend-1");
        var second = await _o.SayAsync("kirim ulang", "act-resend-1");

        Assert.Contains("dikirim ulang", Assert.Single(second.Sent).Text);
        Assert.Equal(2, _o.CardsTo(Kepala));
        Assert.Single(_o.W.Audit.Events, e => e.Action == "disposisi.resent");

        await _o.SayAsync("kirim ulang", "act-resend-2"); // a new request resends again
        Assert.Equal(3, _o.CardsTo(Kepala));
    }

    [Fact]
    public async Task NothingWaiting_SaysSo()
    {
        var turn = await _o.SayAsync("kirim ulang");

        Assert.Contains("Tidak ada langkah Anda yang menunggu disposisi", Assert.Single(turn.Sent).Text);
        Assert.Equal(0, _o.CardsTo(Kepala));
    }

    [Fact]
    public async Task DisposisiNotOutYet_TheRelaySendsItOnce_NotTwice()
    {
        var k = await _o.ReadyToSubmitAsync();
        _o.Connector.Failure = () => new HttpRequestException("down");
        Assert.True((await _o.SubmitAsync(k)).Succeeded);
        _o.Connector.Failure = null;
        _o.W.Time.Advance(TimeSpan.FromMinutes(1));

        var turn = await _o.SayAsync("kirim ulang");

        Assert.Contains("dikirim ulang", Assert.Single(turn.Sent).Text);
        Assert.Equal(1, _o.CardsTo(Kepala));
        Assert.Null((await _o.W.Kegiatan.GetAsync(k.Id))!.Outbox);
    }
}
