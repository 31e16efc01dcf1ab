using System.Text.RegularExpressions;

namespace BpomBot.Domain.Faq;

/// <summary>A validated set of FAQ entries. Build it with <see cref="Create"/>; it never holds an invalid entry.</summary>
public sealed partial class FaqKnowledgeBase
{
    private readonly Dictionary<string, FaqEntry> byId;

    private FaqKnowledgeBase(IReadOnlyList<FaqEntry> entries)
    {
        Entries = entries;
        byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<FaqEntry> Entries { get; }

    public FaqEntry? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Checks every entry and throws one <see cref="FaqValidationException"/> listing all problems.</summary>
    public static FaqKnowledgeBase Create(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var errors = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var e = list[i];
            var where = $"{e.SourceFile}: entry '{(string.IsNullOrWhiteSpace(e.Id) ? $"#{i + 1}" : e.Id)}'";
            if (string.IsNullOrWhiteSpace(e.Id))
            {
                errors.Add($"{where}: missing id");
            }
            else if (!IdPattern().IsMatch(e.Id))
            {
                errors.Add($"{where}: id must be lower-case words joined by '-'");
            }
            else if (seen.TryGetValue(e.Id, out var firstFile))
            {
                errors.Add($"{where}: duplicate id (first defined in {firstFile})");
            }
            else
            {
                seen[e.Id] = e.SourceFile;
            }

            Require(errors, where, "category", e.Category);
            Require(errors, where, "title.id", e.Title?.Id);
            Require(errors, where, "title.en", e.Title?.En);
            Require(errors, where, "answer.id", e.Answer?.Id);
            Require(errors, where, "answer.en", e.Answer?.En);
            if (e.QuestionsId is null || e.QuestionsId.Count(q => !string.IsNullOrWhiteSpace(q)) < 2)
            {
                errors.Add($"{where}: questions.id needs at least 2 sample questions");
            }

            if (e.QuestionsEn is null || !e.QuestionsEn.Any(q => !string.IsNullOrWhiteSpace(q)))
            {
                errors.Add($"{where}: questions.en needs at least 1 sample question");
            }

            if (e.LastReviewed == default)
            {
                errors.Add($"{where}: missing last_reviewed date");
            }
        }

        if (list.Count == 0)
        {
            errors.Add("knowledge base is empty");
        }

        return errors.Count > 0 ? throw new FaqValidationException(errors) : new FaqKnowledgeBase(list);
    }

    private static void Require(List<string> errors, string where, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{where}: missing or empty {field}");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}

/// <summary>The knowledge base files have problems; <see cref="Errors"/> names file and entry for each.</summary>
public sealed class FaqValidationException : Exception
{
    public FaqValidationException(IReadOnlyList<string> errors)
        : base("FAQ knowledge base is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors ?? []))
    {
        Errors = errors ?? [];
    }

    public FaqValidationException()
        : this([])
    {
    }

    public FaqValidationException(string message)
        : this([message])
    {
    }

    public FaqValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
