namespace BpomBot.Domain.Faq;

/// <summary>
/// Maps a misspelt word to the nearest known word by bounded Damerau–Levenshtein distance (optimal string alignment:
/// insert, delete, substitute, swap adjacent letters). Allowed distance grows with word length: 1 from 5 letters,
/// 2 from 8; the first letter must match. Ties go to the more frequent word.
/// </summary>
public sealed class TypoCorrector
{
    private readonly Dictionary<int, List<(string Word, int Frequency)>> byLength = [];

    public TypoCorrector(IReadOnlyDictionary<string, int> vocabulary)
    {
        foreach (var (word, frequency) in vocabulary)
        {
            if (!byLength.TryGetValue(word.Length, out var bucket))
            {
                byLength[word.Length] = bucket = [];
            }

            bucket.Add((word, frequency));
        }
    }

    public static int MaxDistance(int length) => length >= 8 ? 2 : length >= 5 ? 1 : 0;

    public string? Correct(string word)
    {
        var max = MaxDistance(word.Length);
        if (max == 0)
        {
            return null;
        }

        string? best = null;
        int bestDistance = max + 1, bestFrequency = -1;
        var width = word.Length + max + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        for (var len = word.Length - max; len <= word.Length + max; len++)
        {
            if (!byLength.TryGetValue(len, out var bucket))
            {
                continue;
            }

            foreach (var (candidate, frequency) in bucket)
            {
                // Chat typos rarely hit the first letter; requiring it keeps unrelated words ("murah"/"merah" aside) apart.
                if (candidate[0] != word[0])
                {
                    continue;
                }

                var d = Distance(word, candidate, Math.Min(max, bestDistance), rows);
                if (d < bestDistance || (d == bestDistance && frequency > bestFrequency))
                {
                    (best, bestDistance, bestFrequency) = (candidate, d, frequency);
                }
            }
        }

        return bestDistance <= max ? best : null;
    }

    /// <summary>Optimal-string-alignment distance, or <paramref name="limit"/>+1 as soon as it must exceed the limit.</summary>
    public static int Distance(string a, string b, int limit) => Distance(a, b, limit, new int[3 * (b.Length + 1)]);

    private static int Distance(string a, string b, int limit, Span<int> rows)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var n = b.Length + 1;
        var prev2 = rows[..n];
        var prev = rows.Slice(n, n);
        var cur = rows.Slice(2 * n, n);
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var oldest = prev2;
            prev2 = prev;
            prev = cur;
            cur = oldest;
        }

        return Math.Min(prev[b.Length], limit + 1);
    }
}
