using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

public sealed class FaqEvaluationTests
{
    [Fact]
    public void ParseTsv_HeaderAndNone_ParsesRows()
    {
        var rows = FaqEvaluation.ParseTsv("query\texpected_topic_id\tlang\nnomor halobpom\tkontak-halobpom\tid\r\ncuaca hari ini\tnone\tid\n\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(new FaqLabelledQuery("nomor halobpom", "kontak-halobpom", "id"), rows[0]);
        Assert.Null(rows[1].ExpectedTopic);
    }

    [Fact]
    public void ParseTsv_MissingColumn_ThrowsNamingLine()
    {
        var ex = Assert.Throws<FormatException>(() => FaqEvaluation.ParseTsv("query\texpected_topic_id\tlang\nhanya satu kolom\n"));
        Assert.StartsWith("line 2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MixedSet_ComputesAccuracyOutOfScopeAndConfusions()
    {
        var report = FaqEvaluation.Evaluate(FaqTestData.SmallRetriever(),
        [
            new("nomor telepon halobpom", "kontak-halobpom", "id"),
            new("ciri makanan mengandung formalin", "bahan-berbahaya-pangan", "id"),
            new("ciri makanan mengandung formalin", "cek-produk", "id"),
            new("jadwal kereta besok", null, "id"),
        ]);

        Assert.Equal(4, report.Total);
        Assert.Equal(2, report.InScopeCorrect);
        Assert.Equal(2.0 / 3, report.Top1Accuracy, 6);
        Assert.Equal(1, report.CorrectNone);
        Assert.Equal(1.0, report.OutOfScopeRecall);
        Assert.Equal(1.0, report.OutOfScopePrecision);
        Assert.Equal(("cek-produk", "bahan-berbahaya-pangan", 1), Assert.Single(report.ConfusedPairs));
    }

    [Fact]
    public void Evaluate_UnknownExpectedTopic_Throws() =>
        Assert.Throws<ArgumentException>(() => FaqEvaluation.Evaluate(FaqTestData.SmallRetriever(), [new("x", "tidak-ada", "id")]));
}
