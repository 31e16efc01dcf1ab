using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Rekap;

/// <summary>
/// Every sentence of the recap feature a person reads, in both languages: <see cref="RekapService"/>'s answers and
/// refusals and the edge's errors (chat, card buttons, the tab and the download links). Unit names, role names and
/// "HK" stay as they are in both.
/// </summary>
public static class RekapTexts
{
    private const string Leaders = "Kepala UPT, Direktur, PPTM, Kepala BPOM";

    public static Phrase UnknownSubProcess(string subProcess) => new("SUBPROSES_TIDAK_DIKENAL",
        $"Sub-proses '{subProcess}' tidak ada; pilih A, B, C atau D.", $"There is no sub-process '{subProcess}'; choose A, B, C or D.");

    public static Phrase UnknownUnit(string unitId) => new("UNIT_TIDAK_DIKENAL",
        $"Unit '{unitId}' tidak dikenal.", $"Unit '{unitId}' is not known.");

    public static Phrase LeadersOnly() => new("BUKAN_PIMPINAN",
        $"Rekap hanya untuk pimpinan ({Leaders}).", $"The recap is for leaders only ({Leaders}).");

    /// <summary>A scope outside the viewer's: both scopes in words per language ("… dan unit di bawahnya" / "… and the units under it").</summary>
    public static Phrase NotAllowed(string wanted, string wantedEnglish, string allowed, string allowedEnglish) => new("TIDAK_BERWENANG",
        $"Anda tidak berwenang melihat rekap {wanted}. Rekap Anda: {allowed}.",
        $"You may not see the recap of {wantedEnglish}. Your recap: {allowedEnglish}.");

    public static Phrase Empty(string scope, string scopeEnglish, int year) => new("REKAP_KOSONG",
        $"Belum ada kegiatan tercatat untuk {scope} tahun {year}.", $"No kegiatan recorded yet for {scopeEnglish} in {year}.");

    public static Phrase Ready(string scope, string scopeEnglish, int year) => new("REKAP",
        $"Rekap {scope} tahun {year}.", $"Recap of {scopeEnglish}, {year}.");

    public static Phrase NotOnRoster() => new("BELUM_TERDAFTAR",
        $"Anda belum terdaftar di roster; rekap hanya untuk pimpinan ({Leaders}).",
        $"You are not on the roster yet; the recap is for leaders only ({Leaders}).");

    public static Phrase NoLongerOnRoster() => new("TIDAK_TERDAFTAR",
        "Anda tidak lagi terdaftar di roster.", "You are no longer on the roster.");

    public static Phrase SignIn() => new("MASUK",
        "Masuk dengan akun Teams yang terdaftar di roster.", "Sign in with a Teams account that is on the roster.");

    public static Phrase StorageDown() => new("PENYIMPANAN_TIDAK_TERSEDIA",
        "Penyimpanan sedang tidak dapat dihubungi; coba lagi sebentar.", "Storage cannot be reached right now; please try again shortly.");

    public static Phrase LinkExpired() => new("TAUTAN_TIDAK_BERLAKU",
        "Tautan tidak berlaku atau sudah kedaluwarsa. Ketik \"rekap\" lagi di chat untuk tautan baru.",
        "This link is not valid or has expired. Type \"recap\" in the chat again for a new link.");

    public static Phrase LocalOnly() => new("LOKAL_SAJA",
        "Mode lokal hanya melayani 127.0.0.1.", "Local mode serves 127.0.0.1 only.");

    public static Phrase CardNotRecognised() => new("KARTU_TIDAK_DIKENALI",
        "Kartu rekap ini tidak dapat dikenali; minta kartu baru dengan: rekap.", "This recap card is not recognised; ask for a new one with: recap.");

    public static Phrase RemindUnitKerjaPusatOnly() => new("BUKAN_UNIT_KERJA_PUSAT",
        "Pengingat laporan tahunan hanya dapat dikirim oleh Unit Kerja Pusat.", "Only the Unit Kerja Pusat can send annual-report reminders.");

    /// <summary>The answer to "Ingatkan n Kepala UPT": sent, already reminded today, UPTs without a Kepala on the roster.</summary>
    public static Phrase Reminded(int sent, int already, int noKepala)
    {
        var id = new List<string> { $"Pengingat dikirim ke {sent} Kepala UPT" };
        var en = new List<string> { $"Reminder sent to {sent} Kepala UPT" };
        if (already > 0)
        {
            id.Add($"{already} sudah diingatkan hari ini");
            en.Add($"{already} already reminded today");
        }

        if (noKepala > 0)
        {
            id.Add($"{noKepala} UPT belum punya Kepala di roster");
            en.Add($"{noKepala} UPT without a Kepala on the roster yet");
        }

        return new("PENGINGAT_TERKIRIM", string.Join("; ", id) + ".", string.Join("; ", en) + ".");
    }

    public static Phrase KegiatanNotFound() => new("KEGIATAN_TIDAK_DITEMUKAN", "Kegiatan tidak ditemukan.", "Kegiatan not found.");

    public static Phrase KegiatanNotAllowed() => new("TIDAK_BERWENANG",
        "Anda tidak berwenang melihat kegiatan ini.", "You may not see this kegiatan.");
}
