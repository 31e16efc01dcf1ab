using System.Text.Json;
using System.Text.Json.Serialization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Rekap;

/// <summary>
/// How a recap projection (<see cref="RekapProjection.Of"/>) is stored in its row, format <see cref="Version"/>: a
/// compact JSON document in <c>Doc</c> (split into <c>Doc1</c>… past 32 K characters, as every JSON document table),
/// with one- or two-letter names, dates as yyyymmdd numbers, statuses as one-letter codes, and without what the row's
/// keys already say (id, unit, year). The <c>F</c> column holds the format: a row without it (or with another) was
/// written by an earlier version and is never decoded as this one; the read checks it against its kegiatan and the
/// backfill (<see cref="TableRekapSource.BackfillMarker"/>) rewrites it. Lossless for what the projection keeps:
/// <c>Decode(Encode(p))</c> equals <c>p</c>.
/// </summary>
public static class RekapRowFormat
{
    /// <summary>This format. Bump it, and the backfill marker, when the row's content or encoding changes.</summary>
    public const int Version = 3;

    public const string FormatColumn = "F";

    /// <summary>The columns a read asks for ($select); a row split into more than one chunk is read again whole.</summary>
    public static readonly IReadOnlyList<string> ReadColumns =
        ["PartitionKey", "RowKey", FormatColumn, JsonDocumentTable<RekapRow>.DocumentColumn, JsonDocumentTable<RekapRow>.ChunkCountColumn,
            RekapProjectionTable.RevisionColumn, RekapProjectionTable.ConfirmedColumn, RekapProjectionTable.AtColumn];

    internal static JsonSerializerOptions Options => RekapRowJson.Default.Options;

    /// <summary>True when the row was written in this format.</summary>
    public static bool IsCurrent(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.GetInt32(FormatColumn) == Version;
    }

    /// <summary>True when the row's document is split and a $select read holds only its first chunk.</summary>
    public static bool IsSplit(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (row.GetInt32(JsonDocumentTable<RekapRow>.ChunkCountColumn) ?? 1) > 1;
    }

    /// <summary>The document of a projection, as stored.</summary>
    public static string Encode(Domain.Workflow.Kegiatan projection) => JsonSerializer.Serialize(ToRow(projection), RekapRowJson.Default.RekapRow);

    /// <summary>The projection a row of this format holds (<see cref="IsCurrent"/>, every chunk present).</summary>
    public static Domain.Workflow.Kegiatan Decode(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!IsCurrent(row)) throw new InvalidOperationException($"Row ({row.PartitionKey}, {row.RowKey}) is not in recap row format {Version}.");
        var chunks = row.GetInt32(JsonDocumentTable<RekapRow>.ChunkCountColumn) ?? 1;
        var json = chunks == 1 ? Chunk(row, 0) : string.Concat(Enumerable.Range(0, chunks).Select(i => Chunk(row, i)));
        var doc = JsonSerializer.Deserialize(json, RekapRowJson.Default.RekapRow)
            ?? throw new InvalidOperationException($"Row ({row.PartitionKey}, {row.RowKey}) holds an empty document.");
        var (year, unit) = Keys(row.PartitionKey);
        return FromRow(doc, TableKeys.Unescape(row.RowKey), unit, year);
    }

    internal static RekapRow ToRow(Domain.Workflow.Kegiatan k)
    {
        ArgumentNullException.ThrowIfNull(k);
        return new RekapRow
        {
            SopCode = k.SopCode == RekapService.SopCode ? null : k.SopCode,
            SopVersion = k.SopVersion,
            SubProcess = k.SubProcess,
            Kind = k.Kind == WorkflowKind.SiklusTahunan ? "T" : null,
            Title = k.Title,
            StakeholderCategory = k.StakeholderCategory,
            Bentuk = k.Bentuk,
            OfficerId = k.OfficerId,
            CreatedTicks = k.CreatedAt.UtcTicks,
            CreatedOffset = k.CreatedAt.Offset == TimeSpan.Zero ? null : (int)k.CreatedAt.Offset.TotalMinutes,
            Status = KegiatanCodes.Code(k.Status),
            CurrentStepId = k.CurrentStepId,
            Steps = [.. k.Steps.Select(s => new RekapStepRow
            {
                StepId = s.StepId,
                Status = StepCodes.Code(s.Status),
                StartedOn = Day(s.StartedOn),
                DueOn = Day(s.DueOn),
                CompletedOn = Day(s.CompletedOn),
                LateHk = s.LateHk,
                SubmittedOn = Day(s.SubmittedOn),
                OutputReference = s.OutputReference,
                References = s.Kelengkapan.Count == 0 ? null : [.. s.Kelengkapan.Select(x => x.Reference)],
            })],
        };
    }

    private static Domain.Workflow.Kegiatan FromRow(RekapRow r, string id, string unitId, int year)
    {
        var steps = new List<StepRecord>(r.Steps?.Count ?? 0);
        foreach (var s in r.Steps ?? [])
        {
            steps.Add(new StepRecord
            {
                StepId = s.StepId,
                Status = StepCodes.Of(s.Status),
                StartedOn = Day(s.StartedOn),
                DueOn = Day(s.DueOn),
                CompletedOn = Day(s.CompletedOn),
                LateHk = s.LateHk,
                SubmittedOn = Day(s.SubmittedOn),
                OutputReference = s.OutputReference,
                Kelengkapan = s.References is null ? [] : [.. s.References.Select(RekapProjection.Evidence)],
            });
        }

        return new Domain.Workflow.Kegiatan
        {
            Id = id,
            SopCode = r.SopCode ?? RekapService.SopCode,
            SopVersion = r.SopVersion,
            SubProcess = r.SubProcess,
            Kind = r.Kind == "T" ? WorkflowKind.SiklusTahunan : WorkflowKind.PerKegiatan,
            Title = r.Title,
            StakeholderCategory = r.StakeholderCategory,
            Bentuk = r.Bentuk,
            UnitId = unitId,
            OfficerId = r.OfficerId,
            Year = year,
            CreatedAt = new DateTimeOffset(r.CreatedTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(r.CreatedOffset ?? 0)),
            Status = KegiatanCodes.Of(r.Status),
            CurrentStepId = r.CurrentStepId,
            Steps = steps,
        };
    }

    private static (int Year, string UnitId) Keys(string partitionKey)
    {
        var bar = partitionKey.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && int.TryParse(partitionKey.AsSpan(0, bar), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            ? (year, TableKeys.Unescape(partitionKey[(bar + 1)..]))
            : throw new InvalidOperationException($"'{partitionKey}' is not a recap partition (year|unit).");
    }

    private static string Chunk(TableEntity row, int i) =>
        row.GetString(i == 0 ? JsonDocumentTable<RekapRow>.DocumentColumn : JsonDocumentTable<RekapRow>.DocumentColumn + i)
        ?? throw new InvalidOperationException($"Row ({row.PartitionKey}, {row.RowKey}) is missing document chunk {i}.");

    private static int? Day(DateOnly? day) => day is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : null;

    private static DateOnly? Day(int? day) => day is { } d ? new DateOnly(d / 10000, d / 100 % 100, d % 100) : null;

    private static readonly RowCodes<KegiatanStatus> KegiatanCodes = new(
        (KegiatanStatus.Berjalan, "B"), (KegiatanStatus.Selesai, "S"), (KegiatanStatus.Dibatalkan, "D"));

    private static readonly RowCodes<StepStatus> StepCodes = new(
        (StepStatus.MenungguKelengkapan, "K"), (StepStatus.Berjalan, "B"), (StepStatus.Ditunda, "T"),
        (StepStatus.MenungguDisposisi, "M"), (StepStatus.Selesai, "S"), (StepStatus.Dilewati, "L"));

    /// <summary>One-letter row codes of a status enum, both ways; a value or code outside the table is refused.</summary>
    private sealed class RowCodes<T>(params (T Value, string Code)[] pairs) where T : struct, Enum
    {
        private readonly Dictionary<T, string> _codes = pairs.ToDictionary(p => p.Value, p => p.Code);
        private readonly Dictionary<string, T> _values = pairs.ToDictionary(p => p.Code, p => p.Value, StringComparer.Ordinal);

        public string Code(T value) =>
            _codes.TryGetValue(value, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, "no row code");

        public T Of(string code) =>
            _values.TryGetValue(code, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(T).Name} code '{code}' in a recap row.");
    }
}

/// <summary>A recap row's document (<see cref="RekapRowFormat"/>): short names, nulls left out.</summary>
public sealed class RekapRow
{
    [JsonPropertyName("p")] public string? SopCode { get; init; }
    [JsonPropertyName("v")] public required string SopVersion { get; init; }
    [JsonPropertyName("s")] public required string SubProcess { get; init; }

    /// <summary>"T" for a siklus tahunan; null for a per-kegiatan workflow.</summary>
    [JsonPropertyName("j")] public string? Kind { get; init; }
    [JsonPropertyName("t")] public required string Title { get; init; }
    [JsonPropertyName("c")] public string? StakeholderCategory { get; init; }
    [JsonPropertyName("b")] public string? Bentuk { get; init; }
    [JsonPropertyName("o")] public required string OfficerId { get; init; }

    /// <summary>CreatedAt as UTC ticks, and its offset in minutes when not zero.</summary>
    [JsonPropertyName("a")] public long CreatedTicks { get; init; }
    [JsonPropertyName("z")] public int? CreatedOffset { get; init; }
    [JsonPropertyName("k")] public required string Status { get; init; }
    [JsonPropertyName("n")] public string? CurrentStepId { get; init; }
    [JsonPropertyName("x")] public List<RekapStepRow>? Steps { get; init; }
}

/// <summary>One step in a recap row: dates as yyyymmdd, the Kelengkapan as their references only.</summary>
public sealed class RekapStepRow
{
    [JsonPropertyName("i")] public required string StepId { get; init; }
    [JsonPropertyName("s")] public required string Status { get; init; }
    [JsonPropertyName("b")] public int? StartedOn { get; init; }
    [JsonPropertyName("d")] public int? DueOn { get; init; }
    [JsonPropertyName("e")] public int? CompletedOn { get; init; }
    [JsonPropertyName("l")] public int? LateHk { get; init; }
    [JsonPropertyName("m")] public int? SubmittedOn { get; init; }
    [JsonPropertyName("o")] public string? OutputReference { get; init; }
    [JsonPropertyName("r")] public List<string>? References { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RekapRow))]
internal sealed partial class RekapRowJson : JsonSerializerContext;
