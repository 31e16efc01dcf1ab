using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.EndToEnd.Tests.Infrastructure;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.EndToEnd.Tests.Conversation;

/// <summary>
/// Issue 20's national annual cycle of sub-process A through the real Agents Playground, acting as the demo roster's
/// users (scripts/demo/roster.csv, the Playground restarted as each, as the README tells people to): Loka POM di
/// Kabupaten Toba (Adele) sends its laporan tahunan A.7, which goes through its Balai Koordinator; the Unit Kerja Pusat
/// (Patti, Direktorat PMPU Pangan Olahan) opens the recap A.8, whose card shows 1 of all UPT reports in (the Loka's,
/// through Balai Besar POM di Medan) and the rest missing; Medan (Isaiah, its Kepala, the Loka's Koordinator) sends its
/// A.7; the Unit Kerja Pusat completes A.8, which goes to the PPTM (Lynne, Deputi Pangan Olahan); her national rekap
/// shows 2 reports in; she approves A.8 from her inbox and A.9's disposisi (masukan dan arahan) reaches her chat.
/// </summary>
public sealed class AnnualCyclePlaygroundTests(ConversationEnvironment env) : IClassFixture<ConversationEnvironment>
{
    internal const string Medan = "Balai Besar POM di Medan";
    internal const string Toba = "Loka POM di Kabupaten Toba";

    [Fact]
    public Task TwoUptsReport_UnitKerjaPusatRecaps_PptmApprovesA8() => WalkToA8ApprovedAsync(env);

    /// <summary>The walk above, up to A.8 approved and A.9 (masukan dan arahan) waiting for the PPTM; returns the cycle year.</summary>
    internal static async Task<int> WalkToA8ApprovedAsync(ConversationEnvironment env)
    {
        var root = env.RepositoryRoot;
        var (adele, isaiah, patti, lynne) = (DemoRoster.User(root, "adele"), DemoRoster.User(root, "isaiah"), DemoRoster.User(root, "patti"), DemoRoster.User(root, "lynne"));
        var year = 0;
        await env.StepAsync("Importing the demo roster", () => env.ImportRosterAsync(DemoRoster.Csv(root)));

        await env.StepAsync("Adele (Loka Toba) sends the Loka's laporan tahunan A.7", async () =>
        {
            await env.ActAsAsync(adele);
            await SendLaporanTahunanAsync(env, "https://drive.pom.go.id/laporan-tahunan-toba-a7");
            var part = await PartAsync(env, "loka-toba");
            year = part.Year;
            Assert.Equal(StepStatus.Selesai, part.FindStep("A.7")!.Status);
            Assert.Equal(KegiatanStatus.Selesai, part.Status);
        });

        await env.StepAsync("Patti (Unit Kerja Pusat) opens A.8: one report in, through the Koordinator; Medan missing", async () =>
        {
            await env.ActAsAsync(patti);
            await OpenRekapAsync(env);
            var card = CardJson.Texts(env.Playground.BotActivities().Last(a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.Contains("(A.8)", StringComparison.Ordinal)))).AdaptiveCards().Single());
            Assert.Contains(card, t => t.Contains($"Laporan tahunan UPT {year}: 1 dari {UptCount} terkirim", StringComparison.Ordinal));
            var kelengkapan = Assert.Single((await RekapPartAsync(env, year)).FindStep("A.8")!.Kelengkapan).Reference;
            Assert.Contains($": 1 dari {UptCount} terkirim — {Toba} melalui {Medan} (https://drive.pom.go.id/laporan-tahunan-toba-a7, ", kelengkapan, StringComparison.Ordinal);
            Assert.EndsWith($"belum terkirim: {UptCount - 1} UPT", kelengkapan, StringComparison.Ordinal);
        });

        await env.StepAsync("Isaiah (Kepala of Balai Besar POM di Medan, the Koordinator) sends Medan's A.7", async () =>
        {
            await env.ActAsAsync(isaiah);
            await SendLaporanTahunanAsync(env, "https://drive.pom.go.id/laporan-tahunan-medan-a7");
            Assert.Equal(StepStatus.Selesai, (await PartAsync(env, "bbpom-medan")).FindStep("A.7")!.Status);
        });

        await env.StepAsync("Patti completes A.8 with the recap; it goes to the PPTM", async () =>
        {
            await env.ActAsAsync(patti);
            await env.SayAsync("selesai", "Output langkah A.8");
            await env.SayAsync("https://drive.pom.go.id/rekap-laporan-tahunan-a8", "menunggu disposisi");
            var rekap = await RekapPartAsync(env, year);
            Assert.Equal(("A.8", StepStatus.MenungguDisposisi), (rekap.CurrentStepId, rekap.CurrentStep!.Status));
        });

        await env.StepAsync("Lynne (PPTM) sees both UPT reports in the national rekap", async () =>
        {
            await env.ActAsAsync(lynne);
            var before = env.Playground.BotActivities().Count;
            await env.Playground.SendMessageAsync(env.Conversation, "rekap A");
            var rekapCard = await env.Playground.WaitForBotActivityAsync(before,
                a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Contains("Laporan tahunan UPT")), ConversationEnvironment.ReplyTimeout, "the rekap card of A");
            var texts = CardJson.Texts(rekapCard.AdaptiveCards().First(c => CardJson.Texts(c).Contains("Laporan tahunan UPT")));
            Assert.Equal($"2 dari {UptCount} masuk", texts[texts.ToList().IndexOf("Laporan tahunan UPT") + 1]);
        });

        await env.StepAsync("Lynne (PPTM) approves A.8 from her inbox; A.9 waits for her", async () =>
        {
            var before = env.Playground.BotActivities().Count;
            await env.Playground.SendMessageAsync(env.Conversation, "disposisi");
            var inbox = await env.Playground.WaitForBotActivityAsync(before,
                a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("Kotak disposisi: 1", StringComparison.Ordinal))),
                ConversationEnvironment.ReplyTimeout, "Lynne's disposisi inbox with one item (A.8)");
            var buka = CardJson.FindExecuteAction(inbox.AdaptiveCards().Single(), "Buka") ?? throw new InvalidOperationException("The inbox has no \"Buka\".");
            var a8 = CardJson.FromInvoke(await env.Playground.InvokeAsync(env.Conversation, buka, inbox.Id!));
            Assert.Contains(CardJson.Texts(a8), t => t.StartsWith("A.8 ", StringComparison.Ordinal));

            var setujui = CardJson.FindExecuteAction(a8, "Setujui") ?? throw new InvalidOperationException($"No \"Setujui\" on the A.8 card: {a8.ToJsonString()}");
            var decided = CardJson.FromInvoke(await env.Playground.InvokeAsync(env.Conversation, setujui, inbox.Id!));
            Assert.Contains(CardJson.Texts(decided), t => t.Contains("Disetujui", StringComparison.OrdinalIgnoreCase));

            var rekap = await RekapPartAsync(env, year);
            Assert.Equal(StepStatus.Selesai, rekap.FindStep("A.8")!.Status);
            Assert.Equal(("A.9", StepStatus.MenungguDisposisi), (rekap.CurrentStepId, rekap.CurrentStep!.Status));
        });

        return year;
    }

    internal static int UptCount => UnitCatalog.LoadEmbedded().Units.Count(u => u.IsUpt);

    internal static async Task OpenRekapAsync(ConversationEnvironment env)
    {
        await env.SayAsync("mulai tahunan", "Siklus tahunan sub-proses");
        await env.SayAsync("A", "(A.8)");
    }

    /// <summary>"mulai tahunan", A; the A.7 Kelengkapan (no kegiatan of A this year to fill it from) and its Output.</summary>
    internal static async Task SendLaporanTahunanAsync(ConversationEnvironment env, string output)
    {
        await env.SayAsync("mulai tahunan", "Siklus tahunan sub-proses");
        await env.SayAsync("A", "(A.7)");
        await env.SayAsync("kelengkapan", "Referensi untuk");
        await env.SayAsync("https://drive.pom.go.id/evaluasi-advokasi-a6", "Tanggal diterima");
        await env.SayAsync("hari ini", "Jatuh tempo");
        await env.SayAsync("selesai", "Output langkah A.7");
        await env.SayAsync(output, "Langkah A.7 selesai");
    }

    /// <summary>Presses "Laporan tahunan UPT" on the last A.8 step card and returns the texts of the status card the bot sends.</summary>
    internal static async Task<IReadOnlyList<string>> RecapStatusAsync(ConversationEnvironment env)
    {
        var card = env.Playground.BotActivities().Last(a => a.AdaptiveCards().Any(c => CardJson.FindExecuteAction(c, "Laporan tahunan UPT") is not null));
        var button = CardJson.FindExecuteAction(card.AdaptiveCards().Single(), "Laporan tahunan UPT")!;
        var before = env.Playground.BotActivities().Count;
        await env.Playground.InvokeAsync(env.Conversation, button, card.Id!);
        var status = await env.Playground.WaitForBotActivityAsync(before,
            a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("Laporan tahunan UPT masuk:", StringComparison.Ordinal))),
            ConversationEnvironment.ReplyTimeout, "the recap status card");
        return CardJson.Texts(status.AdaptiveCards().Single());
    }

    private static async Task<Kegiatan> PartAsync(ConversationEnvironment env, string unitId)
    {
        var repository = new TableKegiatanRepository(TableStorage.Create(env.StorageConnectionString));
        var year = DateTime.UtcNow.Year;
        var all = (await repository.ListByUnitYearAsync(unitId, year)).Concat(await repository.ListByUnitYearAsync(unitId, year + 1));
        return Assert.Single(all, k => k.Kind == WorkflowKind.SiklusTahunan && k.SubProcess == "A");
    }

    private static async Task<Kegiatan> RekapPartAsync(ConversationEnvironment env, int year)
    {
        var repository = new TableKegiatanRepository(TableStorage.Create(env.StorageConnectionString));
        return Assert.Single(await repository.ListByUnitYearAsync("dit-pmpu-po", year), k => k.Kind == WorkflowKind.SiklusTahunan && k.SubProcess == "A");
    }
}

/// <summary>
/// When the PPTM approves A.8, the rekap part moves to A.9 (a leader-decides step whose Kelengkapan is A.8's output) at
/// menunggu disposisi; the approval stores A.9's disposisi effect with the step and the relay sends it: A.9's card
/// reaches the PPTM in the Playground and waits in her inbox.
/// </summary>
public sealed class AnnualCycleA9PlaygroundTests
{
    [Fact]
    public Task A8Approved_A9DisposisiReachesPptm() => ConversationEnvironment.RunAsync(WalkAsync);

    private static async Task WalkAsync(ConversationEnvironment env)
    {
        await AnnualCyclePlaygroundTests.WalkToA8ApprovedAsync(env);
        await env.StepAsync("A.9's disposisi card in Lynne's chat and inbox", async () =>
        {
            await env.Playground.WaitForBotActivityAsync(0,
                a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("Disposisi:", StringComparison.Ordinal))
                    && CardJson.Texts(c).Any(t => t.StartsWith("A.9 ", StringComparison.Ordinal))),
                ConversationEnvironment.ReplyTimeout, "the A.9 disposisi card in Lynne's chat");
            var before = env.Playground.BotActivities().Count;
            await env.Playground.SendMessageAsync(env.Conversation, "disposisi");
            await env.Playground.WaitForBotActivityAsync(before,
                a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("A.9 · ", StringComparison.Ordinal))),
                ConversationEnvironment.ReplyTimeout, "Lynne's inbox with A.9");
        });
    }
}

/// <summary>Known bug, skipped until fixed (Rekap): see the test.</summary>
public sealed class AnnualCycleRecapStatusPlaygroundTests
{
    /// <summary>
    /// The Unit Kerja Pusat's A.8 status card ("Laporan tahunan UPT" on the A.8 step card) should show every UPT of the
    /// cycle: 1 of all in and Balai Besar POM di Medan missing. For a Direktur of a Unit Kerja Pusat it shows "0 dari 0":
    /// RekapStatusHandler builds it within the viewer's own rekap scope (the directorate and the units under it, no UPT).
    /// </summary>
    [Fact]
    public Task UnitKerjaPusatA8StatusCard_ShowsEveryUpt_MedanMissing()
        // Its own environment (not a class fixture), so a skipped test starts nothing.
        => ConversationEnvironment.RunAsync(WalkAsync);

    private static async Task WalkAsync(ConversationEnvironment env)
    {
        var root = env.RepositoryRoot;
        await env.StepAsync("Adele's A.7 in; Patti opens A.8 and asks for the status", async () =>
        {
            await env.ImportRosterAsync(DemoRoster.Csv(root));
            await env.ActAsAsync(DemoRoster.User(root, "adele"));
            await AnnualCyclePlaygroundTests.SendLaporanTahunanAsync(env, "https://drive.pom.go.id/laporan-tahunan-toba-a7");
            await env.ActAsAsync(DemoRoster.User(root, "patti"));
            await AnnualCyclePlaygroundTests.OpenRekapAsync(env);
            var status = await AnnualCyclePlaygroundTests.RecapStatusAsync(env);
            Assert.Contains($"Laporan tahunan UPT masuk: 1 dari {AnnualCyclePlaygroundTests.UptCount}", status);
            Assert.Contains(status, t => t.StartsWith("Belum masuk:", StringComparison.Ordinal) && t.Contains(AnnualCyclePlaygroundTests.Medan, StringComparison.Ordinal));
        });
    }
}
