using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

public sealed class IndonesianStemmerTests
{
    private static readonly IndonesianStemmer Stemmer = new(FaqLexicon.Embedded.RootsId);

    [Theory]
    // Derivational suffixes -an, -kan, -i; possessive -nya.
    [InlineData("makanan", "makan")]
    [InlineData("layanan", "layan")]
    [InlineData("izinnya", "izin")]
    [InlineData("racikan", "racik")]
    // Plain prefixes di-, ke-, se- and confixes.
    [InlineData("diedarkan", "edar")]
    [InlineData("dipakai", "pakai")]
    [InlineData("keamanan", "aman")]
    [InlineData("kesehatan", "sehat")]
    // ber-/ter- rules (ECS rules 1-9).
    [InlineData("berbahaya", "bahaya")]
    [InlineData("terdaftar", "daftar")]
    // me-/pe- recoding rules (ECS rules 10-34).
    [InlineData("memeriksa", "periksa")]
    [InlineData("pemeriksaan", "periksa")]
    [InlineData("mengecek", "cek")]
    [InlineData("mendaftarkan", "daftar")]
    [InlineData("pendaftaran", "daftar")]
    [InlineData("menyebut", "sebut")]
    [InlineData("penjualan", "jual")]
    [InlineData("pembuatan", "buat")]
    [InlineData("memproduksi", "produksi")]
    [InlineData("pengaduan", "adu")]
    [InlineData("pelayanan", "layan")]
    [InlineData("pelaku", "laku")]
    // per- and stacked prefixes.
    [InlineData("peredaran", "edar")]
    [InlineData("perizinan", "izin")]
    [InlineData("persyaratan", "syarat")]
    [InlineData("perpanjangan", "panjang")]
    // Suffix restore: "-kan" read as "k" + "-an" ("penarikan" is pe-narik-an, not pe-nari-kan).
    [InlineData("penarikan", "tarik")]
    public void Stem_AffixedWord_ReturnsRoot(string word, string root) => Assert.Equal(root, Stemmer.Stem(word));

    [Theory]
    [InlineData("obat")]
    [InlineData("pangan")]
    [InlineData("kedaluwarsa")]
    [InlineData("bpom")]
    public void Stem_RootWord_ReturnsItUnchanged(string word) => Assert.Equal(word, Stemmer.Stem(word));

    [Theory]
    [InlineData("mengxyzkan")]
    [InlineData("skincare")]
    [InlineData("sertifikasi")]
    public void Stem_NoRootInDictionary_ReturnsWordUnchanged(string word) => Assert.Equal(word, Stemmer.Stem(word));

    [Fact]
    public void Stem_ForbiddenConfixDiAn_DoesNotStripBoth()
    {
        // di-...-an is not an Indonesian confix: with only "ambil" known, "diambilan" must not become "ambil".
        var stemmer = new IndonesianStemmer(new HashSet<string> { "ambil" });
        Assert.Equal("diambilan", stemmer.Stem("diambilan"));
        Assert.Equal("ambil", stemmer.Stem("diambil"));
    }
}
