using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

public sealed class FaqRetrieverTests
{
    private static readonly FaqRetriever Retriever = FaqTestData.SmallRetriever();

    [Theory]
    [InlineData("gmn cara cek produk sy udh terdaftar blm", "cek-produk")]
    [InlineData("nomor telepon halobpom brp", "kontak-halobpom")]
    [InlineData("ngurus sertifikat p-irt dmn", "spp-irt")]
    [InlineData("bakso pake boraks bahaya ga", "bahan-berbahaya-pangan")]
    public void Answer_InformalIndonesian_FindsTopic(string question, string topic)
    {
        var answer = Retriever.Answer(question);
        Assert.Equal(topic, answer.Entry?.Id);
        Assert.InRange(answer.Confidence, 0.3, 1.0);
        Assert.Empty(answer.Channels);
    }

    [Fact]
    public void Answer_Misspelt_StillFindsTopic() => Assert.Equal("bahan-berbahaya-pangan", Retriever.Answer("makanan mengandung formlain").Entry?.Id);

    [Fact]
    public void Answer_English_AnswersInEnglish()
    {
        var answer = Retriever.Answer("how can I check if a product is registered?");
        Assert.Equal("cek-produk", answer.Entry?.Id);
        Assert.Equal(FaqLanguage.En, answer.Language);
        Assert.Equal("Check the registration on Cek BPOM.", answer.AnswerText);
    }

    [Fact]
    public void Answer_Indonesian_AnswersInIndonesian() =>
        Assert.Equal("Telepon 1-500-533.", Retriever.Answer("nomor telepon halobpom").AnswerText);

    [Theory]
    [InlineData("cara bikin paspor baru")]
    [InlineData("jadwal kereta besok pagi")]
    [InlineData("book me a flight to Bali")]
    [InlineData("halo")]
    [InlineData("")]
    public void Answer_OutOfScope_ReturnsNullTopicAndOfficialChannels(string question)
    {
        var answer = Retriever.Answer(question);
        Assert.Null(answer.Entry);
        Assert.False(answer.IsAnswered);
        Assert.Null(answer.AnswerText);
        Assert.InRange(answer.Confidence, 0.0, 0.3);
        Assert.Contains(answer.Channels, c => c.Value == "1-500-533");
        Assert.Contains(answer.Channels, c => c.Value == "0812-1-9999-533");
        Assert.Contains(answer.Channels, c => c.Value == "0811-9181-533");
        Assert.Contains(answer.Channels, c => c.Value == "halobpom@pom.go.id");
        Assert.Contains(answer.Channels, c => c.Value == "lapor.go.id");
        Assert.Contains(answer.Channels, c => c.Kind == "ulpk");
    }

    [Theory]
    [InlineData("cara bikin paspor baru", "Kantor Imigrasi")]
    [InlineData("daftar bpjs kesehatan online", "BPJS")]
    [InlineData("cara cek npwp pirt", "Direktorat Jenderal Pajak")]
    public void Answer_OtherAgencyBusiness_RefersToThatAgency(string question, string agency)
    {
        var answer = Retriever.Answer(question);
        Assert.Null(answer.Entry);
        Assert.Equal(agency, answer.Referral?.Id);
        Assert.NotEmpty(answer.Channels);
    }

    [Fact]
    public void Answer_InScope_HasNoReferral() => Assert.Null(Retriever.Answer("ciri makanan mengandung formalin").Referral);

    [Fact]
    public void Answer_BelowThresholdButClose_OffersCandidatesWithoutGuessing()
    {
        var strict = FaqTestData.SmallRetriever(new FaqRetrieverOptions { Threshold = 0.99, CandidateThreshold = 0.1 });
        // "nomor" and "bpom" occur in two topics, so neither wins outright.
        var answer = strict.Answer("nomor bpom");
        Assert.Null(answer.Entry);
        Assert.Equal(["cek-produk", "kontak-halobpom"], answer.Candidates.Select(c => c.Entry.Id).Order());
        Assert.Equal(answer.Confidence, answer.Candidates[0].Confidence);
        Assert.NotEmpty(answer.Channels);
    }

    [Fact]
    public void Answer_Confidence_IsWithinUnitIntervalAndCandidatesAreSorted()
    {
        foreach (var q in new[] { "formalin", "cek bpom", "pirt", "halobpom whatsapp email telepon", "zzz" })
        {
            var answer = FaqTestData.SmallRetriever(new FaqRetrieverOptions { CandidateThreshold = 0 }).Answer(q);
            Assert.InRange(answer.Confidence, 0.0, 1.0);
            Assert.Equal(answer.Candidates.OrderByDescending(c => c.Confidence).Select(c => c.Confidence), answer.Candidates.Select(c => c.Confidence));
        }
    }

    [Fact]
    public void Answer_ExactSampleQuestion_ScoresHigherThanPartialQuestion()
    {
        var full = Retriever.Answer("ciri makanan mengandung formalin").Confidence;
        var partial = Retriever.Answer("ciri makanan mengandung formalin untuk tamu pesta ulang tahun").Confidence;
        Assert.True(full > partial, $"{full} should exceed {partial}");
    }

    [Fact]
    public void Explain_ShowsStemsAndUnknownWords()
    {
        var terms = Retriever.Explain("pendaftaran zorblax");
        Assert.StartsWith("daftar:", terms[0], StringComparison.Ordinal);
        Assert.EndsWith("?", terms[1], StringComparison.Ordinal);
    }
}
