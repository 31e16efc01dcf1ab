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
public sealed record NormalText(IReadOnlyList<string> Tokens, string Raw, string? Reference, string? StepId, bool Question);

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
        foreach (var word in Fold(scan).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Add(tokens, word);
        }

        var meaningful = tokens.Where(t => !IntentCatalog.Particles.Contains(t)).ToList();
        return new NormalText(meaningful.Count > 0 ? meaningful : tokens, raw.Trim(), reference, stepId, question);
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
        if (vocabulary.Contains(word) || word.Any(char.IsDigit) || word.Length < 5)
        {
            tokens.Add(word);
            return;
        }

        foreach (var suffix in (string[])["nya", "ku", "mu"])
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
        foreach (var known in IntentCatalog.Vocabulary)
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
