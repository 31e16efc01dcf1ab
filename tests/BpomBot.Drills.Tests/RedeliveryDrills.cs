using System.Text.Json.Nodes;
using BpomBot.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BpomBot.Drills.Tests;

/// <summary>
/// The channel delivers the same activity (same id) again: every handler must answer and act once. Figure: effects
/// beyond the first delivery (replies, tickets, contact-centre posts, audit rows) over the repeats.
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class RedeliveryDrills(DrillEnvironment env, ITestOutputHelper output) : IAsyncLifetime
{
    private BotInstance bot = null!;

    public async Task InitializeAsync() => bot = await env.StartBotAsync("bot-redelivery");

    public Task DisposeAsync() => env.KillAsync(bot);

    [Theory]
    [InlineData("halo", "halo")]
    [InlineData("faq", "Bagaimana cara mendaftarkan produk pangan olahan?")]
    [InlineData("inbox", "disposisi")]
    [InlineData("tanya-petugas", "tanya petugas apakah jamu boleh dijual daring tanpa izin edar?")]
    public async Task Redelivered_message_is_answered_once(string name, string text)
    {
        var conversation = $"drill-redeliver-{name}-{env.RunId}";
        var user = "redeliver-" + name;

        // First contact (welcome, reference capture) is not what is measured.
        await env.SayAsync(bot, conversation, user, "bantuan");
        await env.Connector.SettleAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var activity = env.Message(conversation, user, text);
        var tickets = await env.CountRowsAsync("FaqTickets");
        var before = env.Connector.Calls.Count(c => c.IsMessage);
        Assert.InRange((await env.PostAsync(bot, activity)).Status, 200, 299);
        await env.Connector.SettleAsync(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
        var once = env.Connector.Calls.Count(c => c.IsMessage) - before;
        var ticketsOnce = await env.CountRowsAsync("FaqTickets") - tickets;
        Assert.True(once > 0, $"No answer to \"{text}\" at all.\n{bot.Process.Output()}");

        var repeats = Figures.Repeats(20);
        for (var i = 0; i < repeats; i++)
        {
            await env.PostAsync(bot, activity);
        }

        await env.Connector.SettleAsync(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30));
        var extra = env.Connector.Calls.Count(c => c.IsMessage) - before - once;
        var extraTickets = await env.CountRowsAsync("FaqTickets") - tickets - ticketsOnce;
        Figures.Report(output, $"redelivery/{name}", "duplicate messages", extra, repeats);
        if (name == "tanya-petugas")
        {
            Figures.Report(output, $"redelivery/{name}", "duplicate tickets", extraTickets, repeats);
        }

        Assert.Equal(0, extra);
        Assert.Equal(0, extraTickets);
    }

    [Fact]
    public async Task Redelivered_card_click_acts_once()
    {
        // A click on a disposisi that does not exist is refused; redelivered, it must not act (or answer differently) again.
        var conversation = $"drill-redeliver-click-{env.RunId}";
        const string user = "redeliver-click";
        await env.SayAsync(bot, conversation, user, "bantuan");
        var click = env.Click(conversation, user, "disposisi.setujui", new JsonObject { ["disposisiId"] = "DRILL-NOT-THERE" });
        var audit = await env.CountRowsAsync("Audit");
        var first = await env.PostAsync(bot, click);
        Assert.InRange(first.Status, 200, 299);
        var auditOnce = await env.CountRowsAsync("Audit") - audit;

        var repeats = Figures.Repeats(20);
        var differing = 0;
        for (var i = 0; i < repeats; i++)
        {
            var again = await env.PostAsync(bot, click);
            differing += again.Status == first.Status && again.Body == first.Body ? 0 : 1;
        }

        var extraAudit = await env.CountRowsAsync("Audit") - audit - auditOnce;
        Figures.Report(output, "redelivery/refused-click", "duplicate audit rows", extraAudit, repeats);
        Figures.Report(output, "redelivery/refused-click", "answers differing from the first", differing, repeats);
        Assert.Equal(0, extraAudit);
        Assert.Equal(0, differing);
    }
}
