using System.Globalization;
using Xunit.Abstractions;

namespace BpomBot.Drills.Tests;

/// <summary>
/// Prints a drill's figure to the test output and appends it to <c>TestResults/drills/figures.tsv</c> under the
/// repository root (drill, figure, value, out of), so one run of the drills leaves one table.
/// </summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Report(ITestOutputHelper output, string drill, string figure, int value, int outOf)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = string.Create(CultureInfo.InvariantCulture, $"{drill}\t{figure}\t{value}\t{outOf}");
        output.WriteLine(line);
        Console.WriteLine("DRILL " + line);
        var folder = Path.Combine(Infrastructure.DrillEnvironment.FindRepositoryRootOrBase(), "TestResults", "drills");
        lock (Gate)
        {
            Directory.CreateDirectory(folder);
            File.AppendAllText(Path.Combine(folder, "figures.tsv"), string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:O}\t{line}\n"));
        }
    }

    /// <summary>How many times a drill repeats its fault (DRILL_REPEATS overrides the default).</summary>
    public static int Repeats(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("DRILL_REPEATS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
