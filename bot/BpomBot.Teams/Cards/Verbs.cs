namespace BpomBot.Teams.Cards;

/// <summary>Every <c>Action.Execute</c> verb BpomBot's cards emit. Handlers and cards share these constants.</summary>
public static class Verbs
{
    /// <summary>The "Coba" button of the help card.</summary>
    public const string Coba = "coba";

    // Step card buttons (data: k = kegiatan id, v = kegiatan version; the server decides the rest).
    public const string Lanjut = "kegiatan.lanjut";
    public const string Kelengkapan = "kegiatan.kelengkapan";
    public const string Selesai = "kegiatan.selesai";
    public const string Rencana = "kegiatan.rencana";
    public const string Tunda = "kegiatan.tunda";
    public const string Lanjutkan = "kegiatan.lanjutkan";
    public const string Lewati = "kegiatan.lewati";
    public const string Riwayat = "kegiatan.riwayat";
}
