using BpomBot.Domain.Faq;

namespace BpomBot.Domain.Tests.Faq;

/// <summary>A small hand-written knowledge base for retrieval tests (independent of the shipped YAML).</summary>
internal static class FaqTestData
{
    public static FaqEntry Entry(
        string id,
        string[] questionsId,
        string[]? questionsEn = null,
        string answerId = "Jawaban.",
        string answerEn = "Answer.",
        string[]? keywords = null,
        string file = "test.yaml") =>
        new(id, "uji", new FaqText("Judul " + id, "Title " + id), questionsId, questionsEn ?? ["question about " + id],
            keywords ?? [], new FaqText(answerId, answerEn), [], new DateOnly(2026, 11, 22), file);

    public static FaqKnowledgeBase SmallKnowledgeBase() => FaqKnowledgeBase.Create(
    [
        Entry("cek-produk",
            ["bagaimana cara mengecek produk terdaftar di bpom", "cek nomor izin edar kosmetik"],
            ["how do I check whether a product is registered"],
            "Cek izin edar lewat situs Cek BPOM.", "Check the registration on Cek BPOM.",
            ["cek bpom", "terdaftar"]),
        Entry("kontak-halobpom",
            ["nomor telepon halobpom berapa", "cara menghubungi bpom lewat whatsapp"],
            ["what is the halobpom phone number"],
            "Telepon 1-500-533.", "Phone 1-500-533.",
            ["telepon", "whatsapp", "email"]),
        Entry("spp-irt",
            ["cara mengurus sertifikat pirt untuk pangan rumahan", "pirt diterbitkan oleh siapa"],
            ["how do I get a home industry food certificate"],
            "SPP-IRT diterbitkan pemerintah kabupaten.", "The SPP-IRT is issued by the regency.",
            ["pirt", "industri rumah tangga"]),
        Entry("bahan-berbahaya-pangan",
            ["ciri makanan mengandung formalin", "bakso mengandung boraks berbahaya"],
            ["how can I tell if food contains formalin"],
            "Formalin dan boraks dilarang.", "Formalin and borax are banned.",
            ["formalin", "boraks", "rhodamin"]),
    ]);

    public static FaqRetriever SmallRetriever(FaqRetrieverOptions? options = null) => new(SmallKnowledgeBase(), options: options);
}
