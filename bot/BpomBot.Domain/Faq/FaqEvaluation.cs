namespace BpomBot.Domain.Faq;

/// <summary>A labelled question: <see cref="ExpectedTopic"/> null means out of scope (label "none").</summary>
public sealed record FaqLabelledQuery(string Query, string? ExpectedTopic, string Lang);

/// <summary>Dev/held-out figures: top-1 accuracy on in-scope questions and out-of-scope precision/recall.</summary>
public sealed record FaqEvaluationReport(
    int Total,
    int InScope,
    int InScopeCorrect,
    int OutOfScope,
    int PredictedNone,
    int CorrectNone,
    IReadOnlyList<(string Expected, string Got, int Count)> ConfusedPairs,
    int InScopeAnsweredOrOffered = 0,
    int OutOfScopeOffered = 0)
{
    /// <summary>
    /// Share of in-scope questions where the user gets the right topic: answered, or offered as a button in the
    /// choice band.
    /// </summary>
    public double AnsweredOrOffered => Ratio(InScopeAnsweredOrOffered, InScope);

    /// <summary>Share of in-scope questions whose top topic is the expected one.</summary>
    public double Top1Accuracy => Ratio(InScopeCorrect, InScope);

    /// <summary>Share of all questions answered correctly (topic or correctly refused).</summary>
    public double OverallAccuracy => Ratio(InScopeCorrect + CorrectNone, Total);

    /// <summary>Of the questions the bot refused, how many really were out of scope.</summary>
    public double OutOfScopePrecision => Ratio(CorrectNone, PredictedNone);

    /// <summary>Of the out-of-scope questions, how many the bot refused.</summary>
    public double OutOfScopeRecall => Ratio(CorrectNone, OutOfScope);

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
}

public static class FaqEvaluation
{
    public const string NoneLabel = "none";

    /// <summary>
    /// Parses a TSV with columns query, expected_topic_id, lang (header optional, '#' comments allowed).
    /// Throws <see cref="FormatException"/> naming the line when a row is malformed.
    /// </summary>
    public static IReadOnlyList<FaqLabelledQuery> ParseTsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<FaqLabelledQuery>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#') || (i == 0 && line.StartsWith("query\t", StringComparison.Ordinal)))
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < 2 || cols[0].Trim().Length == 0 || cols[1].Trim().Length == 0)
            {
                throw new FormatException($"line {i + 1}: expected 'query<TAB>expected_topic_id<TAB>lang'");
            }

            var expected = cols[1].Trim();
            rows.Add(new FaqLabelledQuery(cols[0].Trim(), expected == NoneLabel ? null : expected, cols.Length > 2 ? cols[2].Trim() : string.Empty));
        }

        return rows;
    }

    public static FaqEvaluationReport Evaluate(FaqRetriever retriever, IEnumerable<FaqLabelledQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        ArgumentNullException.ThrowIfNull(queries);
        int total = 0, inScope = 0, correct = 0, outOfScope = 0, predictedNone = 0, correctNone = 0, offeredRight = 0, offeredNone = 0;
        var confusions = new Dictionary<(string, string), int>();
        foreach (var q in queries)
        {
            if (q.ExpectedTopic is not null && retriever.KnowledgeBase.Find(q.ExpectedTopic) is null)
            {
                throw new ArgumentException($"expected topic '{q.ExpectedTopic}' is not in the knowledge base", nameof(queries));
            }

            total++;
            var answer = retriever.Answer(q.Query);
            var got = answer.Entry?.Id;
            predictedNone += got is null ? 1 : 0;
            if (q.ExpectedTopic is null)
            {
                outOfScope++;
                correctNone += got is null ? 1 : 0;
                offeredNone += got is null && answer.Candidates.Count > 0 ? 1 : 0;
            }
            else
            {
                inScope++;
                correct += got == q.ExpectedTopic ? 1 : 0;
                offeredRight += got == q.ExpectedTopic || (got is null && answer.Candidates.Any(c => c.Entry.Id == q.ExpectedTopic)) ? 1 : 0;
            }

            if (got != q.ExpectedTopic)
            {
                var key = (q.ExpectedTopic ?? NoneLabel, got ?? NoneLabel);
                confusions[key] = confusions.GetValueOrDefault(key) + 1;
            }
        }

        var pairs = confusions
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2, StringComparer.Ordinal)
            .Select(c => (c.Key.Item1, c.Key.Item2, c.Value))
            .ToList();
        return new FaqEvaluationReport(total, inScope, correct, outOfScope, predictedNone, correctNone, pairs, offeredRight, offeredNone);
    }
}
