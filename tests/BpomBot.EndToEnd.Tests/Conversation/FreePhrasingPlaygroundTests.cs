using BpomBot.Domain.Workflow;
using BpomBot.EndToEnd.Tests.Infrastructure;

namespace BpomBot.EndToEnd.Tests.Conversation;

/// <summary>
/// Issue 16 through the real Agents Playground: sub-process A walked from "sy mau bikin kegiatan advokasi" to the
/// leader's disposisi with no command word, as the demo roster's officer (Alex, Balai Besar POM di Bandung) types in
/// chat; his Kepala (Megan) finds it with "ada disposisi yang menunggu?" and approves it; Alex carries on with
/// "lanjut dong". Every sentence here is one the understanding component reads right today (`bpombot understand`);
/// the answers to the bot's own questions (a title, a choice by its name, a link) are what a person types there.
/// </summary>
public sealed class FreePhrasingPlaygroundTests(ConversationEnvironment env) : IClassFixture<ConversationEnvironment>
{
    private const string Unit = "bbpom-bandung";
    private const string Title = "FGD keamanan pangan jajanan sekolah bersama Pemda Kota Bandung";

    [Fact]
    public async Task OfficerWalksA1ToA4InFreePhrasing_LeaderApprovesFromInbox()
    {
        var root = env.RepositoryRoot;
        var (alex, megan) = (DemoRoster.User(root, "alex"), DemoRoster.User(root, "megan"));
        await env.StepAsync("Importing the demo roster; Alex signs in", async () =>
        {
            await env.ImportRosterAsync(DemoRoster.Csv(root));
            await env.ActAsAsync(alex);
        });

        await env.StepAsync("\"sy mau bikin kegiatan advokasi\": the sub-process comes from the sentence", async () =>
        {
            await env.SayAsync("sy mau bikin kegiatan advokasi", "Sub-proses A Advokasi Pemangku Kepentingan. Apa judul kegiatannya?");
            await env.SayAsync(Title, "pemangku kepentingan");
            await env.SayAsync("pemda", "Bentuk kegiatan");
            await env.SayAsync("fgd", "Langkah 1 (A.1)");
        });

        await env.StepAsync("A.1: the Kelengkapan given with its link in one sentence, then \"udah beres\"", async () =>
        {
            await env.SayAsync("ini lembar disposisinya https://drive.pom.go.id/disposisi-a1.pdf", "Yang mana");
            await env.SayAsync("lembar disposisi pimpinan", "Tanggal diterima");
            await env.SayAsync("hari ini", "Jatuh tempo");
            await env.SayAsync("udah beres", "Output langkah A.1");
            await env.SayAsync("https://drive.pom.go.id/rencana-a1", "Langkah A.1 selesai");
        });

        await env.StepAsync("A.2 \"langkah ini sudah selesai\"; A.3 \"jadwalnya senin depan\", then \"udah kelar\"", async () =>
        {
            await env.SayAsync("langkah ini sudah selesai", "Output langkah A.2");
            await env.SayAsync("https://drive.pom.go.id/bahan-a2", "Langkah A.2 selesai");
            await env.SayAsync("jadwalnya senin depan", "Rencana langkah A.3");
            await env.SayAsync("udah kelar", "Output langkah A.3");
            await env.SayAsync("https://drive.pom.go.id/hasil-a3", "Langkah A.3 selesai");
        });

        await env.StepAsync("A.4 \"udh selesai laporannya\": the report goes to the Kepala", async () =>
        {
            await env.SayAsync("udh selesai laporannya", "Output langkah A.4");
            await env.SayAsync("https://drive.pom.go.id/laporan-a4", "menunggu disposisi");
            var kegiatan = await env.StoredKegiatanAsync(Unit, Title);
            Assert.Equal(("A.4", StepStatus.MenungguDisposisi), (kegiatan.CurrentStepId, kegiatan.CurrentStep!.Status));
            Assert.Equal("pemerintah-daerah", kegiatan.StakeholderCategory);
            Assert.NotNull(kegiatan.FindStep("A.3")!.PlannedOn);
            Assert.Equal("https://drive.pom.go.id/disposisi-a1.pdf", kegiatan.FindStep("A.1")!.Kelengkapan.Single().Reference);
        });

        await env.StepAsync("Megan (Kepala): \"ada disposisi yang menunggu?\", Buka, Setujui", async () =>
        {
            await env.ActAsAsync(megan);
            var before = env.Playground.BotActivities().Count;
            await env.Playground.SendMessageAsync(env.Conversation, "ada disposisi yang menunggu?");
            var inbox = await env.Playground.WaitForBotActivityAsync(before,
                a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("Kotak disposisi: 1", StringComparison.Ordinal))),
                ConversationEnvironment.ReplyTimeout, "Megan's disposisi inbox with Alex's A.4");
            var buka = CardJson.FindExecuteAction(inbox.AdaptiveCards().Single(), "Buka") ?? throw new InvalidOperationException("The inbox has no \"Buka\".");
            var card = CardJson.FromInvoke(await env.Playground.InvokeAsync(env.Conversation, buka, inbox.Id!));
            Assert.Contains(CardJson.Texts(card), t => t.StartsWith("Disposisi:", StringComparison.Ordinal) && t.Contains(Title, StringComparison.Ordinal));
            var setujui = CardJson.FindExecuteAction(card, "Setujui") ?? throw new InvalidOperationException($"No \"Setujui\": {card.ToJsonString()}");
            var decided = CardJson.FromInvoke(await env.Playground.InvokeAsync(env.Conversation, setujui, inbox.Id!));
            Assert.Contains(CardJson.Texts(decided), t => t.Contains("Disetujui", StringComparison.OrdinalIgnoreCase));
        });

        await env.StepAsync("Alex: \"lanjut dong\" opens A.5", async () =>
        {
            await env.ActAsAsync(alex);
            await env.SayAsync("lanjut dong", "Langkah 5 (A.5)");
            var kegiatan = await env.StoredKegiatanAsync(Unit, Title);
            Assert.Equal(StepStatus.Selesai, kegiatan.FindStep("A.4")!.Status);
            Assert.Equal("A.5", kegiatan.CurrentStepId);
        });
    }
}
