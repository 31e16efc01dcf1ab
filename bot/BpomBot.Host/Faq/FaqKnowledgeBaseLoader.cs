using System.Globalization;
using BpomBot.Domain.Faq;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BpomBot.Host.Faq;

/// <summary>
/// Reads the FAQ knowledge base from YAML (one file per category, shipped embedded in BpomBot.Domain) and validates it.
/// Every problem is reported with its file and entry id.
/// </summary>
internal static class FaqKnowledgeBaseLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly Lazy<FaqKnowledgeBase> EmbeddedKnowledgeBase = new(() => Load(FaqData.KnowledgeBaseFiles()));

    /// <summary>The knowledge base that ships with the bot (loaded and validated once).</summary>
    public static FaqKnowledgeBase Embedded => EmbeddedKnowledgeBase.Value;

    public static FaqKnowledgeBase Load(IEnumerable<(string Name, string Text)> files)
    {
        var entries = new List<FaqEntry>();
        var errors = new List<string>();
        foreach (var (name, text) in files)
        {
            FaqFileDto? file;
            try
            {
                file = Yaml.Deserialize<FaqFileDto>(text);
            }
            catch (YamlException ex)
            {
                errors.Add($"{name}: YAML error at line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message}");
                continue;
            }

            if (file?.Entries is null || file.Entries.Count == 0)
            {
                errors.Add($"{name}: no entries");
                continue;
            }

            foreach (var (dto, index) in file.Entries.Select((e, i) => (e, i)))
            {
                var date = default(DateOnly);
                if (dto.LastReviewed is { Length: > 0 } raw && !DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                    errors.Add($"{name}: entry '{dto.Id ?? $"#{index + 1}"}': last_reviewed '{raw}' is not a yyyy-MM-dd date");
                    continue;
                }

                entries.Add(new FaqEntry(
                    dto.Id?.Trim() ?? string.Empty,
                    dto.Category ?? file.Category ?? string.Empty,
                    new FaqText(dto.Title?.Id?.Trim() ?? string.Empty, dto.Title?.En?.Trim() ?? string.Empty),
                    Clean(dto.Questions?.Id),
                    Clean(dto.Questions?.En),
                    Clean(dto.Keywords),
                    new FaqText(dto.Answer?.Id?.Trim() ?? string.Empty, dto.Answer?.En?.Trim() ?? string.Empty),
                    Clean(dto.Links),
                    date,
                    name,
                    dto.Source?.Trim() is { Length: > 0 } source ? source : null));
            }
        }

        FaqKnowledgeBase? knowledgeBase = null;
        if (entries.Count > 0 || errors.Count == 0)
        {
            try
            {
                knowledgeBase = FaqKnowledgeBase.Create(entries);
            }
            catch (FaqValidationException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        return errors.Count > 0 || knowledgeBase is null ? throw new FaqValidationException(errors) : knowledgeBase;
    }

    private static string[] Clean(List<string>? values) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];

    private sealed class FaqFileDto
    {
        public string? Category { get; set; }

        public List<FaqEntryDto>? Entries { get; set; }
    }

    private sealed class FaqEntryDto
    {
        public string? Id { get; set; }

        public string? Category { get; set; }

        public string? LastReviewed { get; set; }

        public TextDto? Title { get; set; }

        public List<string>? Keywords { get; set; }

        public QuestionsDto? Questions { get; set; }

        public TextDto? Answer { get; set; }

        public List<string>? Links { get; set; }

        /// <summary>The regulation or official page the answer rests on (shown on the answer card).</summary>
        public string? Source { get; set; }
    }

    private sealed class TextDto
    {
        public string? Id { get; set; }

        public string? En { get; set; }
    }

    private sealed class QuestionsDto
    {
        public List<string>? Id { get; set; }

        public List<string>? En { get; set; }
    }
}
