using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BpomBot.Host.Packaging;

/// <summary>What to package: an environment from manifests/environments plus optional overrides.</summary>
internal sealed record AppPackageRequest(
    string Environment,
    string ManifestsDirectory,
    string OutputDirectory,
    string? AppId = null,
    string? BotId = null,
    string? Version = null,
    string? BotDomain = null);

/// <summary>The written Teams app package and the values that went into it.</summary>
internal sealed record AppPackage(string ZipPath, string Environment, string AppId, string BotId, string Version, string ManifestJson);

/// <summary>
/// Builds the Teams app package: fills manifests/manifest.template.json from an environment file and the
/// command-line overrides, draws the icons, and writes a flat zip (manifest.json, color.png, outline.png at the root).
/// </summary>
internal static partial class AppPackageBuilder
{
    public const string TemplateFileName = "manifest.template.json";
    public const string EnvironmentsFolder = "environments";
    private const int ShortNameMax = 30;
    private const int FullNameMax = 100;

    private static readonly JsonSerializerOptions ManifestJsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Indonesian text and dashes readable
    };

    /// <summary>Zip entries get a fixed timestamp so the same inputs give byte-identical packages.</summary>
    private static readonly DateTimeOffset EntryTimestamp = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <exception cref="AppPackageException">The environment, an override or the template is invalid.</exception>
    public static async Task<AppPackage> BuildAsync(AppPackageRequest request, CancellationToken cancellationToken = default)
    {
        var settings = await LoadEnvironmentAsync(request.ManifestsDirectory, request.Environment, cancellationToken);
        var appId = RequireGuid("app id", "--app-id", request.AppId ?? settings.AppId, request.Environment);
        var botId = RequireGuid("bot id", "--bot-id", request.BotId ?? settings.BotId, request.Environment);
        var version = request.Version ?? settings.Version;
        if (!VersionPattern().IsMatch(version))
        {
            throw new AppPackageException(
                $"Invalid version '{version}': Teams needs MAJOR.MINOR.PATCH with numbers only, e.g. 1.0.3 (no leading zeros, no pre-release suffix).");
        }

        var botDomain = request.BotDomain ?? settings.BotDomain;
        if (!DomainPattern().IsMatch(botDomain))
        {
            throw new AppPackageException(
                $"Invalid bot domain '{botDomain}': give a host name such as bpombot-test.azurewebsites.net (no scheme, no path; a leading '*.' is allowed).");
        }

        var templatePath = Path.Combine(request.ManifestsDirectory, TemplateFileName);
        var template = await File.ReadAllTextAsync(templatePath, cancellationToken);
        var manifest = FillTemplate(template, new Dictionary<string, string>
        {
            ["APP_ID"] = appId,
            ["BOT_ID"] = botId,
            ["APP_VERSION"] = version,
            ["BOT_DOMAIN"] = botDomain,
            ["NAME_SUFFIX"] = settings.NameSuffix,
        });

        var colorName = RequireRootFileName(manifest, "color");
        var outlineName = RequireRootFileName(manifest, "outline");
        var manifestJson = manifest.ToJsonString(ManifestJsonOptions);

        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddEntry(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifestJson));
            AddEntry(zip, colorName, IconRenderer.RenderColorPng());
            AddEntry(zip, outlineName, IconRenderer.RenderOutlinePng());
        }

        Directory.CreateDirectory(request.OutputDirectory);
        var zipPath = Path.GetFullPath(Path.Combine(request.OutputDirectory, $"bpombot-{request.Environment}-{version}.zip"));
        await File.WriteAllBytesAsync(zipPath, zipBytes.ToArray(), cancellationToken);
        return new AppPackage(zipPath, request.Environment, appId, botId, version, manifestJson);
    }

    /// <summary>Finds the nearest folder named "manifests" that holds the template, walking up from each start folder.</summary>
    public static string? FindManifestsDirectory(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "manifests");
                if (File.Exists(Path.Combine(candidate, TemplateFileName)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The environment names that have a file under manifests/environments.</summary>
    public static IReadOnlyList<string> KnownEnvironments(string manifestsDirectory)
    {
        var folder = Path.Combine(manifestsDirectory, EnvironmentsFolder);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    internal static JsonNode FillTemplate(string template, IReadOnlyDictionary<string, string> values)
    {
        var filled = PlaceholderPattern().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value) ? JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() : match.Value);

        var unknown = PlaceholderPattern().Matches(filled).Select(m => m.Value).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new AppPackageException($"The manifest template has placeholders nobody fills: {string.Join(", ", unknown)}.");
        }

        JsonNode manifest;
        try
        {
            manifest = JsonNode.Parse(filled) ?? throw new AppPackageException("The manifest template is empty.");
        }
        catch (JsonException ex)
        {
            throw new AppPackageException($"The manifest template is not valid JSON: {ex.Message}");
        }

        CheckLength(manifest["name"]?["short"], "name.short", ShortNameMax);
        CheckLength(manifest["name"]?["full"], "name.full", FullNameMax);
        return manifest;
    }

    private static async Task<EnvironmentSettings> LoadEnvironmentAsync(string manifestsDirectory, string environment, CancellationToken cancellationToken)
    {
        var known = KnownEnvironments(manifestsDirectory);
        if (!known.Contains(environment, StringComparer.Ordinal))
        {
            var list = known.Count > 0 ? string.Join(", ", known) : $"none (no files in {Path.Combine(manifestsDirectory, EnvironmentsFolder)})";
            throw new AppPackageException($"Unknown environment '{environment}'. Known environments: {list}.");
        }

        var path = Path.Combine(manifestsDirectory, EnvironmentsFolder, environment + ".json");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (JsonException ex)
        {
            throw new AppPackageException($"{path} is not valid JSON: {ex.Message}");
        }

        string Read(string name) => node?[name]?.GetValueKind() == JsonValueKind.String ? node[name]!.GetValue<string>() : "";
        return new EnvironmentSettings(Read("appId").Trim(), Read("botId").Trim(), Read("version").Trim(), Read("botDomain").Trim(), Read("nameSuffix"));
    }

    private static string RequireGuid(string what, string option, string value, string environment)
    {
        if (value.Length == 0)
        {
            throw new AppPackageException(
                $"The {what} for environment '{environment}' is not set: pass {option} <guid> or fill it in manifests/{EnvironmentsFolder}/{environment}.json.");
        }

        return Guid.TryParseExact(value, "D", out var guid)
            ? guid.ToString("D")
            : throw new AppPackageException($"Invalid {what} '{value}': expected a GUID such as 00000000-0000-0000-0000-000000000000.");
    }

    private static string RequireRootFileName(JsonNode manifest, string icon)
    {
        var name = manifest["icons"]?[icon]?.GetValue<string>();
        return name is { Length: > 0 } && name == Path.GetFileName(name) && !name.Contains('\\', StringComparison.Ordinal)
            ? name
            : throw new AppPackageException($"icons.{icon} in the manifest template must be a plain file name at the package root, not '{name}'.");
    }

    private static void CheckLength(JsonNode? node, string field, int max)
    {
        var text = node?.GetValue<string>() ?? "";
        if (text.Length > max)
        {
            throw new AppPackageException($"{field} is {text.Length} characters; Teams allows at most {max}: '{text}'.");
        }
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTimestamp;
        using var stream = entry.Open();
        stream.Write(content);
    }

    [GeneratedRegex(@"\{\{([A-Z0-9_]+)\}\}")]
    private static partial Regex PlaceholderPattern();

    // The same rule as the Teams schema's semver definition (numbers only), without leading zeros.
    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainPattern();

    private sealed record EnvironmentSettings(string AppId, string BotId, string Version, string BotDomain, string NameSuffix);
}

/// <summary>Bad packaging input (unknown environment, invalid override, broken template); the CLI answers with exit code 2.</summary>
internal sealed class AppPackageException : Exception
{
    public AppPackageException()
    {
    }

    public AppPackageException(string message)
        : base(message)
    {
    }

    public AppPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
