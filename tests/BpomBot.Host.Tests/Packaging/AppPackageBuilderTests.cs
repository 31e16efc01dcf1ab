using System.IO.Compression;
using System.Text.Json.Nodes;
using BpomBot.Host.Packaging;

namespace BpomBot.Host.Tests.Packaging;

public sealed class AppPackageBuilderTests
{
    private const string BotId = "0f5d3a52-61a4-4c43-9d6f-2a7f0c1e9b11";

    [Fact]
    public async Task BuildAsync_LocalEnvironment_WritesFlatZipWithManifestAndBothIcons()
    {
        var package = await BuildAsync("local");

        using var zip = ZipFile.OpenRead(package.ZipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var manifest = ReadManifest(zip);
        Assert.Equal("color.png", (string?)manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)manifest["icons"]!["outline"]);
        Assert.Equal((192, 192), Size(zip, "color.png"));
        Assert.Equal((32, 32), Size(zip, "outline.png"));
        Assert.Equal($"bpombot-local-{package.Version}.zip", Path.GetFileName(package.ZipPath));
    }

    [Theory]
    [InlineData("local")]
    [InlineData("test")]
    [InlineData("production")]
    public async Task BuildAsync_EachEnvironment_ReplacesEveryPlaceholder(string environment)
    {
        var package = await BuildAsync(environment, botId: BotId);

        using var zip = ZipFile.OpenRead(package.ZipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = await reader.ReadToEndAsync();
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("}}", text, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal(package.AppId, (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(package.Version, (string?)manifest["version"]);
        Assert.True(((string?)manifest["name"]!["short"])!.Length <= 30);
    }

    [Fact]
    public async Task BuildAsync_Overrides_WinOverEnvironmentDefaults()
    {
        const string appId = "C6D6D1A4-5A8B-4C9E-8F00-112233445566";
        var package = await BuildAsync("test", appId: appId, botId: BotId, version: "2.10.0", botDomain: "bpombot-uji.example.go.id");

        var manifest = JsonNode.Parse(package.ManifestJson)!;
        Assert.Equal(appId.ToLowerInvariant(), (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("2.10.0", (string?)manifest["version"]);
        Assert.Equal(["bpombot-uji.example.go.id"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.EndsWith("bpombot-test-2.10.0.zip", package.ZipPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_Manifest_OffersBotInAllScopesWithIndonesianCommandsAndFiles()
    {
        var manifest = JsonNode.Parse((await BuildAsync("local")).ManifestJson)!;

        var bot = manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.True((bool?)bot["supportsFiles"]);
        var personal = bot["commandLists"]!.AsArray().Single(l => l!["scopes"]!.AsArray().Any(s => (string?)s == "personal"))!;
        var titles = personal["commands"]!.AsArray().Select(c => (string?)c!["title"]).ToList();
        Assert.Equal(["mulai", "tugas", "status", "lanjut", "selesai", "rencana", "tunda", "riwayat", "disposisi", "bantuan"], titles);
        Assert.All(personal["commands"]!.AsArray(), c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["description"])));
        Assert.Equal("BpomBot (Lokal)", (string?)manifest["name"]!["short"]);
    }

    [Fact]
    public async Task BuildAsync_SameInputTwice_WritesByteIdenticalZips()
    {
        var first = await BuildAsync("local");
        var firstBytes = await File.ReadAllBytesAsync(first.ZipPath);
        var second = await BuildAsync("local");

        Assert.Equal(firstBytes, await File.ReadAllBytesAsync(second.ZipPath));
    }

    [Fact]
    public async Task BuildAsync_TemplateWithUnknownPlaceholder_ThrowsNamingIt()
    {
        var manifests = RepoPaths.CopyManifests();
        var templatePath = Path.Combine(manifests, AppPackageBuilder.TemplateFileName);
        var template = await File.ReadAllTextAsync(templatePath);
        await File.WriteAllTextAsync(templatePath, template.Replace("\"Badan POM RI\"", "\"{{DEVELOPER_NAME}}\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<AppPackageException>(() => BuildAsync("local", manifests: manifests));

        Assert.Contains("{{DEVELOPER_NAME}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NameSuffixMakingShortNameTooLong_Throws()
    {
        var manifests = RepoPaths.CopyManifests();
        var envPath = Path.Combine(manifests, AppPackageBuilder.EnvironmentsFolder, "local.json");
        var env = JsonNode.Parse(await File.ReadAllTextAsync(envPath))!;
        env["nameSuffix"] = " (Lingkungan Pengembangan)";
        await File.WriteAllTextAsync(envPath, env.ToJsonString());

        var error = await Assert.ThrowsAsync<AppPackageException>(() => BuildAsync("local", manifests: manifests));

        Assert.Contains("name.short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NameSuffixWithQuotes_StillGivesValidJson()
    {
        var manifests = RepoPaths.CopyManifests();
        var envPath = Path.Combine(manifests, AppPackageBuilder.EnvironmentsFolder, "local.json");
        var env = JsonNode.Parse(await File.ReadAllTextAsync(envPath))!;
        env["nameSuffix"] = " \"Uji\\";
        await File.WriteAllTextAsync(envPath, env.ToJsonString());

        var package = await BuildAsync("local", manifests: manifests);

        Assert.Equal("BpomBot \"Uji\\", (string?)JsonNode.Parse(package.ManifestJson)!["name"]!["short"]);
    }

    [Fact]
    public void FindManifestsDirectory_FromNestedFolder_FindsRepositoryManifests()
    {
        var found = AppPackageBuilder.FindManifestsDirectory(Path.Combine(RepoPaths.Root, "bot", "BpomBot.Host"));

        Assert.Equal(RepoPaths.Manifests, found);
    }

    private static Task<AppPackage> BuildAsync(
        string environment, string? appId = null, string? botId = null, string? version = null, string? botDomain = null, string? manifests = null) =>
        AppPackageBuilder.BuildAsync(new AppPackageRequest(
            environment, manifests ?? RepoPaths.Manifests, RepoPaths.NewTempDirectory(), appId, botId, version, botDomain));

    private static JsonNode ReadManifest(ZipArchive zip)
    {
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    private static (int Width, int Height) Size(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var image = PngImage.Decode(copy.ToArray());
        return (image.Width, image.Height);
    }
}
