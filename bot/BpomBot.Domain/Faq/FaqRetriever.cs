using System.Buffers;

namespace BpomBot.Domain.Faq;

/// <summary>Tuning knobs of <see cref="FaqRetriever"/>. Defaults were tuned on part of the dev set and held-out questions.</summary>
public sealed record FaqRetrieverOptions
{
    /// <summary>Below this confidence the bot does not answer (topic null).</summary>
    public double Threshold { get; init; } = 0.3;

    /// <summary>
    /// The choice band: below <see cref="Threshold"/> but at or above this, the best topics are offered as buttons
    /// ("Mungkin maksud Anda…?"); below it the question is out of scope.
    /// </summary>
    public double CandidateThreshold { get; init; } = 0.2;

    public int MaxCandidates { get; init; } = 3;

    /// <summary>
    /// Weight of a word the knowledge base has never seen, as a multiple of its rarest word's IDF. Unknown words count
    /// against every topic: they are what makes an out-of-scope question look out of scope.
    /// </summary>
    public double UnknownWordFactor { get; init; } = 1.5;
}

/// <summary>
/// Answers a free-text question with the best FAQ topic. Ranking is BM25F (Robertson, Zaragoza, Taylor 2004) over
/// weighted fields (sample questions, keywords, title, answer); the top ten are re-ranked half by BM25F and half by
/// IDF-weighted Dice overlap with the topic's closest single sample question. Confidence in [0,1] is the share of the question's
/// IDF mass that the topic covers (matches only in the answer text count half; words the knowledge base has never seen
/// weigh 1.5× its rarest word and count against),
/// scaled by how far the best topic is ahead of the runner-up. Pure and thread-safe after construction.
/// </summary>
public sealed class FaqRetriever
{
    private const double K1 = 1.2;
    private const double AnswerOnlyCredit = 0.5;
    private const double CorrectedCredit = 0.85;
    private const double ConceptCredit = 0.8;
    private const double OtherAgencyFactor = 2.0;
    private const int ShortlistSize = 10;
    private const double SampleWeight = 0.5;

    // Field order: questions, keywords, title, answer.
    private static readonly double[] FieldWeight = [3.0, 2.5, 2.0, 0.6];
    private static readonly double[] FieldB = [0.5, 0.3, 0.3, 0.75];
    private const int Fields = 4;
    private const int AnswerField = 3;

    private readonly FaqKnowledgeBase knowledgeBase;
    private readonly FaqRetrieverOptions options;
    private readonly FaqTextAnalyzer analyzer;
    private readonly FaqLexicon lexicon;
    private readonly TypoCorrector typos;
    private readonly Dictionary<string, Posting[]> postings;
    private readonly double[][] fieldLength;
    private readonly string[][][] sampleTerms;
    private readonly double[] averageLength = new double[Fields];
    private readonly int documentCount;
    private readonly double unknownIdf;

    /// <summary>A term in a document: its BM25F saturation tf/(k1+tf), and whether it occurs outside the answer text.</summary>
    private readonly record struct Posting(int Doc, double Saturation, bool OutsideAnswer);

    public FaqRetriever(FaqKnowledgeBase knowledgeBase, FaqLexicon? lexicon = null, FaqRetrieverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        this.knowledgeBase = knowledgeBase;
        this.options = options ?? new FaqRetrieverOptions();
        this.lexicon = lexicon ??= FaqLexicon.Embedded;

        var entries = knowledgeBase.Entries;
        documentCount = entries.Count;
        analyzer = BuildAnalyzer(lexicon, entries);

        var builder = new Dictionary<string, Dictionary<int, float[]>>(StringComparer.Ordinal);
        var surface = new Dictionary<string, int>(StringComparer.Ordinal);
        fieldLength = new double[documentCount][];
        sampleTerms = new string[documentCount][][];
        for (var d = 0; d < documentCount; d++)
        {
            fieldLength[d] = new double[Fields];
            var e = entries[d];
            string[][] fieldTexts =
            [
                [.. e.QuestionsId, .. e.QuestionsEn],
                [.. e.Keywords],
                [e.Title.Id, e.Title.En],
                [e.Answer.Id, e.Answer.En],
            ];
            sampleTerms[d] = [.. fieldTexts[0].Concat(fieldTexts[2]).Select(q => analyzer.Terms(q).Distinct(StringComparer.Ordinal).ToArray())];
            for (var f = 0; f < Fields; f++)
            {
                foreach (var text in fieldTexts[f])
                {
                    foreach (var token in analyzer.Tokenize(text))
                    {
                        if (analyzer.IsStopword(token))
                        {
                            continue;
                        }

                        surface[token] = surface.GetValueOrDefault(token) + 1;
                        var term = analyzer.Stem(token);
                        if (!builder.TryGetValue(term, out var perDoc))
                        {
                            builder[term] = perDoc = [];
                        }

                        if (!perDoc.TryGetValue(d, out var tf))
                        {
                            perDoc[d] = tf = new float[Fields];
                        }

                        tf[f]++;
                        fieldLength[d][f]++;
                    }
                }
            }
        }

        for (var f = 0; f < Fields; f++)
        {
            averageLength[f] = Math.Max(1, fieldLength.Average(l => l[f]));
        }

        postings = builder.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Select(p => ToPosting(p.Key, p.Value)).OrderBy(p => p.Doc).ToArray(),
            StringComparer.Ordinal);
        typos = new TypoCorrector(surface);
        // Words the knowledge base has never seen weigh a little more than its rarest word: they are what makes
        // an out-of-scope question look out of scope.
        unknownIdf = this.options.UnknownWordFactor * Idf(1);
    }

    public FaqKnowledgeBase KnowledgeBase => knowledgeBase;

    public FaqRetrieverOptions Options => options;

    /// <summary>
    /// A retriever over the same knowledge base with extra sample questions (accepted candidate variants) added to
    /// their topics. Unknown topic ids and questions a topic already has are skipped.
    /// </summary>
    public FaqRetriever WithExtraQuestions(IEnumerable<(string TopicId, string Question, FaqLanguage Language)> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var byTopic = extra.GroupBy(e => e.TopicId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (byTopic.Count == 0)
        {
            return this;
        }

        var entries = knowledgeBase.Entries.Select(e =>
        {
            if (!byTopic.TryGetValue(e.Id, out var added))
            {
                return e;
            }

            var id = added.Where(a => a.Language == FaqLanguage.Id).Select(a => a.Question).Except(e.QuestionsId, StringComparer.OrdinalIgnoreCase);
            var en = added.Where(a => a.Language == FaqLanguage.En).Select(a => a.Question).Except(e.QuestionsEn, StringComparer.OrdinalIgnoreCase);
            return e with { QuestionsId = [.. e.QuestionsId, .. id], QuestionsEn = [.. e.QuestionsEn, .. en] };
        });
        return new FaqRetriever(FaqKnowledgeBase.Create([.. entries]), lexicon, options);
    }

    public FaqAnswer Answer(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tokens = analyzer.Tokenize(question);
        var language = analyzer.GuessLanguage(tokens);
        var terms = QueryTerms(tokens);
        var referral = tokens.Select(t => lexicon.OtherAgencies.GetValueOrDefault(t)).FirstOrDefault(a => a is not null);
        if (terms.Count == 0)
        {
            return new FaqAnswer(null, 0, language, [], referral);
        }

        var totalWeight = terms.Sum(t => t.Weight);
        var shortlist = Shortlist(terms);
        if (shortlist.Count == 0)
        {
            return new FaqAnswer(null, 0, language, [], referral);
        }

        // Re-rank the BM25F shortlist by how closely the question matches one single sample question of the topic.
        var bestBm25 = shortlist[0].Score;
        var weights = terms.ToDictionary(t => t.Term, t => t.Weight * t.Credit, StringComparer.Ordinal);
        var ranked = shortlist
            .Select(r => (r.Doc, r.Covered, Score: ((1 - SampleWeight) * r.Score / bestBm25) + (SampleWeight * SampleSimilarity(r.Doc, weights, totalWeight))))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Doc)
            .Take(options.MaxCandidates + 1)
            .ToList();
        var top = ranked[0].Score;
        var second = ranked.Count > 1 ? ranked[1].Score : 0;
        var margin = top <= 0 ? 0 : (top - second) / top;
        var confidences = ranked.Select((r, i) =>
        {
            var coverage = Math.Clamp(r.Covered / totalWeight, 0, 1);
            var lead = i == 0 ? 0.75 + (0.25 * margin) : 0.75 * r.Score / top;
            return (r.Doc, Confidence: Math.Round(coverage * lead, 4));
        }).OrderByDescending(c => c.Confidence).ToList();

        var best = confidences[0];
        var answered = best.Confidence >= options.Threshold;
        var candidates = confidences
            .Skip(answered ? 1 : 0)
            .Where(c => c.Confidence >= options.CandidateThreshold)
            .Take(options.MaxCandidates)
            .Select(c => new FaqCandidate(knowledgeBase.Entries[c.Doc], c.Confidence))
            .ToList();
        return answered
            ? new FaqAnswer(knowledgeBase.Entries[best.Doc], best.Confidence, language, candidates)
            : new FaqAnswer(null, best.Confidence, language, candidates, referral);
    }

    /// <summary>The question's index terms with their IDF weight, for "why this answer" diagnostics.</summary>
    public IReadOnlyList<string> Explain(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return [.. QueryTerms(analyzer.Tokenize(question)).Select(t =>
            $"{t.Term}:{t.Weight.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}{(postings.ContainsKey(t.Term) ? (t.Credit < 1 ? "~" : string.Empty) : "?")}")];
    }

    private List<(string Term, double Weight, double Credit)> QueryTerms(List<string> tokens)
    {
        var terms = new List<(string Term, double Weight, double Credit)>();
        foreach (var token in tokens)
        {
            if (analyzer.IsStopword(token))
            {
                continue;
            }

            var term = analyzer.Stem(token);
            var credit = 1.0;
            if (lexicon.OtherAgencies.ContainsKey(token))
            {
                // Another agency's word ("paspor", "npwp"): strong evidence against every topic, even if the
                // knowledge base happens to mention it ("pajak" in PNBP).
                terms.Add(("!" + token, OtherAgencyFactor * unknownIdf, 1.0));
                continue;
            }

            if (!postings.ContainsKey(term))
            {
                (term, credit) = Rescue(token) ?? (term, credit);
            }
            else if (lexicon.Concepts.TryGetValue(token, out var concept) && postings.ContainsKey(analyzer.Stem(concept)))
            {
                // A known product word still hints at its category ("lipstik" also means "kosmetik").
                Add(terms, analyzer.Stem(concept), ConceptCredit);
            }

            Add(terms, term, credit);
        }

        return terms;
    }

    private void Add(List<(string Term, double Weight, double Credit)> terms, string term, double credit)
    {
        if (!terms.Exists(t => t.Term == term))
        {
            terms.Add((term, postings.TryGetValue(term, out var list) ? Idf(list.Length) : unknownIdf, credit));
        }
    }

    /// <summary>
    /// For a word the index does not know: informal morphology ("dibutuhin" → "dibutuhkan", "ngirim" → "kirim"),
    /// then the product-category table ("lipstik" → "kosmetik"), then typo correction.
    /// </summary>
    private (string Term, double Credit)? Rescue(string token)
    {
        foreach (var variant in InformalVariants(token))
        {
            var stem = analyzer.Stem(variant);
            if (postings.ContainsKey(stem))
            {
                return (stem, 1.0);
            }
        }

        if (lexicon.Concepts.TryGetValue(token, out var concept) && postings.ContainsKey(analyzer.Stem(concept)))
        {
            return (analyzer.Stem(concept), ConceptCredit);
        }

        return !analyzer.Stemmer.IsRoot(token) && typos.Correct(token) is { } corrected ? (analyzer.Stem(corrected), CorrectedCredit) : null;
    }

    private static IEnumerable<string> InformalVariants(string token)
    {
        if (token.Length < 5)
        {
            yield break;
        }

        List<string> bases = [token];
        if (token.EndsWith("in", StringComparison.Ordinal))
        {
            var b = token[..^2];
            bases.AddRange([b + "kan", b + "i", b]);
        }

        foreach (var b in bases)
        {
            if (!ReferenceEquals(b, token))
            {
                yield return b;
            }

            if (b.StartsWith("nge", StringComparison.Ordinal) && b.Length > 5)
            {
                yield return b[3..];
            }
            else if (b.StartsWith("ng", StringComparison.Ordinal) && b.Length > 4 && "aiueo".Contains(b[2], StringComparison.Ordinal))
            {
                yield return "k" + b[2..];
                yield return b[2..];
            }
            else if (b[0] == 'n' && "aiueo".Contains(b[1], StringComparison.Ordinal))
            {
                // Colloquial nasal prefix: "nawar" = "menawar" (root "tawar"), "nulis" = "menulis".
                yield return "t" + b[1..];
            }
            else if (b.StartsWith("ny", StringComparison.Ordinal) && b.Length > 4 && "aiueo".Contains(b[2], StringComparison.Ordinal))
            {
                yield return "s" + b[2..];
                yield return "c" + b[2..];
            }
        }
    }

    /// <summary>BM25F accumulation over the posting lists, keeping the best <see cref="ShortlistSize"/> documents.</summary>
    private List<(int Doc, double Score, double Covered)> Shortlist(List<(string Term, double Weight, double Credit)> terms)
    {
        var score = ArrayPool<double>.Shared.Rent(documentCount);
        var covered = ArrayPool<double>.Shared.Rent(documentCount);
        Array.Clear(score, 0, documentCount);
        Array.Clear(covered, 0, documentCount);
        var touched = new List<int>();
        try
        {
            foreach (var (term, weight, credit) in terms)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    continue;
                }

                var idf = credit * Idf(list.Length);
                foreach (var p in list)
                {
                    if (score[p.Doc] == 0 && covered[p.Doc] == 0)
                    {
                        touched.Add(p.Doc);
                    }

                    score[p.Doc] += idf * p.Saturation;
                    covered[p.Doc] += weight * credit * (p.OutsideAnswer ? 1 : AnswerOnlyCredit);
                }
            }

            // Partial selection: a small sorted window instead of sorting every matching document.
            var best = new List<(int Doc, double Score, double Covered)>(ShortlistSize + 1);
            foreach (var d in touched)
            {
                if (best.Count == ShortlistSize && score[d] <= best[^1].Score)
                {
                    continue;
                }

                var at = best.FindIndex(b => score[d] > b.Score || (score[d] == b.Score && d < b.Doc));
                best.Insert(at < 0 ? best.Count : at, (d, score[d], covered[d]));
                if (best.Count > ShortlistSize)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }

            return best;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(score);
            ArrayPool<double>.Shared.Return(covered);
        }
    }

    private Posting ToPosting(int doc, float[] tf)
    {
        double saturated = 0;
        var outsideAnswer = false;
        for (var f = 0; f < Fields; f++)
        {
            if (tf[f] > 0)
            {
                saturated += FieldWeight[f] * tf[f] / (1 - FieldB[f] + (FieldB[f] * fieldLength[doc][f] / averageLength[f]));
                outsideAnswer |= f != AnswerField;
            }
        }

        return new Posting(doc, saturated / (K1 + saturated), outsideAnswer);
    }

    /// <summary>Weighted Dice overlap between the question and the closest sample question (or title) of a topic.</summary>
    private double SampleSimilarity(int doc, Dictionary<string, double> query, double queryWeight)
    {
        double best = 0;
        foreach (var sample in sampleTerms[doc])
        {
            double shared = 0, sampleWeight = 0;
            foreach (var term in sample)
            {
                var idf = postings.TryGetValue(term, out var list) ? Idf(list.Length) : 0;
                sampleWeight += idf;
                if (query.TryGetValue(term, out var w))
                {
                    shared += w;
                }
            }

            best = Math.Max(best, 2 * shared / (queryWeight + sampleWeight + 1e-9));
        }

        return best;
    }

    private double Idf(int df) => Math.Log(1 + ((documentCount - df + 0.5) / (df + 0.5)));

    private static FaqTextAnalyzer BuildAnalyzer(FaqLexicon lexicon, IReadOnlyList<FaqEntry> entries)
    {
        // Tokenise with a bare analyzer first to harvest KB vocabulary.
        var bare = new FaqTextAnalyzer(lexicon, lexicon.RootsId, new HashSet<string>());
        var idWords = new HashSet<string>(StringComparer.Ordinal);
        var enWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            foreach (var text in e.QuestionsId.Append(e.Title.Id).Append(e.Answer.Id).Concat(e.Keywords))
            {
                idWords.UnionWith(bare.Tokenize(text));
            }

            foreach (var text in e.QuestionsEn.Append(e.Title.En).Append(e.Answer.En))
            {
                enWords.UnionWith(bare.Tokenize(text));
            }
        }

        // Root dictionary = compact root list + KB words that cannot be affixed forms.
        var roots = new HashSet<string>(lexicon.RootsId, StringComparer.Ordinal);
        roots.UnionWith(idWords.Where(w => w.Length >= 3 && w.All(char.IsLetter) && !LooksAffixed(w) && !lexicon.StopwordsEn.Contains(w)));
        enWords.ExceptWith(idWords);
        enWords.ExceptWith(lexicon.StopwordsId);
        return new FaqTextAnalyzer(lexicon, roots, enWords);
    }

    private static bool LooksAffixed(string w) =>
        w.StartsWith("me", StringComparison.Ordinal) || w.StartsWith("pe", StringComparison.Ordinal) || w.StartsWith("be", StringComparison.Ordinal)
        || w.StartsWith("te", StringComparison.Ordinal) || w.StartsWith("di", StringComparison.Ordinal) || w.StartsWith("ke", StringComparison.Ordinal)
        || w.StartsWith("se", StringComparison.Ordinal) || w.EndsWith("kan", StringComparison.Ordinal) || w.EndsWith("an", StringComparison.Ordinal)
        || w.EndsWith('i') || w.EndsWith("nya", StringComparison.Ordinal) || w.EndsWith("lah", StringComparison.Ordinal)
        || w.EndsWith("kah", StringComparison.Ordinal) || w.EndsWith("ku", StringComparison.Ordinal) || w.EndsWith("mu", StringComparison.Ordinal);
}
