using System.Runtime.CompilerServices;
using BpomBot.Domain.Faq;
using BpomBot.Host.Faq;

namespace BpomBot.Host.Tests.Faq;

/// <summary>Ranking on the shipped knowledge base: its own sample questions, and questions written apart from it.</summary>
public sealed class FaqRankingTests
{
    private static readonly FaqRetriever Retriever = new(FaqKnowledgeBaseLoader.Embedded);

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [Fact]
    public void Answer_EverySampleQuestion_RanksItsOwnTopicFirst()
    {
        var misses = new List<string>();
        var total = 0;
        foreach (var entry in Retriever.KnowledgeBase.Entries)
        {
            foreach (var q in entry.QuestionsId.Concat(entry.QuestionsEn))
            {
                total++;
                var answer = Retriever.Answer(q);
                var top = answer.Entry ?? (answer.Candidates.Count > 0 ? answer.Candidates[0].Entry : null);
                if (top?.Id != entry.Id)
                {
                    misses.Add($"{entry.Id}: '{q}' -> {top?.Id ?? "none"}");
                }
            }
        }

        // A sample question may legitimately sit between two topics; more than 2% misses means ranking regressed.
        Assert.True(misses.Count <= total / 50, $"{misses.Count}/{total} sample questions miss:\n{string.Join('\n', misses)}");
    }

    [Fact]
    public void Answer_TitlesInBothLanguages_AnswerTheirTopic()
    {
        foreach (var entry in Retriever.KnowledgeBase.Entries)
        {
            Assert.Equal(entry.Id, Retriever.Answer(entry.Title.Id).Entry?.Id);
            Assert.Equal(entry.Id, Retriever.Answer(entry.Title.En).Entry?.Id);
        }
    }

    /// <summary>
    /// Question sets written apart from the knowledge base: extra-questions.tsv (inspected once while tuning, so its
    /// figures are optimistic) and fresh-questions.tsv (only ever measured in aggregate). Floors sit under the measured
    /// figures (extra 0.875 / 1.0, fresh 0.889 / 0.75) so a regression fails.
    /// </summary>
    [Theory]
    [InlineData("extra-questions.tsv", 0.80, 0.90)]
    [InlineData("fresh-questions.tsv", 0.80, 0.60)]
    public void Evaluate_IndependentQuestions_MeetsAccuracyAndOutOfScopeFloors(string file, double accuracy, double outOfScopeRecall)
    {
        var queries = FaqEvaluation.ParseTsv(File.ReadAllText(Path.Combine(Here(), file)));
        var report = FaqEvaluation.Evaluate(Retriever, queries);
        Assert.True(report.Top1Accuracy >= accuracy, $"top-1 accuracy {report.Top1Accuracy:0.000}");
        Assert.True(report.OutOfScopeRecall >= outOfScopeRecall, $"out-of-scope recall {report.OutOfScopeRecall:0.000}");
    }

    /// <summary>
    /// The issue-19 sets: dev-questions.tsv (360, tuned on) and heldout-questions.tsv (210, written before tuning and
    /// never tuned on; only aggregate figures were read). Floors are the figures reached (held-out: top-1 0.903,
    /// answered-or-offered 0.932, out-of-scope recall 1.0; dev: 0.955 / 0.965 / 0.957), rounded down by at most one question.
    /// </summary>
    [Theory]
    [InlineData("heldout-questions.tsv", 0.90, 0.93, 0.97)]
    [InlineData("dev-questions.tsv", 0.95, 0.96, 0.95)]
    public void Evaluate_Issue19Sets_MeetTheFiguresReached(string file, double accuracy, double answeredOrOffered, double outOfScopeRecall)
    {
        var queries = FaqEvaluation.ParseTsv(File.ReadAllText(Path.Combine(Here(), file)));
        var report = FaqEvaluation.Evaluate(Retriever, queries);
        Assert.True(report.Top1Accuracy >= accuracy, $"top-1 accuracy {report.Top1Accuracy:0.000}");
        Assert.True(report.AnsweredOrOffered >= answeredOrOffered, $"answered or offered {report.AnsweredOrOffered:0.000}");
        Assert.True(report.OutOfScopeRecall >= outOfScopeRecall, $"out-of-scope recall {report.OutOfScopeRecall:0.000}");
    }

    [Fact]
    public void EveryTopic_NamesItsSource()
    {
        Assert.All(Retriever.KnowledgeBase.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), $"{e.Id} has no source"));
    }

    [Fact]
    public void Reply_ComplaintTopic_StatesServiceStandardAndComplaintChannels()
    {
        var reply = FaqReply.Compose(Retriever.KnowledgeBase.Find("pengaduan-produk")!, FaqLanguage.Id);

        Assert.Contains("14 hari kerja", reply, StringComparison.Ordinal);
        Assert.Contains("60 hari kerja", reply, StringComparison.Ordinal);
        Assert.Contains("Sumber: Standar pelayanan pengaduan ULPK BPOM", reply, StringComparison.Ordinal);
        foreach (var channel in new[] { "1-500-533", "0812-1-9999-533", "0811-9181-533", "halobpom@pom.go.id", "lapor.go.id", "@BPOM_RI", "@bpom.official", "Balai Besar/Balai/Loka POM" })
        {
            Assert.Contains(channel, reply, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reply_InformationTopic_HasNoComplaintStandard()
    {
        var reply = FaqReply.Compose(Retriever.KnowledgeBase.Find("spp-irt")!, FaqLanguage.En);

        Assert.DoesNotContain("working days", reply, StringComparison.Ordinal);
        Assert.Contains("Source: PerBPOM 4/2024", reply, StringComparison.Ordinal);
        Assert.Contains("1-500-533", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cara cek nomor bpom di hp", "id")]
    [InlineData("how do I contact BPOM?", "en")]
    public void Answer_LanguageFollowsQuestion(string question, string lang) =>
        Assert.Equal(lang == "en" ? FaqLanguage.En : FaqLanguage.Id, Retriever.Answer(question).Language);

    [Theory]
    [InlineData("cara perpanjang paspor")]
    [InlineData("hasil pertandingan bola semalam")]
    [InlineData("what is the weather in Jakarta tomorrow")]
    public void Answer_OutOfScope_NullTopicWithChannels(string question)
    {
        var answer = Retriever.Answer(question);
        Assert.Null(answer.Entry);
        Assert.Equal(OfficialChannels.All, answer.Channels);
    }
}
