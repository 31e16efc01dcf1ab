using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace BpomBot.Domain.Sop;

/// <summary>A problem in an SOP file, located by JSON path and, where known, step id.</summary>
public sealed record SopValidationError(string Path, string? StepId, string Message)
{
    public override string ToString() => StepId is null ? $"{Path}: {Message}" : $"{Path} ({StepId}): {Message}";
}

public sealed record SopLoadResult(SopDefinition? Definition, IReadOnlyList<SopValidationError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}

/// <summary>The SOP file did not load; <see cref="Errors"/> says where.</summary>
public sealed class SopDefinitionException(string source, IReadOnlyList<SopValidationError> errors)
    : Exception($"SOP {source} tidak valid: {string.Join("; ", errors)}")
{
    public IReadOnlyList<SopValidationError> Errors { get; } = errors;
}

/// <summary>Reads and validates an SOP JSON file: structure first, then the rules between steps.</summary>
public static partial class SopDefinitionLoader
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The definition as JSON in the file format (loads back to an equal definition).</summary>
    public static string ToJson(SopDefinition definition) => JsonSerializer.Serialize(definition, JsonOptions);

    public static SopLoadResult Load(string json)
    {
        SopFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SopFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var path = ex.Path ?? "$";
            return new(null, [new SopValidationError(path, StepIdAt(json, path), Describe(ex))]);
        }

        if (file is null)
        {
            return new(null, [new SopValidationError("$", null, "berkas kosong")]);
        }

        var definition = file.ToDefinition();
        var errors = Validate(definition);
        return new(errors.Count == 0 ? definition : null, errors);
    }

    public static SopDefinition LoadOrThrow(string json, string source)
    {
        var result = Load(json);
        return result.IsValid ? result.Definition! : throw new SopDefinitionException(source, result.Errors);
    }

    public static IReadOnlyList<SopValidationError> Validate(SopDefinition sop)
    {
        var errors = new List<SopValidationError>();
        void Add(string path, string? step, string message) => errors.Add(new(path, step, message));

        if (string.IsNullOrWhiteSpace(sop.Code)) Add("$.code", null, "kode SOP kosong");
        if (string.IsNullOrWhiteSpace(sop.Revision.Number)) Add("$.revision.number", null, "nomor revisi kosong");
        if (sop.EffectiveOn < sop.CreatedOn) Add("$.effectiveOn", null, "tanggal efektif sebelum tanggal pembuatan");
        if (sop.SubProcesses.Count == 0) Add("$.subProcesses", null, "tidak ada sub-proses");

        CheckUniqueIds(sop.Roles.Select(r => r.Id), "$.roles", "peran", Add);
        CheckUniqueIds(sop.StakeholderCategories.Select(r => r.Id), "$.stakeholderCategories", "kategori pemangku kepentingan", Add);
        CheckUniqueIds(sop.Forms.Select(r => r.Id), "$.forms", "bentuk", Add);
        CheckUniqueIds(sop.SubProcesses.Select(r => r.Code), "$.subProcesses", "sub-proses", Add);

        var roles = sop.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var stakeholders = sop.StakeholderCategories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var forms = sop.Forms.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var allSteps = new Dictionary<string, (int Sub, int Index)>(StringComparer.Ordinal);
        for (var s = 0; s < sop.SubProcesses.Count; s++)
        {
            var sub = sop.SubProcesses[s];
            for (var i = 0; i < sub.Steps.Count; i++)
            {
                var step = sub.Steps[i];
                if (!allSteps.TryAdd(step.Id, (s, i)))
                {
                    Add($"$.subProcesses[{s}].steps[{i}].id", step.Id, $"id langkah {step.Id} ganda");
                }
            }
        }

        for (var s = 0; s < sop.SubProcesses.Count; s++)
        {
            var sub = sop.SubProcesses[s];
            var subPath = $"$.subProcesses[{s}]";
            if (sub.Steps.Count == 0) Add($"{subPath}.steps", null, $"sub-proses {sub.Code} tidak punya langkah");
            for (var i = 0; i < sub.StakeholderCategories.Count; i++)
            {
                if (!stakeholders.Contains(sub.StakeholderCategories[i]))
                    Add($"{subPath}.stakeholderCategories[{i}]", null, $"kategori pemangku kepentingan '{sub.StakeholderCategories[i]}' tidak dikenal");
            }

            for (var i = 0; i < sub.Forms.Count; i++)
            {
                if (!forms.Contains(sub.Forms[i]))
                    Add($"{subPath}.forms[{i}]", null, $"bentuk '{sub.Forms[i]}' tidak dikenal");
            }

            for (var i = 0; i < sub.Steps.Count; i++)
            {
                ValidateStep(sub, i, $"{subPath}.steps[{i}]", roles, Add);
            }
        }

        return errors;
    }

    private static void ValidateStep(
        SopSubProcess sub, int index, string path, Dictionary<string, SopRole> roles, Action<string, string?, string> add)
    {
        var step = sub.Steps[index];
        var id = step.Id;
        if (!StepIdPattern().IsMatch(id) || !id.StartsWith(sub.Code + ".", StringComparison.Ordinal))
            add($"{path}.id", id, $"id langkah harus berbentuk '{sub.Code}.<nomor>'");
        else if (id != $"{sub.Code}.{step.No}")
            add($"{path}.no", id, $"nomor {step.No} tidak sesuai dengan id {id}");

        if (string.IsNullOrWhiteSpace(step.Aktivitas)) add($"{path}.aktivitas", id, "aktivitas kosong");
        if (string.IsNullOrWhiteSpace(step.Output)) add($"{path}.output", id, "output kosong");
        if (step.WaktuHk is <= 0) add($"{path}.waktuHk", id, $"waktu harus bilangan HK positif atau null (N/A), bukan {step.WaktuHk}");

        if (step.Executors.Count == 0) add($"{path}.executors", id, "pelaksana kosong");
        for (var e = 0; e < step.Executors.Count; e++)
        {
            if (!roles.ContainsKey(step.Executors[e]))
                add($"{path}.executors[{e}]", id, $"pelaksana '{step.Executors[e]}' tidak dikenal");
        }

        if (step.ExecutorInferred && string.IsNullOrWhiteSpace(step.ExecutorBasis))
            add($"{path}.executorBasis", id, "pelaksana disimpulkan tetapi dasar penyimpulan kosong");

        if (step.Kelengkapan.Count == 0) add($"{path}.kelengkapan", id, "kelengkapan kosong");
        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < step.Kelengkapan.Count; k++)
        {
            var item = step.Kelengkapan[k];
            var itemPath = $"{path}.kelengkapan[{k}]";
            if (!itemIds.Add(item.Id)) add($"{itemPath}.id", id, $"id kelengkapan '{item.Id}' ganda");
            if (item.Alternatives.Count == 0 || item.Alternatives.Any(string.IsNullOrWhiteSpace))
                add($"{itemPath}.alternatives", id, "alternatif kelengkapan kosong");
            if (item.FromOutputOf is { } from && sub.Steps.All(x => x.Id != from))
                add($"{itemPath}.fromOutputOf", id, $"langkah sumber '{from}' tidak ada di sub-proses {sub.Code}");
        }

        CheckTarget(step.Next, $"{path}.next", "langkah berikutnya");
        if (step.Next is { } next && sub.Steps.FirstOrDefault(x => x.Id == next) is { } n && n.Kind != step.Kind)
            add($"{path}.next", id, $"langkah berikutnya {next} berjenis alur lain ({n.Kind})");

        var branchIds = new HashSet<string>(StringComparer.Ordinal);
        for (var b = 0; b < step.Branches.Count; b++)
        {
            var branch = step.Branches[b];
            if (!branchIds.Add(branch.Id)) add($"{path}.branches[{b}].id", id, $"id cabang '{branch.Id}' ganda");
            if (string.IsNullOrWhiteSpace(branch.Label)) add($"{path}.branches[{b}].label", id, "label cabang kosong");
            CheckTarget(branch.To, $"{path}.branches[{b}].to", "tujuan cabang");
        }

        if (step.Disposisi is { } d)
        {
            if (d.Roles.Count == 0) add($"{path}.disposisi.roles", id, "peran pimpinan kosong");
            for (var r = 0; r < d.Roles.Count; r++)
            {
                if (!roles.TryGetValue(d.Roles[r], out var role))
                    add($"{path}.disposisi.roles[{r}]", id, $"peran '{d.Roles[r]}' tidak dikenal");
                else if (!role.Leader)
                    add($"{path}.disposisi.roles[{r}]", id, $"peran '{d.Roles[r]}' bukan pimpinan");
            }
        }

        if (step.QuarterDeadline && step.WaktuHk is null)
            add($"{path}.quarterDeadline", id, "batas triwulan memerlukan waktu HK");

        void CheckTarget(string? target, string targetPath, string what)
        {
            if (target is null) return;
            var targetIndex = sub.Steps.ToList().FindIndex(x => x.Id == target);
            if (targetIndex < 0) add(targetPath, id, $"{what} '{target}' tidak ada di sub-proses {sub.Code}");
            else if (targetIndex <= index) add(targetPath, id, $"{what} '{target}' harus sesudah {id} (alur tidak boleh mundur)");
        }
    }

    private static void CheckUniqueIds(IEnumerable<string> ids, string path, string what, Action<string, string?, string> add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id)) add($"{path}[{i}]", null, $"id {what} kosong");
            else if (!seen.Add(id)) add($"{path}[{i}]", null, $"id {what} '{id}' ganda");
            i++;
        }
    }

    private static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? $" (baris {line + 1})" : string.Empty;
        var message = ex.Message.Split(" Path:", 2)[0];
        var required = RequiredPattern().Match(message);
        var detail = required.Success ? $"properti wajib tidak ada: {required.Groups[1].Value}"
            : message.Contains("could not be mapped", StringComparison.Ordinal) ? "properti tidak dikenal"
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "tipe nilai salah"
            : message;
        return $"struktur tidak valid{where}: {detail}";
    }

    /// <summary>Best effort: the id of the step a JSON path points into, read from the raw document.</summary>
    private static string? StepIdAt(string json, string path)
    {
        var match = StepPathPattern().Match(path);
        if (!match.Success) return null;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var step = doc.RootElement.GetProperty("subProcesses")[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]
                .GetProperty("steps")[int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
            return step.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Z]\.[1-9][0-9]*$")]
    private static partial Regex StepIdPattern();

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex RequiredPattern();

    [GeneratedRegex(@"^\$\.subProcesses\[(\d+)\]\.steps\[(\d+)\]")]
    private static partial Regex StepPathPattern();

    /// <summary>The file shape: the definition plus the optional "$schema" pointer.</summary>
    private sealed record SopFile
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; init; }

        public required string Code { get; init; }
        public required string Name { get; init; }
        public required DateOnly CreatedOn { get; init; }
        public required SopRevision Revision { get; init; }
        public required DateOnly EffectiveOn { get; init; }
        public string? ApprovedBy { get; init; }
        public IReadOnlyList<RelatedSop> RelatedSops { get; init; } = [];
        public required IReadOnlyList<SopRole> Roles { get; init; }
        public IReadOnlyList<SopChoice> StakeholderCategories { get; init; } = [];
        public IReadOnlyList<SopChoice> Forms { get; init; } = [];
        public required IReadOnlyList<SopSubProcess> SubProcesses { get; init; }

        public SopDefinition ToDefinition() => new()
        {
            Code = Code, Name = Name, CreatedOn = CreatedOn, Revision = Revision, EffectiveOn = EffectiveOn,
            ApprovedBy = ApprovedBy, RelatedSops = RelatedSops, Roles = Roles,
            StakeholderCategories = StakeholderCategories, Forms = Forms, SubProcesses = SubProcesses,
        };
    }
}
