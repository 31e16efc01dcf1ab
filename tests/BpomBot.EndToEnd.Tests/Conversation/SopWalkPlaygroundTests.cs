using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.EndToEnd.Tests.Infrastructure;
using BpomBot.Storage.Kegiatan;
using BpomBot.Storage.Tables.Client;

namespace BpomBot.EndToEnd.Tests.Conversation;

/// <summary>
/// An officer walks sub-process A steps 1–6 through the real Agents Playground: first-time unit and role, Kelengkapan
/// by card button with a link, an Output sent as a file, a planned date for the N/A step A.3, the bot restarted in the
/// middle of a prompt, the leader's decision on A.4 (played on the stored kegiatan, as the disposisi feature would),
/// and every step completed.
/// </summary>
public sealed class SopWalkPlaygroundTests(ConversationEnvironment env) : IClassFixture<ConversationEnvironment>
{
    private const string Conversation = ConversationEnvironment.ConversationId;

    [Fact]
    public async Task Officer_WalksSubProcessA1To6_WithRestartMidway_KegiatanCompletes()
    {
        await env.StepAsync("Starting the kegiatan (first-time user)", async () =>
        {
            await SayAsync("mulai", "Sub-proses");
            await SayAsync("A", "judul kegiatan");
            await SayAsync("FGD keamanan pangan Pemda Kota Medan", "pemangku kepentingan");
            await SayAsync("pemda", "Bentuk kegiatan");
            await SayAsync("FGD", "pilih unit");
            await SayAsync("medan", "Balai Besar POM di Medan");
            await SayAsync("1", "Peran Anda");
            await SayAsync("1", "Langkah 1 (A.1)");
        });

        await env.StepAsync("A.1 Kelengkapan with a link, by the card's button", async () =>
        {
            var card = env.Playground.BotActivities().Last(a => a.AdaptiveCards().Any());
            var button = CardJson.FindExecuteAction(card.AdaptiveCards().Single(), "Catat kelengkapan")
                ?? throw new InvalidOperationException("The step card has no \"Catat kelengkapan\" button.");
            await ExpectAsync(() => env.Playground.InvokeAsync(Conversation, button, card.Id!), "Yang mana");
            await SayAsync("2", "Referensi");
            await SayAsync("https://drive.pom.go.id/disposisi-a1.pdf", "Tanggal diterima");
            await SayAsync("hari ini", "Jatuh tempo");
        });

        var plan = "%PDF-1.7 Rencana advokasi FGD Pemda Medan"u8.ToArray();
        await env.StepAsync("A.1 Output sent as a file", async () =>
        {
            env.Files["/rencana-advokasi.pdf"] = plan;
            await SayAsync("selesai", "Output langkah A.1");
            await ExpectAsync(() => SendFileAsync("rencana-advokasi.pdf"), "Langkah A.1 selesai");
        });

        await env.StepAsync("A.2 completed", async () =>
        {
            await SayAsync("selesai", "Output langkah A.2");
            await SayAsync("https://drive.pom.go.id/bahan-a2", "Langkah A.2 selesai");
        });

        await env.StepAsync("A.3 planned date, then the bot restarts in the middle of selesai", async () =>
        {
            await SayAsync("rencana hari ini", "Rencana langkah A.3");
            await SayAsync("selesai", "Output langkah A.3");
            await env.RestartBotAsync();
            await SayAsync("https://drive.pom.go.id/hasil-a3", "Langkah A.3 selesai");
        });

        await env.StepAsync("A.4 goes to the leader; the leader approves", async () =>
        {
            await SayAsync("selesai", "Output langkah A.4");
            await SayAsync("https://drive.pom.go.id/laporan-a4", "menunggu disposisi");
            await ApproveAsync("A.4");
            await SayAsync("lanjut", "Langkah 5 (A.5)");
        });

        await env.StepAsync("A.5 and A.6 completed", async () =>
        {
            await SayAsync("rencana hari ini", "Rencana langkah A.5");
            await SayAsync("selesai", "Output langkah A.5");
            await SayAsync("https://drive.pom.go.id/tindak-lanjut-a5", "Langkah A.5 selesai");
            await SayAsync("selesai", "Output langkah A.6");
            await SayAsync("https://drive.pom.go.id/monev-a6", "Langkah A.6 selesai");
        });

        await env.StepAsync("The stored kegiatan", async () =>
        {
            var kegiatan = await StoredAsync();
            Assert.Equal(KegiatanStatus.Selesai, kegiatan.Status);
            Assert.Equal(["A.1", "A.2", "A.3", "A.4", "A.5", "A.6"], kegiatan.Steps.Select(s => s.StepId));
            Assert.All(kegiatan.Steps, s => Assert.Equal(StepStatus.Selesai, s.Status));
            Assert.Equal("https://drive.pom.go.id/disposisi-a1.pdf", kegiatan.FindStep("A.1")!.Kelengkapan.Single().Reference);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(plan)), kegiatan.FindStep("A.1")!.OutputReference);
            Assert.NotNull(kegiatan.FindStep("A.3")!.PlannedOn);
        });
    }

    private Task SayAsync(string text, string expected) => env.SayAsync(text, expected);

    private Task ExpectAsync(Func<Task> act, string expected) => env.ExpectAsync(act, expected);

    /// <summary>
    /// A Teams file message (file.download.info with a downloadUrl on loopback), posted to the bot as the Playground's
    /// user in the Playground's conversation: the Playground's message API takes only card attachments. The bot
    /// downloads the file, stores it and answers through the Playground's connector like any other turn.
    /// </summary>
    private async Task SendFileAsync(string name)
    {
        var last = env.Playground.BotActivities()[^1].Activity;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = $"http://localhost:{env.PlaygroundBase.Port}/_connector",
            ["from"] = last["recipient"]!.DeepClone(),
            ["recipient"] = last["from"]!.DeepClone(),
            ["conversation"] = last["conversation"]!.DeepClone(),
            ["text"] = string.Empty,
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["name"] = name,
                ["content"] = new JsonObject { ["downloadUrl"] = new Uri(env.FileServer, name).ToString(), ["fileType"] = "pdf", ["uniqueId"] = Guid.NewGuid().ToString() },
            }),
        };
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(env.BotEndpoint, activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode} to the file message.");
    }

    /// <summary>The leader's approval, applied to the stored kegiatan through the engine (what the disposisi feature does).</summary>
    private async Task ApproveAsync(string stepId)
    {
        var repository = new TableKegiatanRepository(TableStorage.Create(env.StorageConnectionString));
        var kegiatan = await StoredAsync();
        Assert.Equal((stepId, StepStatus.MenungguDisposisi), (kegiatan.CurrentStepId, kegiatan.CurrentStep!.Status));
        var engine = new KegiatanEngine(SopCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
        var today = kegiatan.CurrentStep.SubmittedOn!.Value;
        var approved = engine.Approve(kegiatan, today, new Actor("e2e-leader"), DateTimeOffset.UtcNow);
        Assert.True(approved.Succeeded, approved.Refusal?.Reason);
        await repository.UpdateAsync(approved.Kegiatan!, kegiatan.Version!);
    }

    private Task<Kegiatan> StoredAsync() => env.StoredKegiatanAsync("bbpom-medan", "FGD keamanan pangan Pemda Kota Medan");
}
