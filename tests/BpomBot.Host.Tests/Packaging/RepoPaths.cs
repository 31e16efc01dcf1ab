namespace BpomBot.Host.Tests.Packaging;

/// <summary>Locates the repository (the folder holding BpomBot.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifests => Path.Combine(Root, "manifests");

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "bpombot-package-tests", Guid.NewGuid().ToString("N"));
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
