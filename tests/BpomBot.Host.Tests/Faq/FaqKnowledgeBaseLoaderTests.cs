using BpomBot.Domain.Faq;
using BpomBot.Host.Faq;

namespace BpomBot.Host.Tests.Faq;

public sealed class FaqKnowledgeBaseLoaderTests
{
    /// <summary>The 44 topic ids of the shared fact sheet (facts.md); the shipped knowledge base must cover exactly these.</summary>
    private static readonly string[] FactSheetIds =
    [
        "cek-produk", "scan-barcode-2d", "cek-klik", "kode-registrasi-pangan", "kode-registrasi-obat", "kode-ot-suplemen",
        "kode-notifikasi-kosmetik", "nomor-izin-palsu", "produk-kedaluwarsa", "kontak-halobpom", "pengaduan-produk", "jam-layanan",
        "ulpk-balai", "lapor-sp4n", "efek-samping-meso", "recall-penarikan", "public-warning-kosmetik", "jamu-bko",
        "skincare-etiket-biru", "bahan-berbahaya-pangan", "klarifikasi-hoaks", "belanja-online", "impor-pribadi",
        "registrasi-pangan-olahan", "pangan-bebas-izin-edar", "spp-irt", "pirt-vs-md", "notifikasi-kosmetik", "izin-produksi-kosmetik",
        "registrasi-ot-suplemen", "registrasi-obat", "biaya-pnbp", "lama-proses-registrasi", "perpanjangan-izin-edar", "ski-impor",
        "ske-ekspor", "pendampingan-umkm", "layanan-balai-zi", "pengujian-sampel", "halal-bpjph", "peran-bpom-dinkes", "alkes-pkrt",
        "waspada-calo", "ppid-informasi",
    ];

    private const string ValidEntry = """
        category: uji
        entries:
          - id: cek-produk
            last_reviewed: 2026-11-22
            title: { id: Cek produk, en: Check a product }
            keywords: [cek bpom]
            questions:
              id: [cara cek produk, cek nomor bpom]
              en: [how do I check a product]
            answer: { id: Cek di situs., en: Check the site. }
            links: [https://cekbpom.pom.go.id]
        """;

    [Fact]
    public void Embedded_ShippedFiles_CoverEveryFactSheetTopicWithCompleteEntries()
    {
        var kb = FaqKnowledgeBaseLoader.Embedded;
        Assert.Equal(FactSheetIds.Order(), kb.Entries.Select(e => e.Id).Order());
        Assert.All(kb.Entries, e =>
        {
            Assert.True(e.QuestionsId.Count >= 4, $"{e.Id}: needs several Indonesian sample questions");
            Assert.True(e.QuestionsEn.Count >= 2, $"{e.Id}: needs English sample questions");
            Assert.InRange(e.Answer.Id.Length, 80, 800);
            Assert.InRange(e.Answer.En.Length, 80, 800);
            Assert.EndsWith(".yaml", e.SourceFile, StringComparison.Ordinal);
            Assert.All(e.Links, l => Assert.StartsWith("https://", l, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Load_ValidYaml_MapsAllFields()
    {
        var entry = Assert.Single(FaqKnowledgeBaseLoader.Load([("uji.yaml", ValidEntry)]).Entries);
        Assert.Equal("cek-produk", entry.Id);
        Assert.Equal("uji", entry.Category);
        Assert.Equal(new DateOnly(2026, 11, 22), entry.LastReviewed);
        Assert.Equal(["cara cek produk", "cek nomor bpom"], entry.QuestionsId);
        Assert.Equal("Check the site.", entry.Answer.En);
        Assert.Equal(["https://cekbpom.pom.go.id"], entry.Links);
        Assert.Equal("uji.yaml", entry.SourceFile);
    }

    [Fact]
    public void Load_DuplicateIdAcrossFiles_ErrorNamesFileAndEntry()
    {
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBaseLoader.Load([("a.yaml", ValidEntry), ("b.yaml", ValidEntry)]));
        Assert.Contains(ex.Errors, e => e.StartsWith("b.yaml: entry 'cek-produk': duplicate id (first defined in a.yaml)", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EmptyAnswer_ErrorNamesFileAndEntry()
    {
        var yaml = ValidEntry.Replace("answer: { id: Cek di situs., en: Check the site. }", "answer: { id: '', en: Check the site. }", StringComparison.Ordinal);
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBaseLoader.Load([("kanal.yaml", yaml)]));
        Assert.Equal(["kanal.yaml: entry 'cek-produk': missing or empty answer.id"], ex.Errors);
    }

    [Fact]
    public void Load_MissingFields_ListsEachMissingField()
    {
        const string yaml = """
            entries:
              - id: jam-layanan
                questions: { id: [satu] }
            """;
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBaseLoader.Load([("kanal.yaml", yaml)]));
        foreach (var field in new[] { "category", "title.id", "answer.en", "questions.id needs", "questions.en needs", "last_reviewed" })
        {
            Assert.Contains(ex.Errors, e => e.StartsWith("kanal.yaml: entry 'jam-layanan':", StringComparison.Ordinal) && e.Contains(field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Load_UnknownFieldOrBadYaml_ErrorNamesFileAndLine()
    {
        var misspelt = ValidEntry.Replace("keywords:", "keywordz:", StringComparison.Ordinal);
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBaseLoader.Load([("konsumen.yaml", misspelt)]));
        Assert.StartsWith("konsumen.yaml: YAML error at line 6", Assert.Single(ex.Errors), StringComparison.Ordinal);

        ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBaseLoader.Load([("rusak.yaml", "entries: [ {id: x")]));
        Assert.StartsWith("rusak.yaml: YAML error", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadDate_ErrorNamesEntry()
    {
        var yaml = ValidEntry.Replace("2026-11-22", "22/11/2026", StringComparison.Ordinal);
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBaseLoader.Load([("uji.yaml", yaml)]));
        Assert.Contains("uji.yaml: entry 'cek-produk': last_reviewed '22/11/2026' is not a yyyy-MM-dd date", ex.Errors);
    }

    [Fact]
    public void Load_FileWithoutEntries_Rejected()
    {
        var ex = Assert.Throws<FaqValidationException>(() => FaqKnowledgeBaseLoader.Load([("kosong.yaml", "category: x\n")]));
        Assert.Contains("kosong.yaml: no entries", ex.Errors);
    }
}
