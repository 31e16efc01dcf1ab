using System.Globalization;

namespace BpomBot.Domain.Dates;

/// <summary>Rewrites Indonesian and English number words as digits: "dua puluh satu" → "21", "twenty-one" → "21".</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> IdUnits = new(StringComparer.Ordinal)
    {
        ["satu"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5,
        ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9,
    };

    private static readonly Dictionary<string, int> IdWhole = new(StringComparer.Ordinal)
    {
        ["sepuluh"] = 10, ["sebelas"] = 11, ["seratus"] = 100,
    };

    private static readonly Dictionary<string, int> EnSmall = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> EnTens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, string> EnOrdinals = new(StringComparer.Ordinal)
    {
        ["first"] = "1st", ["second"] = "2nd", ["third"] = "3rd", ["fourth"] = "4th", ["fifth"] = "5th", ["sixth"] = "6th",
        ["seventh"] = "7th", ["eighth"] = "8th", ["ninth"] = "9th", ["tenth"] = "10th", ["eleventh"] = "11th",
        ["twelfth"] = "12th", ["thirteenth"] = "13th", ["fourteenth"] = "14th", ["fifteenth"] = "15th",
        ["sixteenth"] = "16th", ["seventeenth"] = "17th", ["eighteenth"] = "18th", ["nineteenth"] = "19th",
        ["twentieth"] = "20th", ["thirtieth"] = "30th",
    };

    /// <summary>Input is lower case with single spaces.</summary>
    public static string ToDigits(string text)
    {
        var tokens = text.Split(' ');
        var output = new List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length;)
        {
            if (i + 1 < tokens.Length && tokens[i] is "twenty" or "thirty" && EnOrdinals.TryGetValue(tokens[i + 1], out var ones) && ones.Length == 3)
            {
                output.Add($"{(tokens[i] == "twenty" ? 2 : 3)}{ones}");
                i += 2;
                continue;
            }

            var consumed = TryIndonesian(tokens, i, out var value);
            if (consumed == 0)
            {
                consumed = TryEnglish(tokens, i, out value);
            }

            if (consumed == 0 && EnOrdinals.TryGetValue(tokens[i], out var ordinal))
            {
                output.Add(ordinal);
                i++;
            }
            else if (consumed == 0)
            {
                output.Add(tokens[i]);
                i++;
            }
            else
            {
                output.Add(value.ToString(CultureInfo.InvariantCulture));
                i += consumed;
            }
        }

        return string.Join(' ', output);
    }

    private static int TryIndonesian(string[] t, int i, out int value)
    {
        value = 0;
        if (IdWhole.TryGetValue(t[i], out value))
        {
            return 1;
        }

        if (!IdUnits.TryGetValue(t[i], out var unit))
        {
            return 0;
        }

        var next = i + 1 < t.Length ? t[i + 1] : null;
        if (next == "belas")
        {
            value = 10 + unit;
            return 2;
        }

        if (next == "puluh")
        {
            value = unit * 10;
            if (i + 2 < t.Length && IdUnits.TryGetValue(t[i + 2], out var ones))
            {
                value += ones;
                return 3;
            }

            return 2;
        }

        value = unit;
        return 1;
    }

    private static int TryEnglish(string[] t, int i, out int value)
    {
        if (EnSmall.TryGetValue(t[i], out value))
        {
            return 1;
        }

        if (!EnTens.TryGetValue(t[i], out value))
        {
            return 0;
        }

        if (i + 1 < t.Length && EnSmall.TryGetValue(t[i + 1], out var ones) && ones < 10)
        {
            value += ones;
            return 2;
        }

        return 1;
    }
}
