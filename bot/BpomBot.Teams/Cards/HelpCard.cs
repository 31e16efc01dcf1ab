using System.Text.Json.Nodes;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Cards;

/// <summary>The first-conversation card: what BpomBot can do, with one "Coba" button.</summary>
public static class HelpCard
{
    /// <summary>The commands the card lists (words and descriptions come from the bot's one vocabulary).</summary>
    public static readonly IReadOnlyList<Intent> Shown =
        [Intent.Mulai, Intent.Tugas, Intent.Status, Intent.Lanjut, Intent.Selesai, Intent.Rencana, Intent.Tunda, Intent.Batal, Intent.Disposisi, Intent.Faq, Intent.Bantuan];

    public static JsonObject Build(Language language, bool understood = true)
    {
        var en = language == Language.English;
        var intro = understood
            ? null
            : AdaptiveCard.Text(en ? "Sorry, I did not understand that yet." : "Maaf, saya belum memahami pesan itu.", subtle: true);
        var body = new List<JsonNode>();
        if (intro is not null)
        {
            body.Add(intro);
        }

        body.Add(AdaptiveCard.Text(en ? "Hello, I am BpomBot" : "Halo, saya BpomBot", bold: true));
        body.Add(AdaptiveCard.Text(en
            ? "I guide BPOM officers through the SOP step by step, track due dates in working days (HK), send disposisi to leaders and answer HALOBPOM FAQ questions."
            : "Saya memandu petugas BPOM menjalankan SOP langkah demi langkah, memantau tenggat dalam hari kerja (HK), mengirim disposisi kepada pimpinan, dan menjawab pertanyaan FAQ HALOBPOM."));
        body.Add(AdaptiveCard.Facts(Shown.Select(IntentCatalog.Info).Select(i => en ? (i.EnglishWord, i.EnglishDescription) : (i.Word, i.Description))));
        body.Add(AdaptiveCard.Text(en
            ? "You can also write in your own words, e.g. \"step A.3 is done\" or \"plan it for next Monday\"."
            : "Anda juga bisa menulis dengan kalimat sendiri, mis. \"langkah A.3 sudah selesai\" atau \"jadwalnya Senin depan\".", subtle: true));
        return AdaptiveCard.Create([.. body])
            .WithActions(AdaptiveCard.Execute(Verbs.Coba, en ? "Try it" : "Coba", new JsonObject { ["lang"] = en ? "en" : "id" }));
    }

    /// <summary>The card that replaces the help card after "Coba" is pressed.</summary>
    public static JsonObject BuildTried(Language language)
    {
        var en = language == Language.English;
        return AdaptiveCard.Create(
            AdaptiveCard.Text(en ? "It works!" : "Berhasil!", bold: true),
            AdaptiveCard.Text(en
                ? "Buttons on my cards answer right here. Type **mulai** to start a kegiatan or ask a HALOBPOM question."
                : "Tombol pada kartu saya menjawab langsung di sini. Ketik **mulai** untuk memulai kegiatan, atau ajukan pertanyaan HALOBPOM."));
    }
}
