using System.Collections.Concurrent;

namespace BpomBot.Domain.Faq;

/// <summary>
/// Indonesian stemmer after the Enhanced Confix Stripping (ECS) algorithm:
/// J. Asian, H. E. Williams, S. M. M. Tahaghoghi, "Stemming Indonesian" (ACSC 2005, confix stripping, which refines
/// B. Nazief and M. Adriani, "Confix-stripping: approach to stemming algorithm for Bahasa Indonesia", 1996), and
/// A. Z. Arifin, I. P. A. K. Mahendra, H. T. Ciptaningtyas, "Enhanced Confix Stripping Stemmer and Ants Algorithm
/// for Classifying News Document in Indonesian Language" (ICTS 2009) — the variant the Sastrawi library implements.
/// Steps: dictionary check; remove inflectional particle (-lah/-kah/-tah/-pun) and possessive (-ku/-mu/-nya);
/// remove derivational suffix (-i/-kan/-an); remove up to three derivational prefixes (di-/ke-/se-/be-/te-/me-/pe-)
/// using the disambiguation (recoding) rules, rejecting forbidden confixes (be-i, di-an, ke-i, ke-kan, me-an, se-i,
/// se-kan, te-an); when no root is found, restore suffixes and retry (ECS "loopPengembalianAkhiran").
/// A word with no root in the dictionary is returned unchanged.
/// </summary>
internal sealed class IndonesianStemmer(IReadOnlySet<string> roots)
{
    private static readonly string[] Particles = ["lah", "kah", "tah", "pun"];
    private static readonly string[] Possessives = ["nya", "ku", "mu"];
    private readonly ConcurrentDictionary<string, string> cache = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Roots => roots;

    public bool IsRoot(string word) => roots.Contains(word);

    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length <= 3 || roots.Contains(word) ? word : cache.GetOrAdd(word, StemUncached);
    }

    private string StemUncached(string word)
    {
        var noParticle = StripAny(word, Particles);
        if (roots.Contains(noParticle))
        {
            return noParticle;
        }

        var noPossessive = StripAny(noParticle, Possessives);
        if (roots.Contains(noPossessive))
        {
            return noPossessive;
        }

        var (noSuffix, suffix) = StripDerivationalSuffix(noPossessive);
        if (suffix is not null && roots.Contains(noSuffix))
        {
            return noSuffix;
        }

        if (StripPrefixes(noSuffix, suffix, 0, null) is { } root)
        {
            return root;
        }

        // ECS "loopPengembalianAkhiran": restore the removed endings one by one and retry the prefixes.
        if (suffix == "kan" && (roots.Contains(noSuffix + "k") ? noSuffix + "k" : StripPrefixes(noSuffix + "k", "an", 0, null)) is { } withK)
        {
            return withK;
        }

        foreach (var restored in new[] { noPossessive, noParticle, word }.Distinct())
        {
            if ((restored != noSuffix || suffix is not null) && StripPrefixes(restored, null, 0, null) is { } found)
            {
                return found;
            }
        }

        // Unknown word with a possessive -nya (e.g. a brand name): drop the ending only.
        return noPossessive != noParticle && noParticle.EndsWith("nya", StringComparison.Ordinal) ? noPossessive : word;
    }

    private static string StripAny(string word, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    private static (string Word, string? Suffix) StripDerivationalSuffix(string word)
    {
        if (word.Length > 5 && word.EndsWith("kan", StringComparison.Ordinal))
        {
            return (word[..^3], "kan");
        }

        if (word.Length > 4 && word.EndsWith("an", StringComparison.Ordinal))
        {
            return (word[..^2], "an");
        }

        if (word.Length > 4 && word.EndsWith('i'))
        {
            return (word[..^1], "i");
        }

        return (word, null);
    }

    private static bool ForbiddenConfix(string prefix, string? suffix) => (prefix, suffix) switch
    {
        ("be", "i") or ("di", "an") or ("ke", "i") or ("ke", "kan") or ("me", "an") or ("se", "i") or ("se", "kan") or ("te", "an") => true,
        _ => false,
    };

    private string? StripPrefixes(string word, string? suffix, int depth, string? previous)
    {
        if (depth == 3 || word.Length < 4)
        {
            return null;
        }

        foreach (var (prefix, rest) in PrefixReadings(word))
        {
            if (prefix == previous || (depth == 0 && ForbiddenConfix(prefix, suffix)))
            {
                continue;
            }

            if (rest.Length >= 2 && roots.Contains(rest))
            {
                return rest;
            }

            if (StripPrefixes(rest, suffix, depth + 1, prefix) is { } root)
            {
                return root;
            }
        }

        return null;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static char At(string w, int i) => i < w.Length ? w[i] : '\0';

    /// <summary>Every way the word may start with a prefix, with the recoded remainder (ECS rules 1–34).</summary>
    private static IEnumerable<(string Prefix, string Remainder)> PrefixReadings(string w)
    {
        if (w.StartsWith("di", StringComparison.Ordinal))
        {
            yield return ("di", w[2..]);
        }
        else if (w.StartsWith("ke", StringComparison.Ordinal))
        {
            yield return ("ke", w[2..]);
        }
        else if (w.StartsWith("se", StringComparison.Ordinal))
        {
            yield return ("se", w[2..]);
        }
        else if (w.StartsWith("be", StringComparison.Ordinal))
        {
            if (w.StartsWith("belajar", StringComparison.Ordinal))
            {
                yield return ("be", w[3..]);
            }
            else if (At(w, 2) == 'r' && IsVowel(At(w, 3)))
            {
                yield return ("be", w[3..]);
                yield return ("be", w[2..]);
            }
            else if (At(w, 2) == 'r' && At(w, 3) != 'r')
            {
                yield return ("be", w[3..]);
            }
            else if (!IsVowel(At(w, 2)) && At(w, 2) is not ('r' or 'l') && w.Length > 5 && w[3] == 'e' && w[4] == 'r')
            {
                yield return ("be", w[2..]);
            }
        }
        else if (w.StartsWith("te", StringComparison.Ordinal))
        {
            if (At(w, 2) == 'r' && IsVowel(At(w, 3)))
            {
                yield return ("te", w[3..]);
                yield return ("te", w[2..]);
            }
            else if (At(w, 2) == 'r' && At(w, 3) != 'r')
            {
                yield return ("te", w[3..]);
            }
            else if (!IsVowel(At(w, 2)) && At(w, 2) != 'r' && w.Length > 5 && w[3] == 'e' && w[4] == 'r')
            {
                yield return ("te", w[2..]);
            }
        }
        else if (w.StartsWith("me", StringComparison.Ordinal) || w.StartsWith("pe", StringComparison.Ordinal))
        {
            var p = w[..2];
            var c2 = At(w, 2);
            var c3 = At(w, 3);
            if (c2 is 'l' or 'r' or 'w' or 'y' && IsVowel(c3))
            {
                if (p == "pe" && c2 == 'r')
                {
                    yield return (p, w[3..]);
                }

                yield return (p, w[2..]);
                if (w.StartsWith("pelajar", StringComparison.Ordinal))
                {
                    yield return (p, w[3..]);
                }
            }
            else if (p == "pe" && c2 == 'r')
            {
                yield return (p, w[3..]);
            }
            else if (c2 == 'm')
            {
                if (c3 is 'b' or 'f' or 'v' or 'p')
                {
                    yield return (p, w[3..]);
                }
                else if (IsVowel(c3) || c3 == 'r')
                {
                    yield return (p, "m" + w[3..]);
                    yield return (p, "p" + w[3..]);
                }
            }
            else if (c2 == 'n')
            {
                if (c3 == 'g')
                {
                    var c4 = At(w, 4);
                    if (c4 is 'g' or 'h' or 'q' or 'k')
                    {
                        yield return (p, w[4..]);
                    }
                    else if (IsVowel(c4))
                    {
                        yield return (p, w[4..]);
                        yield return (p, "k" + w[4..]);
                        if (c4 == 'e' && w.Length > 6)
                        {
                            yield return (p, w[5..]);
                        }
                    }
                }
                else if (c3 == 'y' && IsVowel(At(w, 4)))
                {
                    yield return (p, "s" + w[4..]);
                    yield return (p, w[2..]);
                }
                else if (c3 is 'c' or 'd' or 'j' or 's' or 'z' or 't')
                {
                    yield return (p, w[3..]);
                }
                else if (IsVowel(c3))
                {
                    yield return (p, "n" + w[3..]);
                    yield return (p, "t" + w[3..]);
                }
            }
            else if (p == "pe" && !IsVowel(c2) && c2 is not ('r' or 'w' or 'y' or 'l' or 'm' or 'n'))
            {
                yield return (p, w[2..]);
            }
        }
    }
}
