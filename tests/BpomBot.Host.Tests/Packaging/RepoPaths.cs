namespace BpomBot.Host.Tests.Packaging;

/// <summary>Locates the repository (the folder holding BpomBot.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifests => Path.Combine(Root, "manifests");

    /// <summary>Scratch folders of this test run.</summary>
    private static readonly string TempRoot = CreateTempRoot();

    public static string NewTempDirectory()
    {
        var path = Path.Combine(TempRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Copies the manifests folder so a test can change the template or an environment file.</summary>
    public static string CopyManifests()
    {
        var target = Path.Combine(NewTempDirectory(), "manifests");
        foreach (var file in Directory.EnumerateFiles(Manifests, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Manifests, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    /// <summary>
    /// One scratch folder per test run. The test host is ended without running exit handlers, so instead each run
    /// removes the folders of runs that finished more than a day ago.
    /// </summary>
    private static string CreateTempRoot()
    {
        var parent = Path.Combine(Path.GetTempPath(), "bpombot-package-tests");
        if (Directory.Exists(parent))
        {
            foreach (var old in Directory.EnumerateDirectories(parent).Where(d => Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow.AddDays(-1)))
            {
                try
                {
                    Directory.Delete(old, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: a leftover scratch folder is harmless.
                }
            }
        }

        return Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BpomBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BpomBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
