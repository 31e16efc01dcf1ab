using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Understanding;

/// <summary>A message reduced to normal words, with the details that were cut out of it on the way.</summary>
/// <param name="Tokens">Normal words: lower case, no accents, abbreviations expanded, particles dropped, typos corrected.</param>
/// <param name="Raw">The text without markup, links and letter numbers (for the date recognizer and reasons).</param>
/// <param name="Reference">A link or nomor surat found in the text.</param>
/// <param name="StepId">A step id such as A.3.</param>
/// <param name="Question">True when the text asks (ends with a question mark).</param>
/// <param name="FirstClause">How many of <paramref name="Tokens"/> come before the first comma or semicolon.</param>
public sealed record NormalText(IReadOnlyList<string> Tokens, string Raw, string? Reference, string? StepId, bool Question, int FirstClause = int.MaxValue);

/// <summary>Turns chat text into normal words. Stateless and allocation-light; safe to share.</summary>
public static partial class TextNormalizer
{
    /// <summary>Longer messages are read from their start only (a pasted document is not a command).</summary>
    public const int MaxLength = 600;

    /// <summary>Placeholder word for a step id cut out of the text.</summary>
    public const string StepToken = "stepid";

    /// <summary>Placeholder word for a link or a nomor surat cut out of the text.</summary>
    public const string ReferenceToken = "nomor surat";

    public static NormalText Normalize(string? text)
    {
        var raw = text ?? string.Empty;
        if (raw.Length > MaxLength) raw = raw[..MaxLength];
        raw = Entity().Replace(Markup().Replace(raw, " "), " ");
        string? reference = null;
        var url = Url().Match(raw);
        if (url.Success)
        {
            reference = url.Value.TrimEnd('.', ',', ')');
            raw = raw.Replace(url.Value, " link ", StringComparison.Ordinal);
        }

        var letter = LetterNumber().Matches(raw).FirstOrDefault(m => m.Value.Any(char.IsLetter));
        if (letter is not null)
        {
            reference ??= letter.Value;
            raw = raw.Replace(letter.Value, " " + ReferenceToken + " ", StringComparison.Ordinal);
        }

        string? stepId = null;
        var step = StepId().Match(raw);
        var scan = raw;
        if (step.Success)
        {
            stepId = $"{char.ToUpperInvariant(step.Groups[1].Value[0])}.{int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture)}";
            scan = raw.Replace(step.Value, " " + StepToken + " ", StringComparison.Ordinal);
        }

        var question = raw.TrimEnd().EndsWith('?');
        var tokens = new List<string>();
        var cut = scan.IndexOfAny([',', ';']);
        var firstClause = int.MaxValue;
        foreach (var word in Fold(cut < 0 ? scan : scan[..cut]).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Add(tokens, word);
        }

        if (cut >= 0)
        {
            firstClause = tokens.Count(t => !IntentCatalog.Particles.Contains(t));
            foreach (var word in Fold(scan[cut..]).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(tokens, word);
            }
        }

        var meaningful = tokens.Where(t => !IntentCatalog.Particles.Contains(t)).ToList();
        return meaningful.Count > 0
            ? new NormalText(meaningful, raw.Trim(), reference, stepId, question, firstClause)
            : new NormalText(tokens, raw.Trim(), reference, stepId, question);
    }

    private static void Add(List<string> tokens, string word)
    {
        word = Repeats().Replace(word, "$1");
        if (IntentCatalog.Abbreviations.TryGetValue(word, out var expanded))
        {
            tokens.AddRange(expanded.Split(' '));
            return;
        }

        var vocabulary = IntentCatalog.Vocabulary;
        if (vocabulary.Contains(word) || IntentRecognizer.DateWords.Contains(word) || word.Any(char.IsDigit) || word.Length < 5)
        {
            tokens.Add(word);
            return;
        }

        // Possessive endings, and the Jakarta "-in" verb ending (mulaiin, selesaiin, jalanin: mulai, selesai, jalan).
        foreach (var suffix in (string[])["nya", "ku", "mu", "in"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word[..^suffix.Length] is { Length: >= 4 } stem
                && (vocabulary.Contains(stem) || IntentCatalog.Abbreviations.ContainsKey(stem)))
            {
                Add(tokens, stem);
                return;
            }
        }

        tokens.Add(Correct(word) ?? word);
    }

    /// <summary>The one closest vocabulary word within reach of a mistyped word, or null when none or several are.</summary>
    private static string? Correct(string word)
    {
        var best = TypoCorrector.MaxDistance(word.Length);
        string? found = null;
        var tie = false;
        foreach (var known in CorrectionTargets)
        {
            if (known.Length < 5 || Math.Abs(known.Length - word.Length) > best) continue;
            var distance = TypoCorrector.Distance(word, known, best);
            if (distance > best) continue;
            if (found is null || distance < best)
            {
                (found, best, tie) = (known, distance, false);
            }
            else if (known != found && !SameCommand(known, found))
            {
                tie = true;
            }
            else if (known.Length > found.Length)
            {
                found = known; // "slesai": "selesai" rather than its abbreviation "slsai"
            }
        }

        return tie ? null : found;
    }

    /// <summary>Known words a typo may be corrected to: everyday-topic words are only taken as spelled.</summary>
    private static readonly string[] CorrectionTargets =
        [.. IntentCatalog.Vocabulary.Where(w => w.Length >= 5).Except(IntentCatalog.OffTopic.SelectMany(p => p.Split(' ')).Except(NonTopicWords()))];

    private static IEnumerable<string> NonTopicWords() =>
        IntentCatalog.Cues.Select(c => c.Phrase).Concat(IntentCatalog.FaqCues.Select(c => c.Phrase)).Concat(IntentCatalog.CommandWords.Keys).SelectMany(p => p.Split(' '));

    private static bool SameCommand(string a, string b) =>
        IntentCatalog.CommandWords.TryGetValue(a, out var x) && IntentCatalog.CommandWords.TryGetValue(b, out var y) && x.Intent == y.Intent;

    /// <summary>Lower-case letters and digits without accents; everything else becomes a space.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.IsLetterOrDigit(c) && c < 0x2000 ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"&[a-zA-Z]{2,8};|&#\d{1,6};")]
    private static partial Regex Entity();

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b[A-Za-z0-9][A-Za-z0-9.\-]*/[A-Za-z0-9./\-]*[A-Za-z0-9]\b")]
    private static partial Regex LetterNumber();

    [GeneratedRegex(@"\b([A-Da-d])\s?\.\s?(\d{1,2})\b")]
    private static partial Regex StepId();

    [GeneratedRegex(@"([a-z])\1{2,}")]
    private static partial Regex Repeats();
}
