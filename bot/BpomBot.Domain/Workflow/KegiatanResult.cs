using BpomBot.Domain.Audit;

namespace BpomBot.Domain.Workflow;

/// <summary>
/// Who acts: the person, and for a Plt/Plh the official acted for ("a.n."). With <see cref="Profile"/> (unit and
/// roster roles) the engine checks the step's Pelaksana; without it the caller has already decided.
/// </summary>
public sealed record Actor(string Id, string? OnBehalfOf = null, Sop.ExecutorProfile? Profile = null);

/// <summary>
/// Why a transition was refused: a machine code and an Indonesian sentence for the person. A person who may not carry out
/// the step (BUKAN_PELAKSANA) also gets <see cref="WhoCan"/>: who can, as data, so each language names them.
/// </summary>
public sealed record Refusal(string Code, string Reason, Sop.WhoCan? WhoCan = null)
{
    /// <summary>The refusal in both languages when the domain words it itself (null: <c>RefusalTexts</c> per code).</summary>
    public Abstractions.Phrase? Words => WhoCan?.Refusal();
}

/// <summary>
/// The outcome of one engine call. On success <see cref="Kegiatan"/> is the new state (a new instance; the input is
/// never changed) and <see cref="Events"/> holds the audit trail of the transition. On refusal nothing changed.
/// </summary>
public sealed record KegiatanResult(Kegiatan? Kegiatan, Refusal? Refusal, IReadOnlyList<AuditEvent> Events)
{
    public bool Succeeded => Refusal is null;
}

/// <summary>Machine codes for refused transitions.</summary>
public static class RefusalCodes
{
    public const string SopTidakDikenal = "SOP_TIDAK_DIKENAL";
    public const string SopVersiTidakAda = "SOP_VERSI_TIDAK_ADA";
    public const string SubprosesTidakDikenal = "SUBPROSES_TIDAK_DIKENAL";
    public const string AlurTidakAda = "ALUR_TIDAK_ADA";
    public const string DataKosong = "DATA_KOSONG";
    public const string PemangkuKepentinganTidakSesuai = "PEMANGKU_KEPENTINGAN_TIDAK_SESUAI";
    public const string BentukTidakSesuai = "BENTUK_TIDAK_SESUAI";
    public const string KegiatanSelesai = "KEGIATAN_SELESAI";
    public const string KegiatanDibatalkan = "KEGIATAN_DIBATALKAN";
    public const string KelengkapanTidakDikenal = "KELENGKAPAN_TIDAK_DIKENAL";
    public const string AlternatifTidakDikenal = "ALTERNATIF_TIDAK_DIKENAL";
    public const string KelengkapanSudahLengkap = "KELENGKAPAN_SUDAH_LENGKAP";
    public const string KelengkapanBelumLengkap = "KELENGKAPAN_BELUM_LENGKAP";
    public const string LangkahDitunda = "LANGKAH_DITUNDA";
    public const string MenungguDisposisi = "MENUNGGU_DISPOSISI";
    public const string PerluDisposisi = "PERLU_DISPOSISI";
    public const string TanpaDisposisi = "TANPA_DISPOSISI";
    public const string BukanMenungguDisposisi = "BUKAN_MENUNGGU_DISPOSISI";
    public const string StatusTidakSesuai = "STATUS_TIDAK_SESUAI";
    public const string RencanaBelumAda = "RENCANA_BELUM_ADA";
    public const string WaktuBukanNa = "WAKTU_BUKAN_NA";
    public const string TanggalTidakValid = "TANGGAL_TIDAK_VALID";
    public const string AlasanKosong = "ALASAN_KOSONG";
    public const string CabangTidakDikenal = "CABANG_TIDAK_DIKENAL";
    public const string TidakBolehDilewati = "TIDAK_BOLEH_DILEWATI";
    public const string KalenderTidakTersedia = "KALENDER_TIDAK_TERSEDIA";

    /// <summary>The person is not among the step's Pelaksana (e.g. a UPT officer at a Unit Kerja Pusat step).</summary>
    public const string BukanPelaksana = "BUKAN_PELAKSANA";

    /// <summary>A unit target date outside the cycle year, or on a step whose Waktu is not the unit's to set.</summary>
    public const string TargetTidakValid = "TARGET_TIDAK_VALID";
}
