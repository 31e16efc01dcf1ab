using System.Globalization;
using System.Text;

namespace BpomBot.Domain.Faq;

/// <summary>
/// Turns chat text into index terms: lower-casing, tokenising (reduplication "gatal2"/"obat-obat", short hyphen
/// joins "p-irt"), slang expansion, stopword removal and stemming (Indonesian ECS, or light English for English-only words).
/// </summary>
internal sealed class FaqTextAnalyzer
{
    private readonly FaqLexicon lexicon;
    private readonly IndonesianStemmer stemmer;
    private readonly IReadOnlySet<string> englishOnly;

    public FaqTextAnalyzer(FaqLexicon lexicon, IReadOnlySet<string> rootsId, IReadOnlySet<string> englishOnly)
    {
        this.lexicon = lexicon;
        stemmer = new IndonesianStemmer(rootsId);
        this.englishOnly = englishOnly;
    }

    public IndonesianStemmer Stemmer => stemmer;

    /// <summary>Lower-cased words after slang expansion, stopwords kept.</summary>
    public List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (var raw in RawTokens(text))
        {
            foreach (var piece in SplitHyphen(raw))
            {
                if (lexicon.Slang.TryGetValue(piece, out var expansion))
                {
                    tokens.AddRange(expansion);
                }
                else
                {
                    tokens.Add(piece);
                }
            }
        }

        return tokens;
    }

    public FaqLanguage GuessLanguage(IReadOnlyList<string> tokens)
    {
        int en = 0, id = 0;
        foreach (var t in tokens)
        {
            var isEn = lexicon.StopwordsEn.Contains(t) || englishOnly.Contains(t);
            var isId = lexicon.StopwordsId.Contains(t) || stemmer.IsRoot(t);
            if (isEn && !isId)
            {
                en++;
            }
            else if (isId && !isEn)
            {
                id++;
            }
        }

        return en > id ? FaqLanguage.En : FaqLanguage.Id;
    }

    /// <summary>Stopwords, and bare numbers of one or two digits ("2 hari"), which carry no topic.</summary>
    public bool IsStopword(string token) =>
        lexicon.StopwordsId.Contains(token) || lexicon.StopwordsEn.Contains(token) || (token.Length <= 2 && token.All(char.IsAsciiDigit));

    /// <summary>The index term for one token: Indonesian stem when a root is found, otherwise a light English stem.</summary>
    public string Stem(string token)
    {
        if (englishOnly.Contains(token))
        {
            return EnglishStemmer.Stem(token);
        }

        var id = stemmer.Stem(token);
        return id != token || stemmer.IsRoot(token) || char.IsDigit(token[^1]) ? id : EnglishStemmer.Stem(token);
    }

    /// <summary>Content terms of a text: tokenised, stopwords dropped, stemmed.</summary>
    public List<string> Terms(string text) => [.. Tokenize(text).Where(t => !IsStopword(t)).Select(Stem)];

    private static IEnumerable<string> RawTokens(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormKD))
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch) || (ch == '-' && sb.Length > 0))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (sb.Length > 0)
            {
                yield return Trimmed(sb);
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            yield return Trimmed(sb);
        }
    }

    private static string Trimmed(StringBuilder sb)
    {
        var s = sb.ToString().Trim('-');

        // Chat reduplication: "gatal2" means "gatal-gatal".
        if (s.Length > 3 && s[^1] == '2' && char.IsLetter(s[^2]))
        {
            s = s[..^1];
        }

        return s;
    }

    private static IEnumerable<string> SplitHyphen(string token)
    {
        if (!token.Contains('-', StringComparison.Ordinal))
        {
            if (token.Length > 0)
            {
                yield return token;
            }

            yield break;
        }

        var parts = token.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Distinct(StringComparer.Ordinal).Count() == 1)
        {
            yield return parts[0];
        }
        else if (parts.Any(p => p.Length <= 2))
        {
            yield return string.Concat(parts);
        }
        else
        {
            foreach (var p in parts)
            {
                yield return p;
            }
        }
    }
}
