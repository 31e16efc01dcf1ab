using BpomBot.Domain.Disposisi;

namespace BpomBot.Domain.Tests.Disposisi;

/// <summary>The disposisi's short description reads in the reader's language; names and references stay as typed.</summary>
public sealed class DisposisiTextsTests
{
    [Fact]
    public void OfficerSummary_ReadsStep_InEnglish_AndStaysIndonesian_OtherwiseUnchanged()
    {
        const string summary = "FGD langkah pemda: langkah A.4, output https://x/langkah.pdf";

        Assert.Equal("FGD langkah pemda: step A.4, output https://x/langkah.pdf", DisposisiTexts.Summary(summary, "A.4", english: true));
        Assert.Equal(summary, DisposisiTexts.Summary(summary, "A.4", english: false));
        Assert.Equal("Laporan FGD", DisposisiTexts.Summary("Laporan FGD", "A.4", english: true)); // a summary of another shape
    }

    [Fact]
    public void Answered_InEnglish_NamesTheStepInEnglish()
    {
        var phrase = DisposisiTexts.Answered("Citra", "A.4", "FGD: langkah A.4, output B-1", "Layak.");

        Assert.Contains("\"FGD: step A.4, output B-1\"", phrase.English, StringComparison.Ordinal);
        Assert.Contains("\"FGD: langkah A.4, output B-1\"", phrase.Indonesian, StringComparison.Ordinal);
    }
}
