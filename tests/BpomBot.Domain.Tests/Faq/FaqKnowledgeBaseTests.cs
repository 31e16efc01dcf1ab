using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

public sealed class FaqKnowledgeBaseTests
{
    [Fact]
    public void Create_ValidEntries_IndexesById()
    {
        var kb = FaqTestData.SmallKnowledgeBase();
        Assert.Equal(4, kb.Entries.Count);
        Assert.Equal("spp-irt", kb.Find("spp-irt")?.Id);
        Assert.Null(kb.Find("tidak-ada"));
    }

    [Fact]
    public void Create_DuplicateId_ErrorNamesBothFiles()
    {
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBase.Create(
        [
            FaqTestData.Entry("cek-produk", ["a satu", "b dua"], file: "konsumen.yaml"),
            FaqTestData.Entry("cek-produk", ["c tiga", "d empat"], file: "kanal.yaml"),
        ]));
        var error = Assert.Single(ex.Errors);
        Assert.Contains("kanal.yaml: entry 'cek-produk': duplicate id", error, StringComparison.Ordinal);
        Assert.Contains("konsumen.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EmptyAnswerAndTooFewQuestions_ListsEveryProblemWithFileAndEntry()
    {
        var entry = FaqTestData.Entry("jam-layanan", ["hanya satu"], answerId: "  ", file: "kanal.yaml") with { QuestionsEn = [] };
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBase.Create([entry]));
        Assert.Contains("kanal.yaml: entry 'jam-layanan': missing or empty answer.id", ex.Errors);
        Assert.Contains("kanal.yaml: entry 'jam-layanan': questions.id needs at least 2 sample questions", ex.Errors);
        Assert.Contains("kanal.yaml: entry 'jam-layanan': questions.en needs at least 1 sample question", ex.Errors);
        Assert.Contains("kanal.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "missing id")]
    [InlineData("Cek Produk", "id must be lower-case")]
    public void Create_BadId_Rejected(string id, string message)
    {
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBase.Create([FaqTestData.Entry(id, ["a satu", "b dua"])]));
        Assert.Contains(ex.Errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_MissingReviewDate_Rejected()
    {
        var entry = FaqTestData.Entry("cek-produk", ["a satu", "b dua"]) with { LastReviewed = default };
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBase.Create([entry]));
        Assert.Contains("test.yaml: entry 'cek-produk': missing last_reviewed date", ex.Errors);
    }

    [Fact]
    public void Create_NoEntries_Rejected() =>
        Assert.Contains("knowledge base is empty", Assert.Throws<FaqValidationException>(() => FaqKnowledgeBase.Create([])).Errors);
}
