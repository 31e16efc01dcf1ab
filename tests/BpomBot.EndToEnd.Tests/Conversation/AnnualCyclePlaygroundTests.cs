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
/// (Patti, Direktorat PMPU Pangan Olahan) opens the recap A.8 and its status shows Balai Besar POM di Medan missing;
/// Medan (Isaiah, its Kepala, the Loka's Koordinator) sends its A.7; the status shows it in; the Unit Kerja Pusat
/// completes A.8, which goes to the PPTM (Lynne, Deputi Pangan Olahan) who approves it from her inbox; A.9's disposisi
/// (masukan dan arahan) then reaches her card in the Playground.
/// </summary>
public sealed class AnnualCyclePlaygroundTests(ConversationEnvironment env) : IClassFixture<ConversationEnvironment>
{
    private const string Medan = "Balai Besar POM di Medan";
    private const string Toba = "Loka POM di Kabupaten Toba";

    [Fact]
    public async Task TwoUptsReport_UnitKerjaPusatRecaps_A9ReachesPptm()
    {
        var root = env.RepositoryRoot;
        var (adele, isaiah, patti, lynne) = (DemoRoster.User(root, "adele"), DemoRoster.User(root, "isaiah"), DemoRoster.User(root, "patti"), DemoRoster.User(root, "lynne"));
        var year = 0;
        await env.StepAsync("Importing the demo roster", () => env.ImportRosterAsync(DemoRoster.Csv(root)));

        await env.StepAsync("Adele (Loka Toba) sends the Loka's laporan tahunan A.7", async () =>
        {
            await env.ActAsAsync(adele);
            await SendLaporanTahunanAsync("https://drive.pom.go.id/laporan-tahunan-toba-a7");
            var part = await PartAsync("loka-toba");
            year = part.Year;
            Assert.Equal(StepStatus.Selesai, part.FindStep("A.7")!.Status);
            Assert.Equal(KegiatanStatus.Selesai, part.Status);
        });

        await env.StepAsync("Patti (Unit Kerja Pusat) opens A.8: one report in, through the Koordinator; Medan missing", async () =>
        {
            await env.ActAsAsync(patti);
            await env.SayAsync("mulai tahunan", "Siklus tahunan sub-proses");
            await env.SayAsync("A", "(A.8)");
            var rekap = await RekapPartAsync(year);
            var kelengkapan = Assert.Single(rekap.FindStep("A.8")!.Kelengkapan).Reference;
            Assert.Contains($"{Toba} melalui {Medan}", kelengkapan, StringComparison.Ordinal);
            Assert.Contains("laporan-tahunan-toba-a7", kelengkapan, StringComparison.Ordinal);
            Assert.DoesNotContain($"{Medan} (", kelengkapan, StringComparison.Ordinal);

            var status = await RecapStatusAsync();
            Assert.Contains($"Laporan tahunan UPT masuk: 1 dari {UptCount}", status);
            Assert.Contains(status, t => t.StartsWith("Belum masuk:", StringComparison.Ordinal) && t.Contains(Medan, StringComparison.Ordinal));
        });

        await env.StepAsync("Isaiah (Kepala of Balai Besar POM di Medan, the Koordinator) sends Medan's A.7", async () =>
        {
            await env.ActAsAsync(isaiah);
            await SendLaporanTahunanAsync("https://drive.pom.go.id/laporan-tahunan-medan-a7");
            Assert.Equal(StepStatus.Selesai, (await PartAsync("bbpom-medan")).FindStep("A.7")!.Status);
        });

        await env.StepAsync("Patti: the status shows Medan in; A.8 completes and goes to the PPTM", async () =>
        {
            await env.ActAsAsync(patti);
            await env.SayAsync("tugas", "A.8");
            var status = await RecapStatusAsync();
            Assert.Contains($"Laporan tahunan UPT masuk: 2 dari {UptCount}", status);
            Assert.DoesNotContain(status, t => t.StartsWith("Belum masuk:", StringComparison.Ordinal) && t.Contains(Medan, StringComparison.Ordinal));

            await env.SayAsync("selesai", "Output langkah A.8");
            await env.SayAsync("https://drive.pom.go.id/rekap-laporan-tahunan-a8", "menunggu disposisi");
            var rekap = await RekapPartAsync(year);
            Assert.Equal(("A.8", StepStatus.MenungguDisposisi), (rekap.CurrentStepId, rekap.CurrentStep!.Status));
        });

        await env.StepAsync("Lynne (PPTM) approves A.8 from her inbox; A.9's disposisi reaches her card", async () =>
        {
            await env.ActAsAsync(lynne);
            var before = env.Playground.BotActivities().Count;
            await env.Playground.SendMessageAsync(env.Conversation, "disposisi");
            var inbox = await env.Playground.WaitForBotActivityAsync(before,
                a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("Kotak disposisi: 1", StringComparison.Ordinal))),
                ConversationEnvironment.ReplyTimeout, "Lynne's disposisi inbox with one item (A.8)");
            var buka = CardJson.FindExecuteAction(inbox.AdaptiveCards().Single(), "Buka") ?? throw new InvalidOperationException("The inbox has no \"Buka\".");
            var a8 = CardJson.FromInvoke(await env.Playground.InvokeAsync(env.Conversation, buka, inbox.Id!));
            Assert.Contains(CardJson.Texts(a8), t => t.StartsWith("A.8 ", StringComparison.Ordinal));

            before = env.Playground.BotActivities().Count;
            var setujui = CardJson.FindExecuteAction(a8, "Setujui") ?? throw new InvalidOperationException($"No \"Setujui\" on the A.8 card: {a8.ToJsonString()}");
            var decided = CardJson.FromInvoke(await env.Playground.InvokeAsync(env.Conversation, setujui, inbox.Id!));
            Assert.Contains(CardJson.Texts(decided), t => t.Contains("Disetujui", StringComparison.OrdinalIgnoreCase));

            var a9 = await env.Playground.WaitForBotActivityAsync(before,
                a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("A.9 ", StringComparison.Ordinal))),
                ConversationEnvironment.ReplyTimeout, "the A.9 disposisi card in Lynne's chat");
            var texts = CardJson.Texts(a9.AdaptiveCards().Single());
            Assert.Contains(texts, t => t.StartsWith("Disposisi:", StringComparison.Ordinal));

            var rekap = await RekapPartAsync(year);
            Assert.Equal(StepStatus.Selesai, rekap.FindStep("A.8")!.Status);
            Assert.Equal(("A.9", StepStatus.MenungguDisposisi), (rekap.CurrentStepId, rekap.CurrentStep!.Status));
        });
    }

    private static int UptCount => UnitCatalog.LoadEmbedded().Units.Count(u => u.IsUpt);

    /// <summary>"mulai tahunan", A; the A.7 Kelengkapan (no kegiatan of A this year to fill it from) and its Output.</summary>
    private async Task SendLaporanTahunanAsync(string output)
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
    private async Task<IReadOnlyList<string>> RecapStatusAsync()
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

    private async Task<Kegiatan> PartAsync(string unitId)
    {
        var repository = new TableKegiatanRepository(TableStorage.Create(env.StorageConnectionString));
        var year = DateTime.UtcNow.Year;
        var all = (await repository.ListByUnitYearAsync(unitId, year)).Concat(await repository.ListByUnitYearAsync(unitId, year + 1));
        return Assert.Single(all, k => k.Kind == WorkflowKind.SiklusTahunan && k.SubProcess == "A");
    }

    private async Task<Kegiatan> RekapPartAsync(int year)
    {
        var repository = new TableKegiatanRepository(TableStorage.Create(env.StorageConnectionString));
        return Assert.Single(await repository.ListByUnitYearAsync("dit-pmpu-po", year), k => k.Kind == WorkflowKind.SiklusTahunan && k.SubProcess == "A");
    }
}
