using Microsoft.Playwright;

namespace BpomBot.EndToEnd.Tests.Infrastructure;

/// <summary>Debian's Chromium, headless, through Playwright's bundled node driver (no browser download).</summary>
public static class Chromium
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
        // Containers often have a 64 MB /dev/shm.
        "--disable-dev-shm-usage",
        // The UI asks a CDN for fonts; answer "not found" at once instead of resolving any name but localhost.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path(), Headless = true, Args = Flags, Timeout = 60_000 });
    }

    /// <summary>TestResults/e2e under the repository root, where screenshots go.</summary>
    public static string ScreenshotDirectory(string repositoryRoot) =>
        Directory.CreateDirectory(System.IO.Path.Combine(repositoryRoot, "TestResults", "e2e")).FullName;

    private static string Path()
    {
        var path = Environment.GetEnvironmentVariable("BPOMBOT_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium not found at {path}. Install Debian's package (`sudo apt-get install chromium`; ./test.sh does this when run as root) or set BPOMBOT_CHROMIUM.");
    }
}
