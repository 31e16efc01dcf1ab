using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BpomBot.Domain.Faq;
using BpomBot.Host.Faq;

namespace BpomBot.Host.Cli;

/// <summary>
/// `bpombot faq "&lt;question&gt;"` and `bpombot faq --batch` print one JSON line per question;
/// `bpombot faq eval &lt;tsv&gt;` prints accuracy, out-of-scope precision/recall and confused pairs.
/// </summary>
internal static class FaqCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(Func<TextReader>? input = null)
    {
        input ??= () => Console.In;
        var question = new Argument<string?>("question") { Description = "The question to answer.", Arity = ArgumentArity.ZeroOrOne };
        var batch = new Option<bool>("--batch") { Description = "Read one question per line from stdin." };
        var explain = new Option<bool>("--explain") { Description = "Also print each question's index terms to stderr (~ typo-corrected, ? unknown)." };
        var command = new Command("faq", "Answer HALOBPOM FAQ questions (prints JSON lines).") { question, batch, explain };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var text = parse.GetValue(question);
            var isBatch = parse.GetValue(batch);
            if (isBatch == !string.IsNullOrWhiteSpace(text))
            {
                error.WriteLine("Berikan satu pertanyaan dalam tanda kutip, atau --batch untuk membaca dari stdin.");
                return 2;
            }

            var retriever = CreateRetriever(error);
            if (retriever is null)
            {
                return 2;
            }

            void Answer(string q)
            {
                if (parse.GetValue(explain))
                {
                    error.WriteLine(string.Join(' ', retriever.Explain(q)));
                }

                output.WriteLine(ToJson(retriever.Answer(q)));
            }

            if (!isBatch)
            {
                Answer(text!);
                return 0;
            }

            var reader = input();
            while (reader.ReadLine() is { } line)
            {
                if (line.Trim().Length > 0)
                {
                    Answer(line);
                }
            }

            return 0;
        });

        var path = new Argument<FileInfo>("tsv") { Description = "TSV with columns query, expected_topic_id, lang ('none' = out of scope)." };
        var threshold = new Option<double?>("--threshold") { Description = "Answer threshold (default from FaqRetrieverOptions), for tuning." };
        var band = new Option<double?>("--band") { Description = "Lower edge of the choice band (default from FaqRetrieverOptions), for tuning." };
        var unknown = new Option<double?>("--unknown-weight") { Description = "Weight of unseen words (default from FaqRetrieverOptions), for tuning." };
        var eval = new Command("eval", "Evaluate the retriever on a labelled TSV.") { path, threshold, band, unknown };
        eval.SetAction(parse =>
        {
            var defaults = new FaqRetrieverOptions();
            var options = defaults with
            {
                Threshold = parse.GetValue(threshold) ?? defaults.Threshold,
                CandidateThreshold = parse.GetValue(band) ?? defaults.CandidateThreshold,
                UnknownWordFactor = parse.GetValue(unknown) ?? defaults.UnknownWordFactor,
            };
            return Evaluate(parse.GetValue(path)!, options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        command.Subcommands.Add(eval);
        command.Subcommands.Add(FaqLaporanCommand.Create());
        command.Subcommands.Add(FaqKandidatCommand.Create());
        return command;
    }

    internal static string ToJson(FaqAnswer answer) => JsonSerializer.Serialize(
        new FaqJsonLine(
            answer.Entry?.Id,
            Math.Round(answer.Confidence, 4),
            answer.Language == FaqLanguage.En ? "en" : "id",
            [.. answer.Candidates.Select(c => new FaqJsonCandidate(c.Entry.Id, Math.Round(c.Confidence, 4)))]),
        Json);

    private static int Evaluate(FileInfo file, FaqRetrieverOptions options, TextWriter output, TextWriter error)
    {
        IReadOnlyList<FaqLabelledQuery> queries;
        try
        {
            queries = FaqEvaluation.ParseTsv(File.ReadAllText(file.FullName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            error.WriteLine($"Tidak bisa membaca {file.Name}: {ex.Message}");
            return 2;
        }

        var retriever = CreateRetriever(error, options);
        if (retriever is null)
        {
            return 2;
        }

        FaqEvaluationReport report;
        try
        {
            report = FaqEvaluation.Evaluate(retriever, queries);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"{file.Name}: {ex.Message}");
            return 2;
        }

        // Wall-clock per query, for information only (a second pass so the report itself is not timed).
        var latencies = queries.Select(q =>
        {
            var start = Stopwatch.GetTimestamp();
            retriever.Answer(q.Query);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).Order().ToList();

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"queries: {report.Total} (in scope {report.InScope}, out of scope {report.OutOfScope})"));
        output.WriteLine(string.Create(c, $"top-1 accuracy (in scope): {report.Top1Accuracy:0.000} ({report.InScopeCorrect}/{report.InScope})"));
        output.WriteLine(string.Create(c, $"right topic answered or offered (in scope): {report.AnsweredOrOffered:0.000} ({report.InScopeAnsweredOrOffered}/{report.InScope})"));
        output.WriteLine(string.Create(c, $"overall accuracy (incl. none): {report.OverallAccuracy:0.000}"));
        output.WriteLine(string.Create(c, $"out-of-scope precision: {report.OutOfScopePrecision:0.000} ({report.CorrectNone}/{report.PredictedNone})"));
        output.WriteLine(string.Create(c, $"out-of-scope recall: {report.OutOfScopeRecall:0.000} ({report.CorrectNone}/{report.OutOfScope}; {report.OutOfScopeOffered} of them offered choices)"));
        output.WriteLine(string.Create(c, $"latency ms p50: {Percentile(latencies, 0.50):0.000} p99: {Percentile(latencies, 0.99):0.000}"));
        output.WriteLine(report.ConfusedPairs.Count == 0 ? "confused pairs: none" : "confused pairs (expected -> got):");
        foreach (var (expected, got, count) in report.ConfusedPairs)
        {
            output.WriteLine(string.Create(c, $"  {expected} -> {got} ({count})"));
        }

        return 0;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static FaqRetriever? CreateRetriever(TextWriter error, FaqRetrieverOptions? options = null)
    {
        try
        {
            return new FaqRetriever(FaqKnowledgeBaseLoader.Embedded, options: options);
        }
        catch (FaqValidationException ex)
        {
            error.WriteLine(ex.Message);
            return null;
        }
    }

    private sealed record FaqJsonLine(
        [property: JsonPropertyName("topic")] string? Topic,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("lang")] string Lang,
        [property: JsonPropertyName("candidates")] IReadOnlyList<FaqJsonCandidate> Candidates);

    private sealed record FaqJsonCandidate(
        [property: JsonPropertyName("topic")] string Topic,
        [property: JsonPropertyName("score")] double Score);
}
