using System.Globalization;
using System.Text.RegularExpressions;
using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Understanding;

/// <summary>Slots and the reading of a message at an open prompt.</summary>
public sealed partial class IntentRecognizer
{
    private static readonly HashSet<string> KegiatanWords = new(StringComparer.Ordinal) { "kegiatan", "activity", "nomor", "no", "number", "kegiatannya" };

    private static readonly HashSet<Intent> ReasonIntents = [Intent.Tunda, Intent.Batal, Intent.Lewati];

    /// <summary>Intents that leave a free-text prompt even inside a sentence ("batal", "bantuan", "tugas").</summary>
    private static readonly HashSet<Intent> Interrupting = [Intent.Batal, Intent.Bantuan, Intent.Tugas, Intent.Disposisi, Intent.Status, Intent.Riwayat, Intent.Mulai, Intent.MulaiTahunan, Intent.Rekap];

    private Slots ReadSlots(NormalText normal, Intent intent, int lead, DateOnly? today, string? unitId)
    {
        var tokens = normal.Tokens;
        int? kegiatan = null;
        for (var i = 0; i < tokens.Count - 1 && kegiatan is null; i++)
        {
            var afterCommand = i == lead && intent != Intent.Rencana;
            if ((KegiatanWords.Contains(tokens[i]) || afterCommand) && Number(tokens[i + 1]) is { } n
                && (i + 2 >= tokens.Count || !DateWords.Contains(tokens[i + 2])))
            {
                kegiatan = n;
            }
        }

        string? subProcess = null;
        if (intent is Intent.Rekap)
        {
            // Only a sub-process name, or a letter after the command word ("rekap 2026 B"): "give me a recap" is no sub-process A.
            subProcess = tokens.Select(t => IntentCatalog.SubProcessNames.GetValueOrDefault(t)).FirstOrDefault(c => c is not null)
                ?? (lead >= 0 ? tokens.Skip(lead + 1).FirstOrDefault(t => t is "a" or "b" or "c" or "d")?.ToUpperInvariant() : null);
        }
        else if (intent is Intent.Mulai or Intent.MulaiTahunan)
        {
            subProcess = tokens.Select(t => IntentCatalog.SubProcessNames.GetValueOrDefault(t)).FirstOrDefault(c => c is not null)
                ?? tokens.Skip(Math.Max(lead, 0)).FirstOrDefault(t => t is "a" or "b" or "c" or "d")?.ToUpperInvariant();
        }

        DateOnly? date = null;
        string? dateText = null;
        if (dates is not null && today is { } reference && (DateIntents.Contains(intent) || intent == Intent.Answer))
        {
            try
            {
                if (dates.Recognize(normal.Raw, reference, unitId) is { } found)
                {
                    date = found.Date;
                    dateText = found.Matched;
                }
            }
            catch (CalendarNotAvailableException)
            {
                // A year without a calendar: the date is left for the handler to ask again.
            }
        }

        return new Slots(kegiatan, subProcess, normal.StepId, date, dateText,
            ReasonIntents.Contains(intent) ? Reason(normal.Raw, lead >= 0 ? tokens[lead] : null) : null,
            intent is Intent.Kelengkapan or Intent.Selesai or Intent.Answer ? normal.Reference : null);
    }

    private static int? Number(string token) =>
        token.Length <= 3 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>"…, anggaran belum turun", "… karena pandemi", or the words after a bare command word ("tunda menunggu narasumber").</summary>
    private static string? Reason(string raw, string? leadWord)
    {
        var because = Because().Match(raw);
        if (because.Success)
        {
            return Clean(raw[(because.Index + because.Length)..]);
        }

        var comma = raw.IndexOfAny([',', ';']);
        if (comma > 0)
        {
            var before = raw[..comma];
            var after = raw[(comma + 1)..];
            var beforeCommand = TextNormalizer.Normalize(before).Tokens.Any(IntentCatalog.CommandWords.ContainsKey); // "batalin kegiatan 2, …"
            return Clean(beforeCommand ? after : before);
        }

        if (leadWord is not null)
        {
            var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var at = words.FindIndex(w => TextNormalizer.Fold(w).Trim() == leadWord || IntentCatalog.Abbreviations.GetValueOrDefault(TextNormalizer.Fold(w).Trim()) == leadWord);
            if (at >= 0)
            {
                var rest = words.Skip(at + 1).ToList();
                if (rest.Count >= 2 && rest[0].Equals("kegiatan", StringComparison.OrdinalIgnoreCase) && Number(rest[1]) is not null) rest = rest[2..];
                else if (rest.Count >= 1 && Number(rest[0]) is not null) rest = rest[1..];
                return Clean(string.Join(' ', rest));
            }
        }

        return null;
    }

    private static string? Clean(string text)
    {
        var trimmed = text.Trim(' ', '.', ',', ';', ':', '-', '!');
        return trimmed.Length >= 3 && trimmed.Any(char.IsLetter) ? trimmed : null;
    }

    private Understood InContext(Understood understood, NormalText normal, PromptKind prompt, DateOnly? today, string? unitId)
    {
        var tokens = normal.Tokens;
        var answer = understood with { Intent = Intent.Answer, Alternatives = null, Interrupts = false };
        var clear = understood.Explicit && Understood.IsCommand(understood.Intent)
            || understood.Intent == Intent.Batal && tokens.Count <= 3 && understood.Slots.Kegiatan is null; // "ga jadi deh", "cancel it"
        switch (prompt)
        {
            case PromptKind.Confirm:
                var folded = string.Join(' ', tokens);
                if (tokens.Count > 0 && IntentCatalog.YesWords.Contains(tokens[0]) && understood.Intent != Intent.Batal) return answer with { Slots = answer.Slots with { Yes = true } };
                if (tokens.Count > 0 && (IntentCatalog.NoWords.Contains(tokens[0]) || IntentCatalog.NoWords.Contains(folded) || understood.Intent == Intent.Batal))
                {
                    return answer with { Slots = answer.Slots with { Yes = false } };
                }

                return clear ? understood with { Interrupts = true } : answer;
            case PromptKind.Choice:
                if (tokens.Count > 0 && tokens[0].All(char.IsDigit)) return answer;
                return clear || (understood.Intent is Intent.Batal or Intent.Bantuan && understood.Score >= 5)
                    ? understood with { Interrupts = true }
                    : answer;
            case PromptKind.Date:
                var withDate = Understand(normal.Raw, PromptKind.None, today, unitId);
                if (dates is not null && today is not null)
                {
                    var asAnswer = ReadSlots(normal, Intent.Answer, -1, today, unitId);
                    if (asAnswer.Date is not null) return answer with { Slots = asAnswer };
                }

                return clear || (Interrupting.Contains(withDate.Intent) && withDate.Score >= 5) ? understood with { Interrupts = true } : answer;
            case PromptKind.Reference:
                if (normal.Reference is not null) return answer with { Slots = answer.Slots with { Reference = normal.Reference } };
                return clear ? understood with { Interrupts = true } : answer;
            default:
                // Free text (a title, a reason): only a bare command leaves it.
                return clear && Interrupting.Contains(understood.Intent) || clear && tokens.Count == 1
                    ? understood with { Interrupts = true }
                    : answer;
        }
    }

    [GeneratedRegex(@"\b(karena|krn|karna|soalnya|sebab|alasan(nya)?|because|since|due to)\b:?", RegexOptions.IgnoreCase)]
    private static partial Regex Because();
}
