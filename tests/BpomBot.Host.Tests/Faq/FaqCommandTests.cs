using System.CommandLine;
using System.Text.Json;
using BpomBot.Host.Cli;

namespace BpomBot.Host.Tests.Faq;

public sealed class FaqCommandTests
{
    private static (int Exit, string Out, string Err) Run(string input, params string[] args)
    {
        var root = new RootCommand { FaqCommand.Create(() => new StringReader(input)) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["faq", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static void AssertJsonLineShape(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal(["topic", "score", "lang", "candidates"], root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("topic").ValueKind is JsonValueKind.String or JsonValueKind.Null);
        Assert.InRange(root.GetProperty("score").GetDouble(), 0, 1);
        Assert.Contains(root.GetProperty("lang").GetString(), new[] { "id", "en" });
        foreach (var c in root.GetProperty("candidates").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, c.GetProperty("topic").ValueKind);
            Assert.InRange(c.GetProperty("score").GetDouble(), 0, 1);
        }
    }

    [Fact]
    public void Faq_Question_PrintsOneJsonLine()
    {
        var (exit, output, _) = Run("", "nomor whatsapp halobpom berapa");
        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        AssertJsonLineShape(line);
        Assert.Contains("\"topic\":\"kontak-halobpom\"", line, StringComparison.Ordinal);
        Assert.Contains("\"lang\":\"id\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Faq_OutOfScope_PrintsNullTopic()
    {
        var (exit, output, _) = Run("", "book me a flight to Bali next week");
        Assert.Equal(0, exit);
        AssertJsonLineShape(output.Trim());
        Assert.StartsWith("{\"topic\":null,", output, StringComparison.Ordinal);
        Assert.Contains("\"lang\":\"en\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Faq_Batch_PrintsOneLinePerNonEmptyInputLine()
    {
        var (exit, output, _) = Run("cara cek produk bpom\n\nwhat is e-meso?\ncuaca besok\n", "--batch");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, AssertJsonLineShape);
    }

    [Theory]
    [InlineData]
    [InlineData("--batch", "juga pertanyaan")]
    public void Faq_NoQuestionOrBoth_ExitsTwoWithMessage(params string[] args)
    {
        var (exit, output, error) = Run("", args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--batch", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FaqEval_LabelledFile_PrintsFigures()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "query\texpected_topic_id\tlang\nnomor telepon halobpom\tkontak-halobpom\tid\njadwal kereta besok\tnone\tid\n");
        try
        {
            var (exit, output, _) = Run("", "eval", path);
            Assert.Equal(0, exit);
            Assert.Contains("top-1 accuracy (in scope): 1.000 (1/1)", output, StringComparison.Ordinal);
            Assert.Contains("out-of-scope precision: 1.000 (1/1)", output, StringComparison.Ordinal);
            Assert.Contains("out-of-scope recall: 1.000 (1/1;", output, StringComparison.Ordinal);
            Assert.Contains("right topic answered or offered (in scope): 1.000 (1/1)", output, StringComparison.Ordinal);
            Assert.Contains("confused pairs: none", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FaqEval_MalformedOrMissingFile_ExitsTwo()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "query\texpected_topic_id\tlang\nsatu kolom saja\n");
        try
        {
            Assert.Equal(2, Run("", "eval", path).Exit);
            File.WriteAllText(path, "x\ttopik-tak-dikenal\tid\n");
            Assert.Contains("topik-tak-dikenal", Run("", "eval", path).Err, StringComparison.Ordinal);
            Assert.Equal(2, Run("", "eval", path + ".hilang").Exit);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
