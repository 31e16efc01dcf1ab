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
    [Fact]
    public async Task Killed_walks_to_a_disposisi_step_end_with_their_disposisi_and_one_card()
    {
        var bot = await env.StartBotAsync("bot-stuck");
        var leader = $"stuck-lead-{env.RunId}";
        var leaderConversation = "drill-stuck-" + leader;
        var tries = Figures.Repeats(8);
        var users = new List<string>();
        var retyped = 0;
        var kills = new List<DateTimeOffset>();
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
                kills.Add(DateTimeOffset.UtcNow);
                await env.KillAsync(bot);
                var (status, _) = await post;
                bot = await env.StartBotAsync("bot-stuck", port);
                if (status is < 200 or > 299)
                {
                    await env.PostAsync(bot, answer); // never acknowledged: the channel delivers it again
                }

                if (!(await Walk.KegiatanDocsAsync(env, user)).Any(k => Walk.WaitingStep(k) is not null))
                {
                    // Not stored even by the redelivery (e.g. the redelivery's turn failed too): the officer saw no
                    // answer and sends the report again.
                    await env.SayAsync(bot, conversation, user, Walk.DisposisiAnswer);
                    retyped++;
                }
            }

            // The relay sweeps at start-up and every few seconds, leaving effects younger than its head start to their turn.
            // A run killed while holding the card's claim leaves it to the next run after the claim's lease
            // (DisposisiService.CardLease, 1 minute).
            var figures = await MeasureAsync(users, leaderConversation, kills);
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(150);
            while (figures.Stuck > 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                figures = await MeasureAsync(users, leaderConversation, kills);
            }

            await env.Connector.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
            figures = await MeasureAsync(users, leaderConversation, kills);
            Figures.Report(output, "sigkill/stuck-step", "walks that reached menunggu disposisi", figures.Waiting, tries);
            Figures.Report(output, "sigkill/stuck-step", "walks whose report the officer sent again (killed before it was stored)", retyped, tries);
            Figures.Report(output, "sigkill/stuck-step", "kegiatan menunggu disposisi without disposisi and card", figures.Stuck, figures.Waiting);
            Figures.Report(output, "sigkill/stuck-step", "disposisi whose leader got the card twice", figures.Doubled, figures.Waiting);
            Figures.Report(output, "sigkill/stuck-step", "disposisi whose card was posted again because its poster was killed while the card was in flight", figures.InFlight, figures.Waiting);
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
    /// Kegiatan waiting for their leader; of those, how many have no disposisi with a posted card; disposisi whose card
    /// reached the leader's chat more than once; and, counted apart, those whose second card is the residual case of
    /// docs/outbox.md: the first poster was killed with its card in flight (a kill fell between the two posts) and a
    /// later run took its expired claim over (the claim's attempt is above 1).
    /// </summary>
    private async Task<(int Waiting, int Stuck, int Doubled, int InFlight)> MeasureAsync(
        IEnumerable<string> users, string leaderConversation, IReadOnlyList<DateTimeOffset> kills)
    {
        int waiting = 0, stuck = 0, doubled = 0, inFlight = 0;
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
                foreach (var d in disposisi)
                {
                    var posts = cards.Where(c => c.Text.Contains((string)d["id"]!, StringComparison.Ordinal)).OrderBy(c => c.At).ToList();
                    if (posts.Count < 2) continue;
                    var takenOver = ((int?)d["cardClaim"]?["attempt"] ?? 1) > 1;
                    var killedBetween = kills.Any(t => t > posts[0].At && t < posts[1].At);
                    if (posts.Count == 2 && takenOver && killedBetween) inFlight++;
                    else doubled++;
                }
            }
        }

        return (waiting, stuck, doubled, inFlight);
    }
}
