using BpomBot.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BpomBot.EndToEnd.Tests;

/// <summary>
/// What a person sees: the Agents Playground web UI in Debian's Chromium (headless, through Playwright's
/// bundled node driver; no browser download), talking to the real bot.
/// </summary>
public sealed class HelpCardBrowserTests(EndToEndEnvironment env) : IClassFixture<EndToEndEnvironment>
{
    private const float StepTimeoutMs = 30_000;

    [Fact]
    public async Task PlaygroundUi_HaloThenCoba_ShowsHelpCardThenTriedCard()
    {
        var screenshots = Chromium.ScreenshotDirectory(env.RepositoryRoot);
        using var playwright = await env.StepAsync("Starting Playwright's bundled driver", Playwright.CreateAsync);
        await using var browser = await env.StepAsync("Launching Debian's Chromium", () => Chromium.LaunchAsync(playwright));
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(StepTimeoutMs);
        var coba = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Coba", Exact = true });

        try
        {
            // Opening the UI installs the app in the personal chat; the bot welcomes with the help card.
            await env.StepAsync("Opening the Playground UI", () => page.GotoAsync(env.PlaygroundBase.ToString()));
            await env.StepAsync("Waiting for the welcome card", () => coba.First.WaitForAsync());
            var cobaBefore = await coba.CountAsync();

            // The user types "halo": the help card arrives with a "Coba" button.
            var composer = page.Locator("[role='textbox'][contenteditable='true']").First;
            await env.StepAsync("Typing \"halo\"", async () =>
            {
                await composer.FillAsync("halo");
                await composer.PressAsync("Enter");
            });
            await env.StepAsync("Waiting for the help card", () => Assertions.Expect(coba).ToHaveCountAsync(cobaBefore + 1));
            await env.StepAsync("Counting help cards", () => Assertions.Expect(page.GetByText("Halo, saya BpomBot")).ToHaveCountAsync(cobaBefore + 1));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "playground-help-card.png"), FullPage = true });

            // The user clicks "Coba" on that card: the card is replaced by the one the bot answered with.
            await env.StepAsync("Clicking \"Coba\"", () => coba.Last.ClickAsync());
            await env.StepAsync("Waiting for the updated card", () => Assertions.Expect(page.GetByText("Berhasil!", new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync());
            await env.StepAsync("Checking the clicked card lost its button", () => Assertions.Expect(coba).ToHaveCountAsync(cobaBefore));

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "playground-help-card-coba.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "playground-failure.png"), FullPage = true });
            throw;
        }
    }
}
