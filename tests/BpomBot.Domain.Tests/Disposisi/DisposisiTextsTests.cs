using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

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
    public void StepUnchanged_ByAWhoCanRefusal_NamesWhoCan_InEnglish()
    {
        var who = new WhoCan("A.9", "Memberikan masukan", "A", [new ExecutorChoice("kepala-bpom", "Kepala BPOM"), new ExecutorChoice("pptm", "Pejabat Pimpinan Tinggi Madya")], "Balai Besar POM di Medan");
        var refusal = new Refusal(RefusalCodes.BukanPelaksana, who.Refusal().Indonesian, who);

        var phrase = DisposisiTexts.StepUnchanged(refusal);

        Assert.EndsWith("Step A.9 is carried out by the Kepala BPOM or a Pejabat Pimpinan Tinggi Madya. You are registered at Balai Besar POM di Medan, so you cannot carry it out; nothing was changed.",
            phrase.English, StringComparison.Ordinal);
        Assert.Contains("dilaksanakan oleh Kepala BPOM atau Pejabat Pimpinan Tinggi Madya", phrase.Indonesian, StringComparison.Ordinal);
    }

    [Fact]
    public void Answered_InEnglish_NamesTheStepInEnglish()
    {
        var phrase = DisposisiTexts.Answered("Citra", "A.4", "FGD: langkah A.4, output B-1", "Layak.");

        Assert.Contains("\"FGD: step A.4, output B-1\"", phrase.English, StringComparison.Ordinal);
        Assert.Contains("\"FGD: langkah A.4, output B-1\"", phrase.Indonesian, StringComparison.Ordinal);
    }
}
