using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Tests.Sop;

/// <summary>The shipped SOP file against values transcribed by hand from the SOP text (seed 003), not from the JSON.</summary>
public sealed class SopDataTests
{
    private static readonly SopDefinition Sop = SopCatalog.LoadEmbedded().Latest("POM-04.01/CFM.01/SOP.01")!;

    // Step, Waktu in HK (null = N/A), Output, as printed in the SOP's diagram table.
    public static TheoryData<string, int?, string> SeedSteps => new()
    {
        { "A.1", 10, "Rencana advokasi" },
        { "A.2", 15, "Bahan pelaksanaan advokasi" },
        { "A.3", null, "Hasil advokasi berupa rekomendasi dan tindak lanjut" },
        { "A.4", 5, "Laporan pelaksanaan advokasi." },
        { "A.5", null, "Hasil tindak lanjut" },
        { "A.6", 5, "Laporan hasil evaluasi rekomendasi dan tindak lanjut advokasi" },
        { "A.7", 20, "Laporan tahunan pelaksanaan advokasi." },
        { "A.8", 40, "Rekap hasil laporan tahunan pelaksanaan advokasi UPT BPOM." },
        { "A.9", 5, "Disposisi arahan" },
        { "A.10", 10, "Rekap laporan hasil monitoring dan pengawalan" },
        { "B.1", 20, "Rencana pelaksanaan kegiatan" },
        { "B.2", 40, "Bahan pelaksanaan pembinaan dan pendampingan" },
        { "B.3", null, "Hasil pembinaan dan pendampingan berupa rekomendasi dan tindak lanjut" },
        { "B.4", 15, "Laporan pelaksanaan pembinaan dan pendampingan." },
        { "B.5", null, "Hasil tindak lanjut" },
        { "B.6", 5, "Laporan hasil evaluasi rekomendasi dan tindak lanjut pembinaan dan pendampingan" },
        { "B.7", 20, "Laporan Tahunan Pelaksanaan pembinaan dan pendampingan." },
        { "B.8", 40, "Rekap hasil laporan tahunan pelaksanaan pembinaan dan pendampingan UPT BPOM." },
        { "B.9", 1, "Disposisi arahan" },
        { "B.10", 10, "Rekomendasi kegiatan tahun n+1" },
        { "C.1", 10, "Rencana pelaksanaan kegiatan" },
        { "C.2", 40, "Dokumen persiapan pelaksanaan pemberdayaan masyarakat" },
        { "C.3", null, "Laporan pelaksanaan pemberdayaan masyarakat" },
        { "C.4", 15, "Hasil monitoring dan evaluasi pelaksanaan pemberdayaan masyarakat" },
        { "C.5", 20, "Laporan Tahunan Pelaksanaan pemberdayaan masyarakat ." },
        { "C.6", 40, "Rekap hasil laporan tahunan pelaksanaan pemberdayaan masyarakat UPT BPOM." },
        { "C.7", 5, "Disposisi arahan" },
        { "C.8", 10, "Rekomendasi kegiatan tahun n+1" },
        { "D.1", 40, "Rencana pelaksanaan kegiatan" },
        { "D.2", 30, "Dokumen hasil rekrutmen" },
        { "D.3", 5, "Dokumen hasil pelatihan berbasis kompetensi" },
        { "D.4", null, "Dokumen hasil sertifikasi kompetensi" },
        { "D.5", 10, "Dokumen pengajuan Sertifikat pengakuan fasilitator" },
        { "D.6", 60, "Sertifikat pengakuan fasilitator yang disahkan" },
        { "D.7", 20, "Laporan kegiatan monitoring dan evaluasi kegiatan pembentukan fasilitator" },
        { "D.8", 10, "Laporan kegiatan monitoring dan evaluasi kegiatan pembentukan fasilitator" },
        { "D.9", 5, "Dokumen terkait" },
    };

    [Theory]
    [MemberData(nameof(SeedSteps))]
    public void Step_MatchesSeed_WaktuAndOutput(string id, int? waktuHk, string output)
    {
        var step = Sop.FindStep(id);
        Assert.NotNull(step);
        Assert.Equal(waktuHk, step.WaktuHk);
        Assert.Equal(output, step.Output);
    }

    [Fact]
    public void SubProcesses_MatchSeed_NamesAndCounts()
    {
        Assert.Equal(
            ["A:Advokasi Pemangku Kepentingan:10", "B:Pembinaan dan Pendampingan:10", "C:Pemberdayaan Masyarakat:8", "D:Pembentukan Fasilitator Keamanan Pangan:9"],
            Sop.SubProcesses.Select(s => $"{s.Code}:{s.Name}:{s.Steps.Count}"));
        Assert.Equal(37, Sop.SubProcesses.Sum(s => s.Steps.Count));
        Assert.Equal(SeedSteps.Select(r => (string)r[0]).Order(), Sop.SubProcesses.SelectMany(s => s.Steps).Select(s => s.Id).Order());
    }

    [Fact]
    public void Metadata_MatchesSeed()
    {
        Assert.Equal("POM-04.01/CFM.01/SOP.01", Sop.Code);
        Assert.Equal(new DateOnly(2018, 6, 4), Sop.CreatedOn);
        Assert.Equal("04", Sop.Revision.Number);
        Assert.Equal(new DateOnly(2022, 2, 11), Sop.Revision.Date);
        Assert.Equal(new DateOnly(2022, 4, 7), Sop.EffectiveOn);
        Assert.Equal(["POM-02", "POM-03"], Sop.RelatedSops.Select(r => r.Code));
    }

    [Fact]
    public void Kinds_AnnualCycleIsA7To10B7To10C5To8_RestPerKegiatan()
    {
        string[] annual = ["A.7", "A.8", "A.9", "A.10", "B.7", "B.8", "B.9", "B.10", "C.5", "C.6", "C.7", "C.8"];
        foreach (var step in Sop.SubProcesses.SelectMany(s => s.Steps))
        {
            Assert.Equal(annual.Contains(step.Id) ? WorkflowKind.SiklusTahunan : WorkflowKind.PerKegiatan, step.Kind);
        }
    }

    [Theory]
    [InlineData("A.1", new[] { "Hasil rekomendasi kegiatan/kajian", "Lembar disposisi pimpinan/Unit Kerja Pusat" })]
    [InlineData("B.1", new[] { "Hasil rekomendasi kegiatan/kajian", "Surat permintaan", "MoU/PKS" })]
    [InlineData("C.1", new[] { "Hasil rekomendasi kegiatan/kajian", "Surat permintaan", "MoU/PKS" })]
    [InlineData("D.1", new[] { "Hasil rekomendasi kegiatan/kajian", "Surat permintaan", "MoU/PKS", "Inisiasi (usulan kegiatan)" })]
    public void FirstSteps_KelengkapanAtau_IsOneItemWithAlternatives(string id, string[] alternatives)
    {
        var item = Assert.Single(Sop.FindStep(id)!.Kelengkapan);
        Assert.Equal(alternatives, item.Alternatives);
    }

    [Fact]
    public void EveryNextStep_TakesThePreviousOutputAsKelengkapan()
    {
        foreach (var step in Sop.SubProcesses.SelectMany(s => s.Steps).Where(s => s.Next is not null))
        {
            var next = Sop.FindStep(step.Next!)!;
            Assert.Contains(next.Kelengkapan, i => i.FromOutputOf == step.Id && i.Alternatives.Contains(step.Output));
        }
    }

    [Theory]
    [InlineData("A.4", DisposisiMode.ReportToLeader, false)]
    [InlineData("B.4", DisposisiMode.ReportToLeader, false)]
    [InlineData("A.8", DisposisiMode.ReportToLeader, false)]
    [InlineData("C.6", DisposisiMode.ReportToLeader, true)]
    [InlineData("D.8", DisposisiMode.ReportToLeader, false)]
    [InlineData("A.9", DisposisiMode.LeaderDecides, false)]
    [InlineData("B.9", DisposisiMode.LeaderDecides, false)]
    [InlineData("C.7", DisposisiMode.LeaderDecides, false)]
    [InlineData("D.6", DisposisiMode.LeaderDecides, false)]
    public void LeaderSteps_AreMarked(string id, DisposisiMode mode, bool optional)
    {
        var rule = Sop.FindStep(id)!.Disposisi;
        Assert.NotNull(rule);
        Assert.Equal(mode, rule.Mode);
        Assert.Equal(optional, rule.Optional);
        Assert.All(rule.Roles, r => Assert.True(Sop.FindRole(r)!.Leader));
    }

    [Fact]
    public void OnlyTheNineLeaderStepsCarryDisposisi() =>
        Assert.Equal(9, Sop.SubProcesses.SelectMany(s => s.Steps).Count(s => s.Disposisi is not null));

    [Fact]
    public void D8_ReportsToPptm_WithQuarterDeadline()
    {
        var d8 = Sop.FindStep("D.8")!;
        Assert.True(d8.QuarterDeadline);
        Assert.Equal(["pptm"], d8.Disposisi!.Roles);
        Assert.Equal("Pejabat Pimpinan Tinggi Madya", Sop.FindRole("pptm")!.Name);
    }

    [Fact]
    public void D6_IsSignedByKepalaBpom() => Assert.Equal(["kepala-bpom"], Sop.FindStep("D.6")!.Executors);

    [Fact]
    public void DBranches_D3GoesToD7_D5IsVoluntary()
    {
        var d3 = Assert.Single(Sop.FindStep("D.3")!.Branches);
        Assert.Equal((BranchTiming.Complete, "D.7"), (d3.After, d3.To));
        var d5 = Assert.Single(Sop.FindStep("D.5")!.Branches);
        Assert.Equal((BranchTiming.Skip, "D.7"), (d5.After, d5.To));
        Assert.Equal(2, Sop.SubProcesses.SelectMany(s => s.Steps).Sum(s => s.Branches.Count));
    }

    [Fact]
    public void Executors_AreInferredWithABasis_FromTheFiveRoles()
    {
        Assert.Equal(["unit-kerja-pusat", "upt-bpom", "kepala-bpom", "pptm", "ppsdm"], Sop.Roles.Select(r => r.Id));
        Assert.All(Sop.SubProcesses.SelectMany(s => s.Steps), s =>
        {
            Assert.True(s.ExecutorInferred);
            Assert.False(string.IsNullOrWhiteSpace(s.ExecutorBasis));
        });
    }

    [Fact]
    public void A7_LokaReportsToKoordinator() => Assert.True(Sop.FindStep("A.7")!.LokaReportsToKoordinator);

    [Fact]
    public void Choices_PerSubProcess_FollowTheSopText()
    {
        Assert.Equal(7, Sop.StakeholderCategories.Count);
        Assert.Equal(["fgd", "audiensi", "workshop"], Sop.FindSubProcess("A")!.Forms);
        Assert.Equal(["fgd", "audiensi", "workshop", "bimtek", "konsultasi", "pendampingan"], Sop.FindSubProcess("B")!.Forms);
        Assert.Contains("pembentukan-kader-duta", Sop.FindSubProcess("C")!.Forms);
        Assert.Contains("kie", Sop.FindSubProcess("C")!.Forms);
        Assert.Equal(7, Sop.FindSubProcess("A")!.StakeholderCategories.Count);
        Assert.Equal(7, Sop.FindSubProcess("B")!.StakeholderCategories.Count);
    }
}
