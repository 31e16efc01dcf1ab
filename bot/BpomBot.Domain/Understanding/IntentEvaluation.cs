using System.Globalization;
using System.Text;

namespace BpomBot.Domain.Understanding;

/// <summary>A labelled utterance: the text and the intent it should be read as.</summary>
public sealed record LabelledUtterance(string Text, Intent Expected);

/// <summary>How a recognizer did on labelled utterances (read out of context).</summary>
/// <param name="Total">Utterances scored.</param>
/// <param name="Correct">Utterances whose top intent was the expected one.</param>
/// <param name="CommandsAsFaq">Officer or leader commands read as a citizen FAQ question.</param>
/// <param name="FaqAsCommands">FAQ questions read as a command.</param>
/// <param name="FaqTotal">FAQ questions among the utterances.</param>
/// <param name="Confusion">Counts per (expected, got).</param>
/// <param name="Errors">Every miss: text, expected, got.</param>
public sealed record IntentEvaluation(
    int Total,
    int Correct,
    int CommandsAsFaq,
    int FaqAsCommands,
    int FaqTotal,
    IReadOnlyDictionary<(Intent Expected, Intent Got), int> Confusion,
    IReadOnlyList<(string Text, Intent Expected, Intent Got)> Errors)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public double FaqAsCommandsRate => FaqTotal == 0 ? 0 : (double)FaqAsCommands / FaqTotal;

    /// <summary>Chit-chat and off-topic messages (expected none) read as a command: the other wrong door.</summary>
    public int NoneAsCommands { get; init; }

    /// <summary>Messages expected as none among the utterances.</summary>
    public int NoneTotal { get; init; }

    /// <summary>Reads a file of <c>utterance&lt;TAB&gt;expected</c> lines; a header line and extra columns are allowed.</summary>
    public static IReadOnlyList<LabelledUtterance> ReadTsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<LabelledUtterance>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var columns = line.Split('\t');
            if (columns.Length < 2 || line.TrimStart().StartsWith('#')) continue;
            if (IntentCatalog.Parse(columns[1]) is not { } expected)
            {
                if (lineNumber == 1) continue;
                throw new FormatException($"Line {lineNumber}: unknown intent '{columns[1]}'.");
            }

            rows.Add(new LabelledUtterance(columns[0], expected));
        }

        return rows;
    }

    public static IntentEvaluation Run(IntentRecognizer recognizer, IEnumerable<LabelledUtterance> rows)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(rows);
        var confusion = new Dictionary<(Intent, Intent), int>();
        var errors = new List<(string, Intent, Intent)>();
        int total = 0, correct = 0, commandsAsFaq = 0, faqAsCommands = 0, faqTotal = 0, noneAsCommands = 0, noneTotal = 0;
        foreach (var row in rows)
        {
            var got = recognizer.Understand(row.Text).Intent;
            total++;
            confusion[(row.Expected, got)] = confusion.GetValueOrDefault((row.Expected, got)) + 1;
            if (got == row.Expected) correct++;
            else errors.Add((row.Text, row.Expected, got));
            if (Understood.IsCommand(row.Expected) && got == Intent.Faq) commandsAsFaq++;
            if (row.Expected == Intent.Faq)
            {
                faqTotal++;
                if (Understood.IsCommand(got)) faqAsCommands++;
            }

            if (row.Expected == Intent.None)
            {
                noneTotal++;
                if (Understood.IsCommand(got)) noneAsCommands++;
            }
        }

        return new IntentEvaluation(total, correct, commandsAsFaq, faqAsCommands, faqTotal, confusion, errors)
        {
            NoneAsCommands = noneAsCommands,
            NoneTotal = noneTotal,
        };
    }

    /// <summary>Accuracy, the wrong-door counts, the confusion table (rows expected, columns got) and the misses.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"accuracy {Accuracy:P1} ({Correct}/{Total})");
        sb.AppendLine(c, $"commands taken for faq {CommandsAsFaq}");
        sb.AppendLine(c, $"faq taken for commands {FaqAsCommands}/{FaqTotal} ({FaqAsCommandsRate:P1})");
        sb.AppendLine(c, $"chit-chat taken for commands {NoneAsCommands}/{NoneTotal}");
        var intents = Confusion.Keys.SelectMany(k => new[] { k.Expected, k.Got }).Distinct().OrderBy(i => (int)i).ToList();
        var names = intents.Select(i => IntentCatalog.NameOf(i)).ToList();
        var width = Math.Max(8, names.Max(n => n.Length) + 1);
        sb.Append("expected\\got".PadRight(width + 4));
        foreach (var name in names) sb.Append(Short(name).PadLeft(6));
        sb.AppendLine();
        foreach (var expected in intents)
        {
            sb.Append(IntentCatalog.NameOf(expected).PadRight(width + 4));
            foreach (var got in intents)
            {
                var n = Confusion.GetValueOrDefault((expected, got));
                sb.Append((n == 0 ? "." : n.ToString(c)).PadLeft(6));
            }

            sb.AppendLine();
        }

        foreach (var (text, expected, got) in Errors)
        {
            sb.AppendLine(c, $"miss\t{text}\texpected {IntentCatalog.NameOf(expected)}\tgot {IntentCatalog.NameOf(got)}");
        }

        return sb.ToString();
    }

    private static string Short(string name) => name.Length <= 5 ? name : name[..5];
}
