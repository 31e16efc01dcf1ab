using BpomBot.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BpomBot.Drills.Tests;

/// <summary>
/// An instance killed while a step goes to its leader: the step must still end up with its disposisi and card (the
/// outbox relay finishes what the turn could not, docs/outbox.md), and the leader must get that card once.
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class StuckStepDrills(DrillEnvironment env, ITestOutputHelper output)
{
    [Fact(Skip = "Open (issue 18): in the full run of the merged main, 2 of 8 killed walks gave the leader the disposisi card twice (none were left without one). The card is posted before its location is stored; see docs/outbox.md")]
    public async Task Killed_walks_to_a_disposisi_step_end_with_their_disposisi_and_one_card()
    {
        var bot = await env.StartBotAsync("bot-stuck");
        var leader = $"stuck-lead-{env.RunId}";
        var leaderConversation = "drill-stuck-" + leader;
        var tries = Figures.Repeats(8);
        var users = new List<string>();
        var retyped = 0;
        try
        {
            // The head of BBPOM di Medan registers as pimpinan (and so can receive cards): the leader of every A.4 here.
            await Walk.ToRoleQuestionAsync(env, bot, leaderConversation, leader);
            await env.SayAsync(bot, leaderConversation, leader, "2");

            for (var i = 0; i < tries; i++)
            {
                var user = $"stuck-{env.RunId}-{i}";
                var conversation = "drill-stuck-" + user;
                users.Add(user);
                await Walk.ToDisposisiAnswerAsync(env, bot, conversation, user);
                var answer = env.Message(conversation, user, Walk.DisposisiAnswer);
                var post = env.PostAsync(bot, answer);
                await Task.Delay(Random.Shared.Next(0, 250));
                var port = bot.Port;
                await env.KillAsync(bot);
                var (status, _) = await post;
                bot = await env.StartBotAsync("bot-stuck", port);
                if (status is < 200 or > 299)
                {
                    await env.PostAsync(bot, answer); // never acknowledged: the channel delivers it again
                }

                if (!(await Walk.KegiatanDocsAsync(env, user)).Any(k => Walk.WaitingStep(k) is not null))
                {
                    // Killed before the step was stored (the redelivery meets the dead turn's claim): the officer saw no
                    // answer and sends the report again.
                    await env.SayAsync(bot, conversation, user, Walk.DisposisiAnswer);
                    retyped++;
                }
            }

            // The relay sweeps at start-up and every few seconds, leaving effects younger than its head start to their turn.
            var figures = await MeasureAsync(users, leaderConversation);
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (figures.Stuck > 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                figures = await MeasureAsync(users, leaderConversation);
            }

            await env.Connector.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
            figures = await MeasureAsync(users, leaderConversation);
            Figures.Report(output, "sigkill/stuck-step", "walks that reached menunggu disposisi", figures.Waiting, tries);
            Figures.Report(output, "sigkill/stuck-step", "walks whose report the officer sent again (killed before it was stored)", retyped, tries);
            Figures.Report(output, "sigkill/stuck-step", "kegiatan menunggu disposisi without disposisi and card", figures.Stuck, figures.Waiting);
            Figures.Report(output, "sigkill/stuck-step", "disposisi whose leader got the card twice", figures.Doubled, figures.Waiting);
            Assert.Equal(tries, figures.Waiting);
            Assert.Equal(0, figures.Stuck);
            Assert.Equal(0, figures.Doubled);
        }
        finally
        {
            await env.KillAsync(bot);
        }
    }

    /// <summary>
    /// Kegiatan waiting for their leader; of those, how many have no disposisi with a posted card; and disposisi whose
    /// card reached the leader's chat more than once.
    /// </summary>
    private async Task<(int Waiting, int Stuck, int Doubled)> MeasureAsync(IEnumerable<string> users, string leaderConversation)
    {
        int waiting = 0, stuck = 0, doubled = 0;
        var cards = env.Connector.CallsTo(leaderConversation).Where(c => c.Method == "POST").ToList();
        foreach (var user in users)
        {
            foreach (var k in await Walk.KegiatanDocsAsync(env, user))
            {
                if (Walk.WaitingStep(k) is not { } at) continue;
                waiting++;
                var id = (string)k["id"]!;
                var disposisi = (await env.RowsAsync("Disposisi", $"KegiatanId eq '{id}'")).Select(Walk.Document)
                    .Where(d => (string?)d["stepId"] == at.Step && ((int?)d["round"] ?? 0) == at.Round).ToList();
                if (!disposisi.Any(d => d["card"] is not null)) stuck++;
                doubled += disposisi.Count(d => cards.Count(c => c.Text.Contains((string)d["id"]!, StringComparison.Ordinal)) > 1);
            }
        }

        return (waiting, stuck, doubled);
    }
}
