using BpomBot.Domain.Roster;
using BpomBot.EndToEnd.Tests.Conversation;
using BpomBot.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BpomBot.EndToEnd.Tests.Screenshots;

/// <summary>
/// The main cards as a person sees them in the Agents Playground web UI (headless Debian Chromium), in Indonesian and
/// English: step card, tugas, disposisi (the card and the inbox), FAQ answer and unsure FAQ. Each is saved under TestResults/e2e/ as
/// card-{id|en}-{name}.png (the card alone) for people to look at; the test checks that each card arrived and shows
/// its key text. The long walk to a disposisi goes over the Playground's HTTP API; the UI shows the bot's answers.
/// </summary>
public sealed class CardScreenshotBrowserTests(ConversationEnvironment env) : IClassFixture<ConversationEnvironment>
{
    private const string Conversation = ConversationEnvironment.ConversationId;
    private const string Unit = "bbpom-bandung";
    private const string Title = "Advokasi keamanan pangan jajanan sekolah Kota Bandung";
    private const string PlaygroundUserAadId = "00000000-0000-0000-0000-0000000000020";
    private const float StepTimeoutMs = 45_000;
    private const string CardSelector = ".ac-adaptiveCard";

    [Fact]
    public async Task MainCards_InIndonesianAndEnglish_AreShownAndSaved()
    {
        var screenshots = Chromium.ScreenshotDirectory(env.RepositoryRoot);
        await env.StepAsync("Seeding the roster: the Playground user is pelaksana and Kepala UPT of bbpom-bandung", () =>
            env.ImportRosterAsync($"{RosterCsv.Header}\n{PlaygroundUserAadId},Alex Wilber,alexw@example.com,{Unit},pelaksana;kepala-upt,user-id-0"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        page.SetDefaultTimeout(StepTimeoutMs);
        var cards = page.Locator(CardSelector);
        try
        {
            await env.StepAsync("Opening the Playground UI (the welcome card arrives)", async () =>
            {
                await page.GotoAsync(env.PlaygroundBase.ToString());
                await cards.First.WaitForAsync();
            });

            // Indonesian.
            await env.StepAsync("Starting a kegiatan", async () =>
            {
                await env.SayAsync("mulai", "Sub-proses");
                await env.SayAsync("A", "judul kegiatan");
                await env.SayAsync(Title, "pemangku kepentingan");
                await env.SayAsync("pemda", "Bentuk kegiatan");
            });
            await SayAndShootAsync(page, "FGD", "Langkah 1 (A.1)", "card-id-step.png");
            await SayAndShootAsync(page, "tugas", "Tugas Anda", "chat-id-tugas.png", isCard: false);
            await SayAndShootAsync(page, "bagaimana cara lapor efek samping obat?", "efek samping", "card-id-faq-answer.png");
            await SayAndShootAsync(page, "bolehkah saya mengiklankan suplemen di tiktok?", "Mungkin maksud Anda salah satu topik ini?", "card-id-faq-unsure.png");

            await env.StepAsync("Walking A.1 to A.4 (over the API) until the disposisi card arrives", async () =>
            {
                var card = env.Playground.BotActivities().Last(a => a.AdaptiveCards().Any(c => CardJson.FindExecuteAction(c, "Catat kelengkapan") is not null));
                var button = CardJson.FindExecuteAction(card.AdaptiveCards().Single(), "Catat kelengkapan")!;
                await env.ExpectAsync(() => env.Playground.InvokeAsync(Conversation, button, card.Id!), "Yang mana");
                await env.SayAsync("2", "Referensi");
                await env.SayAsync("https://drive.pom.go.id/disposisi-a1.pdf", "Tanggal diterima");
                await env.SayAsync("hari ini", "Jatuh tempo");
                await env.SayAsync("selesai", "Output langkah A.1");
                await env.SayAsync("https://drive.pom.go.id/rencana-a1", "Langkah A.1 selesai");
                await env.SayAsync("selesai", "Output langkah A.2");
                await env.SayAsync("https://drive.pom.go.id/bahan-a2", "Langkah A.2 selesai");
                await env.SayAsync("rencana hari ini", "Rencana langkah A.3");
                await env.SayAsync("selesai", "Output langkah A.3");
                await env.SayAsync("https://drive.pom.go.id/hasil-a3", "Langkah A.3 selesai");
                await env.SayAsync("selesai", "Output langkah A.4");
                await env.SayAsync("https://drive.pom.go.id/laporan-a4", "menunggu disposisi");
                await env.Playground.WaitForBotActivityAsync(0,
                    a => a.AdaptiveCards().Any(c => CardJson.Texts(c).Any(t => t.StartsWith("Disposisi:", StringComparison.Ordinal))),
                    ConversationEnvironment.ReplyTimeout, "a disposisi card");
            });
            await ShootAsync(page, "Disposisi:", "card-id-disposisi.png");
            await SayAndShootAsync(page, "disposisi", "Kotak disposisi", "card-id-disposisi-inbox.png");

            // English: the bot answers in the user's language.
            await SayAndShootAsync(page, "next", "A.4", "card-en-step.png");
            await SayAndShootAsync(page, "show my tasks", "Your open tasks", "chat-en-tugas.png", isCard: false);
            await SayAndShootAsync(page, "how do i report a side effect?", "side effect", "card-en-faq-answer.png");
            await SayAndShootAsync(page, "can I promote my herbal supplement on instagram?", "Did you mean one of these?", "card-en-faq-unsure.png");
            await SayAndShootAsync(page, "show my approvals", "Disposisi inbox", "card-en-disposisi-inbox.png");
            await env.StepAsync("Pressing \"Open\" on the English inbox: the decision card, in English", async () =>
            {
                var inbox = page.Locator(CardSelector, new PageLocatorOptions { HasText = "Disposisi inbox" }).Last;
                await inbox.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Open", Exact = true }).ClickAsync();
                await Assertions.Expect(page.Locator(CardSelector, new PageLocatorOptions { HasText = "Approve" }).Last).ToBeVisibleAsync();
            });
            await ShootAsync(page, "Approve", "card-en-disposisi.png");
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "cards-failure.png"), FullPage = true });
            throw;
        }

        // Types in the UI, waits until one more element shows the expected text, then saves the card showing it (or,
        // for a plain text answer such as tugas, the chat as it stands).
        async Task SayAndShootAsync(IPage page, string text, string expected, string file, bool isCard = true)
        {
            var showing = page.GetByText(expected);
            var before = await showing.CountAsync();
            await env.StepAsync($"Typing \"{text}\" in the Playground UI", async () =>
            {
                var composer = page.Locator("[role='textbox'][contenteditable='true']").First;
                await composer.FillAsync(text);
                await composer.PressAsync("Enter");
                await Assertions.Expect(showing.Nth(before)).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = StepTimeoutMs });
            });
            if (isCard)
            {
                await ShootAsync(page, expected, file);
                return;
            }

            await env.StepAsync($"Saving {file}", async () =>
            {
                await showing.Last.ScrollIntoViewIfNeededAsync();
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, file) });
            });
        }

        async Task ShootAsync(IPage page, string expected, string file)
        {
            await env.StepAsync($"Saving {file} (the last card showing \"{expected}\")", async () =>
            {
                var card = page.Locator(CardSelector, new PageLocatorOptions { HasText = expected }).Last;
                // A card taller than the chat pane is cut by the Playground's toolbar: give the page room for it.
                var height = (await card.BoundingBoxAsync())?.Height ?? 0;
                var tall = height > 700;
                if (tall)
                {
                    await page.SetViewportSizeAsync(1280, (int)height + 500);
                }

                await card.ScrollIntoViewIfNeededAsync();
                await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(screenshots, file) });
                if (tall)
                {
                    await page.SetViewportSizeAsync(1280, 1000);
                }
            });
        }
    }
}
