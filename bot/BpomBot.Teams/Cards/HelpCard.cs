using System.Text.Json.Nodes;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Cards;

/// <summary>The first-conversation card: what BpomBot can do, with one "Coba" button.</summary>
public static class HelpCard
{
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
        body.Add(AdaptiveCard.Facts(en
            ? [("mulai", "start a new kegiatan and follow its SOP steps"),
               ("tugas", "your open tasks and their due dates"),
               ("disposisi", "disposisi waiting for you or sent by you"),
               ("FAQ", "ask a HALOBPOM question in your own words"),
               ("bantuan", "show this help again")]
            : [("mulai", "mulai kegiatan baru dan ikuti langkah SOP"),
               ("tugas", "tugas Anda yang masih terbuka beserta tenggatnya"),
               ("disposisi", "disposisi yang menunggu Anda atau yang Anda kirim"),
               ("FAQ", "tanyakan pertanyaan HALOBPOM dengan kalimat Anda sendiri"),
               ("bantuan", "tampilkan bantuan ini lagi")]));
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
