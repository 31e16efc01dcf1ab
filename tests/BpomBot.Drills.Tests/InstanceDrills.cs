using BpomBot.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BpomBot.Drills.Tests;

/// <summary>
/// Two instances behind one address, and instances that die: the same activity handled by both must act once; an
/// answer retyped after a crash must find what the first attempt made; a message acknowledged with 200 must be answered.
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class InstanceDrills(DrillEnvironment env, ITestOutputHelper output)
{
    [Fact]
    public async Task Same_activity_on_two_instances_creates_one_kegiatan()
    {
        var a = await env.StartBotAsync("bot-a");
        var b = await env.StartBotAsync("bot-b");
        try
        {
            var tries = Figures.Repeats(10);
            var doubled = 0;
            for (var i = 0; i < tries; i++)
            {
                var user = $"two-{env.RunId}-{i}";
                var conversation = "drill-two-" + user;
                await Walk.ToRoleQuestionAsync(env, i % 2 == 0 ? a : b, conversation, user);
                var last = env.Message(conversation, user, Walk.LastAnswer);
                await Task.WhenAll(env.PostAsync(a, last), env.PostAsync(b, last));
                await env.Connector.SettleAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
                doubled += await Walk.KegiatanOfAsync(env, user) > 1 ? 1 : 0;
            }

            Figures.Report(output, "two-instances/same-activity", "walks with two kegiatan", doubled, tries);
            Assert.Equal(0, doubled);
        }
        finally
        {
            await env.KillAsync(a);
            await env.KillAsync(b);
        }
    }

    // A retyped answer is a new activity, so the turn ledger cannot recognise it: OfficerWorkflow.StartAsync derives the
    // kegiatan id from the officer, the day and the answers, so the retyped start finds the kegiatan it already made.
    [Fact]
    public async Task Retyped_answer_after_sigkill_creates_one_kegiatan()
    {
        var bot = await env.StartBotAsync("bot-retype");
        var tries = Figures.Repeats(10);
        var doubled = 0;
        var missing = 0;
        try
        {
            for (var i = 0; i < tries; i++)
            {
                var user = $"retype-{env.RunId}-{i}";
                var conversation = "drill-retype-" + user;
                await Walk.ToRoleQuestionAsync(env, bot, conversation, user);
                var post = env.PostAsync(bot, env.Message(conversation, user, Walk.LastAnswer));
                await Task.Delay(Random.Shared.Next(0, 150));
                var port = bot.Port;
                await env.KillAsync(bot);
                await post;
                bot = await env.StartBotAsync("bot-retype", port);

                // The officer saw no answer and types the last answer again.
                await env.SayAsync(bot, conversation, user, Walk.LastAnswer);
                await env.Connector.SettleAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
                var count = await Walk.KegiatanOfAsync(env, user);
                doubled += count > 1 ? 1 : 0;
                missing += count == 0 ? 1 : 0;
            }

            Figures.Report(output, "sigkill/retyped-last-answer", "walks with two kegiatan", doubled, tries);
            Figures.Report(output, "sigkill/retyped-last-answer", "walks with no kegiatan", missing, tries);
            Assert.Equal(0, doubled);
            Assert.Equal(0, missing);
        }
        finally
        {
            await env.KillAsync(bot);
        }
    }

    [Fact]
    public async Task Message_acknowledged_with_200_is_answered_even_when_the_instance_dies()
    {
        var bot = await env.StartBotAsync("bot-ack");
        var tries = Figures.Repeats(8);
        var acknowledged = 0;
        var lost = 0;
        try
        {
            for (var i = 0; i < tries; i++)
            {
                var user = $"ack-{env.RunId}-{i}";
                var conversation = "drill-ack-" + user;
                var message = env.Message(conversation, user, "Bagaimana cara mendaftarkan produk pangan olahan?");
                var id = message["id"]!.GetValue<string>();
                var (status, _) = await env.PostAsync(bot, message);
                var port = bot.Port;
                await env.KillAsync(bot);
                bot = await env.StartBotAsync("bot-ack", port);
                if (status is < 200 or > 299)
                {
                    continue;
                }

                acknowledged++;
                if (!await env.Connector.WaitForAsync(calls => calls.Any(c => c.IsMessage && c.ReplyToId == id), TimeSpan.FromSeconds(10)))
                {
                    lost++;
                }
            }

            Figures.Report(output, "sigkill/after-200", "acknowledged messages never answered", lost, acknowledged);
            Assert.Equal(0, lost);
        }
        finally
        {
            await env.KillAsync(bot);
        }
    }
}
