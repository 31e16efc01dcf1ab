using System.Text.Json.Nodes;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Workflow;
using BpomBot.EndToEnd.Tests.Conversation;
using BpomBot.EndToEnd.Tests.Infrastructure;
using BpomBot.Teams.Disposisi;

namespace BpomBot.EndToEnd.Tests.Disposisi;

/// <summary>
/// Issue 7 through the real Agents Playground: the officer's A.4 report reaches the leader's disposisi card, the leader
/// returns it with a reason (Kembalikan), the officer fixes and resubmits, and the leader approves (Setujui); the
/// kegiatan then moves on to A.5. The Playground has a single user, so the roster makes that user both pelaksana and
/// Kepala UPT of Balai Besar POM di Bandung: the officer's report resolves to themself as the leader.
/// </summary>
public sealed class DisposisiPlaygroundTests(ConversationEnvironment env) : IClassFixture<ConversationEnvironment>
{
    private const string Conversation = ConversationEnvironment.ConversationId;
    private const string Unit = "bbpom-bandung";
    private const string Title = "Advokasi keamanan pangan jajanan sekolah Kota Bandung";
    private const string Reason = "Lampirkan daftar hadir peserta FGD.";

    // The Playground's signed-in test user carries this Entra object id on every activity (user-id-0).
    private const string PlaygroundUserAadId = "00000000-0000-0000-0000-0000000000020";

    [Fact]
    public async Task Leader_KembalikanThenSetujui_OfficerResubmitsAndKegiatanMovesToA5()
    {
        await env.StepAsync("Seeding the roster: the Playground user is pelaksana and Kepala UPT of bbpom-bandung", () =>
            env.ImportRosterAsync($"{RosterCsv.Header}\n{PlaygroundUserAadId},Alex Wilber,alex.wilber@pom.go.id,{Unit},pelaksana;kepala-upt,"));

        await env.StepAsync("Starting the kegiatan (unit known from the roster)", async () =>
        {
            await SayAsync("mulai", "Sub-proses");
            await SayAsync("A", "judul kegiatan");
            await SayAsync(Title, "pemangku kepentingan");
            await SayAsync("pemda", "Bentuk kegiatan");
            await SayAsync("FGD", "Langkah 1 (A.1)");
        });

        await env.StepAsync("A.1 to A.3 completed", async () =>
        {
            var card = env.Playground.BotActivities().Last(a => a.AdaptiveCards().Any());
            var button = CardJson.FindExecuteAction(card.AdaptiveCards().Single(), "Catat kelengkapan")
                ?? throw new InvalidOperationException("The step card has no \"Catat kelengkapan\" button.");
            await ExpectAsync(() => env.Playground.InvokeAsync(Conversation, button, card.Id!), "Yang mana");
            await SayAsync("2", "Referensi");
            await SayAsync("https://drive.pom.go.id/disposisi-a1.pdf", "Tanggal diterima");
            await SayAsync("hari ini", "Jatuh tempo");
            await SayAsync("selesai", "Output langkah A.1");
            await SayAsync("https://drive.pom.go.id/rencana-a1", "Langkah A.1 selesai");
            await SayAsync("selesai", "Output langkah A.2");
            await SayAsync("https://drive.pom.go.id/bahan-a2", "Langkah A.2 selesai");
            await SayAsync("rencana hari ini", "Rencana langkah A.3");
            await SayAsync("selesai", "Output langkah A.3");
            await SayAsync("https://drive.pom.go.id/hasil-a3", "Langkah A.3 selesai");
        });

        string firstId = null!;
        await env.StepAsync("A.4 report reaches the leader's disposisi card", async () =>
        {
            await SayAsync("selesai", "Output langkah A.4");
            var before = env.Playground.BotActivities().Count;
            await SayAsync("https://drive.pom.go.id/laporan-a4", "menunggu disposisi");
            var card = await WaitForDisposisiCardAsync(before);
            var texts = CardJson.Texts(card.AdaptiveCards().Single());
            Assert.Contains(texts, t => t.StartsWith("Disposisi:", StringComparison.Ordinal) && t.Contains(Title, StringComparison.Ordinal));
            Assert.Contains(texts, t => t.StartsWith("A.4 ", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("laporan-a4", StringComparison.Ordinal));
            firstId = DisposisiId(card.AdaptiveCards().Single());
            Assert.Equal((StepStatus.MenungguDisposisi, "A.4"), await CurrentAsync());
        });

        await env.StepAsync("The leader opens it from the disposisi inbox and returns it with a reason", async () =>
        {
            var before = env.Playground.BotActivities().Count;
            await env.Playground.SendMessageAsync(Conversation, "disposisi");
            var inbox = await env.Playground.WaitForBotActivityAsync(before,
                a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("Kotak disposisi: 1", StringComparison.Ordinal))),
                ConversationEnvironment.ReplyTimeout, "the disposisi inbox with one item");
            var buka = CardJson.FindExecuteAction(inbox.AdaptiveCards().Single(), "Buka") ?? throw new InvalidOperationException("The inbox has no \"Buka\".");
            Assert.Equal(DisposisiVerbs.Buka, buka["verb"]!.GetValue<string>());
            Assert.Equal(firstId, buka["data"]!["disposisiId"]!.GetValue<string>());
            var actionable = CardJson.FromInvoke(await env.Playground.InvokeAsync(Conversation, buka, inbox.Id!));

            var kembalikan = Action(actionable, "Kembalikan", DisposisiVerbs.Kembalikan);
            kembalikan["data"]!["alasan"] = Reason; // what Teams merges in from the card's "alasan" input
            before = env.Playground.BotActivities().Count;
            var decided = CardJson.FromInvoke(await env.Playground.InvokeAsync(Conversation, kembalikan, inbox.Id!));
            Assert.Contains(CardJson.Texts(decided), t => t == Reason);
            Assert.Null(CardJson.FindExecuteAction(decided, "Setujui"));

            var told = await env.Playground.WaitForBotActivityAsync(before,
                a => Text(a).Contains("**dikembalikan**", StringComparison.Ordinal), ConversationEnvironment.ReplyTimeout, "the officer's note that A.4 was returned");
            Assert.Contains("Langkah A.4", Text(told), StringComparison.Ordinal);
            Assert.Contains(Reason, Text(told), StringComparison.Ordinal);
            Assert.Equal((StepStatus.Berjalan, "A.4"), await CurrentAsync());
            Assert.Equal(Reason, (await StoredAsync()).FindStep("A.4")!.Note);
        });

        await env.StepAsync("The officer fixes the report and resubmits; a new card arrives and the leader approves it", async () =>
        {
            await SayAsync("selesai", "Output langkah A.4");
            var before = env.Playground.BotActivities().Count;
            await SayAsync("https://drive.pom.go.id/laporan-a4-dengan-daftar-hadir", "menunggu disposisi");
            var card = await WaitForDisposisiCardAsync(before);
            var body = card.AdaptiveCards().Single();
            Assert.NotEqual(firstId, DisposisiId(body));
            Assert.Contains(CardJson.Texts(body), t => t.Contains("laporan-a4-dengan-daftar-hadir", StringComparison.Ordinal));
            Assert.Contains(CardJson.Texts(body), t => t.Contains("dikembalikan 1×", StringComparison.Ordinal));

            // The card as stored in the chat is read-only; clicking it (as a client without refresh would) opens the decision card.
            var open = CardJson.FindExecuteAction(body, "Buka untuk memutuskan") ?? throw new InvalidOperationException("The card has no \"Buka untuk memutuskan\".");
            var actionable = CardJson.FromInvoke(await env.Playground.InvokeAsync(Conversation, open, card.Id!));
            var setujui = Action(actionable, "Setujui", DisposisiVerbs.Setujui);
            before = env.Playground.BotActivities().Count;
            var decided = CardJson.FromInvoke(await env.Playground.InvokeAsync(Conversation, setujui, card.Id!));
            Assert.Contains(CardJson.Texts(decided), t => t.Contains("Disetujui", StringComparison.OrdinalIgnoreCase));
            Assert.Null(CardJson.FindExecuteAction(decided, "Kembalikan"));

            var told = await env.Playground.WaitForBotActivityAsync(before,
                a => Text(a).Contains("**disetujui**", StringComparison.Ordinal), ConversationEnvironment.ReplyTimeout, "the officer's note that A.4 was approved");
            Assert.Contains("Langkah A.4", Text(told), StringComparison.Ordinal);
        });

        await env.StepAsync("The kegiatan has moved past A.4", async () =>
        {
            var kegiatan = await StoredAsync();
            Assert.Equal("A.5", kegiatan.CurrentStepId);
            Assert.Equal(StepStatus.Selesai, kegiatan.FindStep("A.4")!.Status);
            Assert.Equal(1, kegiatan.FindStep("A.4")!.TimesReturned);
            await SayAsync("lanjut", "Langkah 5 (A.5)");
        });
    }

    private Task SayAsync(string text, string expected) => env.SayAsync(text, expected);

    private Task ExpectAsync(Func<Task> act, string expected) => env.ExpectAsync(act, expected);

    private Task<SentActivity> WaitForDisposisiCardAsync(int skip) =>
        env.Playground.WaitForBotActivityAsync(skip,
            a => a.Method == "POST" && a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("Disposisi:", StringComparison.Ordinal))),
            ConversationEnvironment.ReplyTimeout, "a disposisi card for the leader");

    private static string Text(SentActivity activity) => activity.Activity["text"]?.GetValue<string>() ?? string.Empty;

    private static string DisposisiId(JsonObject card) =>
        card["refresh"]?["action"]?["data"]?["disposisiId"]?.GetValue<string>() ?? throw new InvalidOperationException($"No disposisiId on the card: {card.ToJsonString()}");

    private static JsonObject Action(JsonObject card, string title, string verb)
    {
        var action = CardJson.FindExecuteAction(card, title) ?? throw new InvalidOperationException($"No \"{title}\" on the card: {card.ToJsonString()}");
        Assert.Equal(verb, action["verb"]!.GetValue<string>());
        return (JsonObject)action.DeepClone();
    }

    private async Task<(StepStatus, string?)> CurrentAsync()
    {
        var kegiatan = await StoredAsync();
        return (kegiatan.CurrentStep!.Status, kegiatan.CurrentStepId);
    }

    private Task<Kegiatan> StoredAsync() => env.StoredKegiatanAsync(Unit, Title);
}
