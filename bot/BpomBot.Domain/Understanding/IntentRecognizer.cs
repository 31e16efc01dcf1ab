using BpomBot.Domain.Dates;

namespace BpomBot.Domain.Understanding;

/// <summary>
/// Reads a chat message: scores every intent from the weighted cue phrases of <see cref="IntentCatalog"/>, lets a
/// leading command word settle short commands, keeps citizens' questions and officers' work apart, and reads the slots.
/// Deterministic, no I/O; about a microsecond per word.
/// </summary>
public sealed partial class IntentRecognizer(DateRecognizer? dates = null)
{
    /// <summary>The least score acted on; below it a message is <see cref="Intent.None"/>.</summary>
    public const double Threshold = 1.5;

    /// <summary>Two readings closer than this (and neither explicit) make the bot ask which one was meant.</summary>
    public const double Margin = 1.0;

    private const double LeadBonus = 2;
    private const double ExplicitBonus = 3;

    private static readonly Intent[] Scored = [.. Enum.GetValues<Intent>().Where(i => i != Intent.Answer)];

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "saya", "mau", "ingin", "tolong", "coba", "minta", "lihat", "cek", "show", "my", "the", "i", "want", "to", "let", "s", "lets", "please",
        "bisa", "can", "you", "kita", "kami", "ok", "oke", "sekarang",
    };

    /// <summary>Words that may follow a command word in a bare command ("status kegiatan 2", "mulai B", "skip step A.3").</summary>
    private static readonly HashSet<string> SlotWords = new(StringComparer.Ordinal)
    {
        "kegiatan", "activity", "nomor", "no", "number", "langkah", "step", TextNormalizer.StepToken, "ini", "this", "saya", "my", "a", "b", "c", "d",
        "sub", "proses", "subproses", "it", "please", "saja", "sekarang", "now", "one", "lagi",
    };

    private static readonly HashSet<string> AnnualWords = new(StringComparer.Ordinal) { "tahunan", "annual", "yearly", "siklus", "cycle", "report", "laporan" };

    /// <summary>Month and day names and other date words: they add to rencana and are never corrected as typos.</summary>
    internal static readonly HashSet<string> DateWords = new(StringComparer.Ordinal)
    {
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember", "jan", "feb",
        "mar", "apr", "jun", "jul", "agu", "agt", "sep", "okt", "nov", "des", "january", "february", "march", "may", "june", "july", "august",
        "october", "december", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "besok", "lusa", "tomorrow", "depan", "next", "tanggal",
    };

    private static readonly HashSet<Intent> DateIntents = [Intent.Rencana, Intent.Kelengkapan, Intent.Tunda];

    private static readonly Dictionary<string, List<(string[] Words, Intent Intent, double Weight)>> CueIndex = IndexCues();

    private static readonly Dictionary<string, List<(string[] Words, double Weight)>> FaqIndex = IndexFaq();

    private static readonly Dictionary<string, List<(string[] Words, double Weight)>> FaqShapeIndex = Index(IntentCatalog.FaqQuestionShapes);

    private static readonly Dictionary<string, List<(string[] Words, double Weight)>> OffTopicIndex = Index(IntentCatalog.OffTopic.Select(p => (p, 1.0)));

    /// <summary>What an everyday topic (travel, weather, sport) adds to <see cref="Intent.None"/>, and a second one.</summary>
    private const double OffTopicWeight = 4;

    private const double SecondOffTopicWeight = 2;

    /// <summary>Commands read from a sentence about an everyday topic keep this share of their score.</summary>
    private const double OffTopicDamping = 0.5;

    /// <summary>Reads <paramref name="text"/> out of context (no open prompt).</summary>
    public Understood Understand(string? text, DateOnly? today = null, string? unitId = null) =>
        Understand(text, PromptKind.None, today, unitId);

    /// <summary>Reads <paramref name="text"/> given what the bot is waiting for.</summary>
    public Understood Understand(string? text, PromptKind prompt, DateOnly? today = null, string? unitId = null)
    {
        var normal = TextNormalizer.Normalize(text);
        var reading = Read(normal);
        var slots = ReadSlots(normal, reading.Intent, reading.LeadIndex, today, unitId);
        var understood = new Understood(reading.Intent, slots, reading.Score, reading.Alternatives, reading.Explicit, English: reading.English);
        return prompt == PromptKind.None ? understood : InContext(understood, normal, prompt, today, unitId);
    }

    private sealed record Reading(Intent Intent, double Score, IReadOnlyList<Intent>? Alternatives, bool Explicit, bool? English, int LeadIndex);

    private static Reading Read(NormalText normal)
    {
        var tokens = normal.Tokens;
        if (tokens.Count == 0 && normal.Raw == "?")
        {
            return new Reading(Intent.Bantuan, Threshold, null, true, null, -1);
        }

        if (tokens.Count == 0 || !tokens.Any(t => t.Any(char.IsLetter)))
        {
            return new Reading(Intent.None, 0, null, false, null, -1);
        }

        // Each cue counts once however often it occurs.
        var scores = new double[Enum.GetValues<Intent>().Length];
        ScoreCues(tokens, scores);

        var lead = LeadIndex(tokens);
        var isExplicit = false;
        bool? english = null;
        if (lead >= 0 && IntentCatalog.CommandWords.TryGetValue(tokens[lead], out var command))
        {
            if (command.Intent == Intent.Mulai && tokens.Any(t => t is "tahunan" or "annual" or "yearly" or "siklus"))
            {
                command = (Intent.MulaiTahunan, command.English);
            }

            scores[(int)command.Intent] += LeadBonus;
            english = command.English;
            if (tokens.Skip(lead + 1).All(t => SlotWords.Contains(t) || t.All(char.IsDigit) || (command.Intent == Intent.MulaiTahunan && AnnualWords.Contains(t))))
            {
                isExplicit = true;
                scores[(int)command.Intent] += ExplicitBonus;
            }
        }

        if (tokens.Any(DateWords.Contains)) scores[(int)Intent.Rencana] += 1.5;
        if (tokens.Any(t => t is "baru" or "new") && tokens.Any(t => t is "kegiatan" or "activity")) scores[(int)Intent.Mulai] += 2;
        if (tokens.Any(IntentCatalog.SubProcessNames.ContainsKey)) scores[(int)Intent.Mulai] += 1;
        var dated = tokens.Any(DateWords.Contains);
        if (!dated && OutputReady(tokens)) scores[(int)Intent.Selesai] += OutputReadyWeight;

        // A link given with "done" is the step's Output ("udah beres, ini rencananya https://…"); otherwise a Kelengkapan.
        if (normal.Reference is not null) scores[(int)(scores[(int)Intent.Selesai] >= 3 ? Intent.Selesai : Intent.Kelengkapan)] += 3;

        var officer = normal.StepId is not null || tokens.Any(IntentCatalog.OfficerWords.Contains);
        var faq = FaqScore(tokens);
        if (faq > 0 && !officer)
        {
            scores[(int)Intent.Faq] = faq + PhraseScore(FaqShapeIndex, tokens, tokens.Count) + (normal.Question ? 1 : 0);
        }

        if (!officer && !isExplicit && OffTopicCount(tokens, normal.FirstClause) is > 0 and var topics)
        {
            foreach (var intent in Scored.Where(Understood.IsCommand)) scores[(int)intent] *= OffTopicDamping;
            scores[(int)Intent.None] += OffTopicWeight + (topics > 1 ? SecondOffTopicWeight : 0);
        }

        var ranked = Scored.Select(i => (Intent: i, Score: scores[(int)i])).OrderByDescending(s => s.Score).ThenBy(s => (int)s.Intent).ToList();
        var (best, score) = ranked[0];
        if (score < Threshold)
        {
            return new Reading(Intent.None, score, null, false, english, lead);
        }

        var second = ranked[1];
        IReadOnlyList<Intent>? alternatives = !isExplicit && Understood.IsCommand(best) && Understood.IsCommand(second.Intent)
            && second.Score >= 3 && score - second.Score < Margin
            ? [best, second.Intent]
            : null;
        return new Reading(best, score, alternatives, isExplicit, english, lead);
    }

    /// <summary>What an output said to be ready ("bahannya sudah siap") adds to <see cref="Intent.Selesai"/>.</summary>
    private const double OutputReadyWeight = 6;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "tidak", "belum", "not", "isn", "aren", "never", "no" };

    /// <summary>An output word followed within four words by a ready word that is not negated ("laporan belum jadi" is not).</summary>
    private static bool OutputReady(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IntentCatalog.OutputWords.Contains(tokens[i])) continue;
            for (var j = i + 1; j < tokens.Count && j <= i + 4; j++)
            {
                if (IntentCatalog.ReadyWords.Contains(tokens[j]) && !Negations.Contains(tokens[j - 1]) && (j < 2 || !Negations.Contains(tokens[j - 2])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double FaqScore(IReadOnlyList<string> tokens) => PhraseScore(FaqIndex, tokens, tokens.Count);

    /// <summary>Everyday-topic phrases before the reason of a message ("tunda, hujan deras" keeps its reason out).</summary>
    private static double OffTopicCount(IReadOnlyList<string> tokens, int firstClause)
    {
        var end = Math.Min(tokens.Count, firstClause);
        for (var i = 0; i < end; i++)
        {
            if (tokens[i] is "karena" or "because" or "since" or "soalnya") end = i;
        }

        return PhraseScore(OffTopicIndex, tokens, end);
    }

    private static double PhraseScore(Dictionary<string, List<(string[] Words, double Weight)>> index, IReadOnlyList<string> tokens, int end)
    {
        double score = 0;
        var seen = new HashSet<string[]>();
        for (var i = 0; i < end; i++)
        {
            if (!index.TryGetValue(tokens[i], out var cues)) continue;
            foreach (var (words, weight) in cues)
            {
                if (Matches(tokens, i, words) && seen.Add(words)) score += weight;
            }
        }

        return score;
    }

    private static void ScoreCues(IReadOnlyList<string> tokens, double[] scores)
    {
        var seen = new HashSet<string[]>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!CueIndex.TryGetValue(tokens[i], out var cues)) continue;
            foreach (var (words, intent, weight) in cues)
            {
                if (Matches(tokens, i, words) && seen.Add(words)) scores[(int)intent] += weight;
            }
        }
    }

    private static int LeadIndex(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IntentCatalog.CommandWords.ContainsKey(tokens[i])) return i;
            if (!Fillers.Contains(tokens[i])) return -1;
        }

        return -1;
    }

    private static bool Matches(IReadOnlyList<string> tokens, int at, string[] words)
    {
        if (at + words.Length > tokens.Count) return false;
        for (var j = 1; j < words.Length; j++)
        {
            if (tokens[at + j] != words[j]) return false;
        }

        return true;
    }

    private static Dictionary<string, List<(string[], Intent, double)>> IndexCues()
    {
        var index = new Dictionary<string, List<(string[], Intent, double)>>(StringComparer.Ordinal);
        foreach (var (phrase, intent, weight) in IntentCatalog.Cues)
        {
            var words = phrase.Split(' ');
            if (!index.TryGetValue(words[0], out var list)) index[words[0]] = list = [];
            list.Add((words, intent, weight));
        }

        return index;
    }

    private static Dictionary<string, List<(string[], double)>> IndexFaq() => Index(IntentCatalog.FaqCues);

    private static Dictionary<string, List<(string[], double)>> Index(IEnumerable<(string Phrase, double Weight)> phrases)
    {
        var index = new Dictionary<string, List<(string[], double)>>(StringComparer.Ordinal);
        foreach (var (phrase, weight) in phrases)
        {
            var words = phrase.Split(' ');
            if (!index.TryGetValue(words[0], out var list)) index[words[0]] = list = [];
            list.Add((words, weight));
        }

        return index;
    }
}
