using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Disposisi;

/// <summary>
/// Every sentence of the disposisi feature in both languages, in one place: refusals of the rules (by
/// <see cref="DisposisiRefusals"/> code), why a leader received a step (<see cref="Disposisi.LeaderReason"/>), the
/// answers to a decision and the notices to officers and leaders. The domain returns these <see cref="Phrase"/>s; the
/// Teams edge shows the reader's language. Names, unit names and SOP words stay as they are in both.
/// </summary>
public static class DisposisiTexts
{
    // ---- refusals of the rules ----

    public static Phrase AlreadyDecided(DisposisiState state) => new(DisposisiRefusals.SudahDiputuskan,
        $"Disposisi ini sudah diputuskan ({DisposisiText.StateName(state)}).",
        $"This disposisi has already been decided ({DisposisiText.StateName(state, english: true)}).");

    public static Phrase ReasonRequired() => new(DisposisiRefusals.AlasanKosong,
        "Alasan pengembalian wajib diisi.", "A reason is required to return the disposisi.");

    public static Phrase ForwardedAsksForInput() => new(DisposisiRefusals.BukanPemutus,
        "Disposisi terusan meminta tanggapan Anda; keputusan langkah tetap pada pimpinan yang meneruskannya. Kirim tanggapan.",
        "A forwarded disposisi asks for your input; the decision on the step stays with the leader who forwarded it. Send your input.");

    public static Phrase ForwardedCannotForward() => new(DisposisiRefusals.BukanPemutus,
        "Disposisi terusan meminta tanggapan Anda; kirim tanggapan kepada pimpinan yang meneruskannya.",
        "A forwarded disposisi asks for your input; send it to the leader who forwarded it.");

    public static Phrase AlreadyForwarded() => new(DisposisiRefusals.SudahDiteruskan,
        "Disposisi ini sudah diteruskan; putuskan Setujui atau Kembalikan.",
        "This disposisi has already been forwarded; decide Approve or Return.");

    public static Phrase RecipientNotAllowed() => new(DisposisiRefusals.PenerimaTidakSah,
        "Pilih penerima terusan dari bawahan Anda.", "Choose whom to forward to from your subordinates.");

    public static Phrase ForwardDeadlineRequired() => new(DisposisiRefusals.BatasWaktuTidakValid,
        "Batas waktu terusan wajib diisi.", "A deadline is required to forward.");

    public static Phrase NotForwarded() => new(DisposisiRefusals.BukanTerusan,
        "Tanggapan hanya untuk disposisi terusan; putuskan Setujui, Kembalikan atau Teruskan.",
        "Input is only for a forwarded disposisi; decide Approve, Return or Forward.");

    public static Phrase InputRequired() => new(DisposisiRefusals.TanggapanKosong, "Tanggapan wajib diisi.", "Please write your input.");

    public static Phrase UnknownArahan(IEnumerable<string> ids)
    {
        var list = string.Join(", ", ids);
        return new(DisposisiRefusals.ArahanTidakDikenal, $"Arahan tidak dikenal: {list}.", $"Unknown instruction: {list}.");
    }

    public static Phrase DeadlinePassed(DateOnly batas) => new(DisposisiRefusals.BatasWaktuTidakValid,
        $"Batas waktu {IndonesianDate.Format(batas)} sudah lewat.", $"The deadline {IndonesianDate.Format(batas, english: true)} has already passed.");

    // ---- answers to a click ----

    public static Phrase NotFound() => new("TIDAK_DITEMUKAN", "Disposisi tidak ditemukan.", "Disposisi not found.");

    public static Phrase NotAuthorized() => new("BUKAN_PENERIMA",
        "Anda bukan penerima disposisi ini atau Plt/Plh-nya; tindakan ditolak.",
        "You are not the addressee of this disposisi nor their Plt/Plh; nothing was done.");

    public static Phrase Stale() => new("SEDANG_DIUBAH", "Disposisi sedang diubah; coba lagi.", "The disposisi is being changed; try again.");

    /// <summary>What the decider reads after their own decision.</summary>
    public static Phrase Decided(DisposisiState state, string? from, string? forwardedTo) => state switch
    {
        DisposisiState.Disetujui => new("DISETUJUI", "Disposisi disetujui; langkah selesai.", "Disposisi approved; the step is complete."),
        DisposisiState.Dikembalikan => new("DIKEMBALIKAN", "Disposisi dikembalikan kepada petugas dengan alasan.", "Disposisi returned to the officer with your reason."),
        DisposisiState.Ditanggapi => new("DITANGGAPI",
            $"Tanggapan dikirim kepada {from}; keputusan ada pada beliau.", $"Input sent to {from}; the decision is theirs."),
        _ => new("DITERUSKAN",
            $"Disposisi diteruskan kepada {forwardedTo} untuk dimintai tanggapan; keputusan tetap pada Anda.",
            $"Disposisi forwarded to {forwardedTo} for input; the decision stays with you."),
    };

    /// <summary>The person a disposisi was forwarded to has no chat with the bot yet.</summary>
    public static Phrase ForwardUnreachable(string name) => new("TERUSAN_BELUM_SAMPAI",
        $"{name} belum dapat menerima kartu dari bot (belum pernah membuka chat dengan bot). Terusan tersimpan di kotak disposisinya; " +
        $"minta {name} mengirim pesan \"disposisi\" kepada bot, atau putuskan tanpa menunggu tanggapan.",
        $"{name} cannot receive cards from the bot yet (they have never opened a chat with it). The forward waits in their disposisi inbox; " +
        $"ask {name} to send \"disposisi\" to the bot, or decide without waiting for their input.");

    public static Phrase KegiatanMissing(string kegiatanId) => new(WorkflowRefusals.KegiatanTidakDitemukan,
        $"Kegiatan {kegiatanId} tidak ditemukan; keputusan tercatat pada disposisi saja.",
        $"Kegiatan {kegiatanId} was not found; the decision is recorded on the disposisi only.");

    /// <summary>The decision is stored but the engine refused to change the step (its refusal in both languages).</summary>
    public static Phrase StepUnchanged(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new("LANGKAH_TIDAK_BERUBAH",
            $"Keputusan tercatat, tetapi langkah tidak berubah: {refusal.Reason}",
            $"The decision is recorded, but the step did not change: {refusal.Words?.English ?? RefusalTexts.Text(refusal.Code, refusal.Reason, english: true)}");
    }

    // ---- sending ----

    public static Phrase NotAtStep(string kegiatanId, string stepId) => new("BUKAN_LANGKAH_INI",
        $"Kegiatan {kegiatanId} tidak sedang berada di langkah {stepId}.", $"Kegiatan {kegiatanId} is not at step {stepId}.");

    public static Phrase NotWaiting(string stepId) => new(RefusalCodes.BukanMenungguDisposisi,
        $"Langkah {stepId} belum menunggu disposisi; kirim laporan/hasilnya kepada pimpinan dahulu.",
        $"Step {stepId} is not waiting for disposisi; send its report/result to the leader first.");

    public static Phrase AlreadySent(string stepId, string leader) => new("SUDAH_DIKIRIM",
        $"Disposisi langkah {stepId} sudah dikirim kepada {leader} dan masih menunggu keputusan.",
        $"The disposisi of step {stepId} was already sent to {leader} and is still waiting for a decision.");

    public static Phrase Sent(string leader, Phrase why, bool reachable) => new("TERKIRIM",
        $"Disposisi dikirim kepada {leader} ({why.Indonesian.TrimEnd('.')})." +
        (reachable ? string.Empty : $" {leader} belum dapat menerima kartu dari bot (belum pernah membuka chat dengan bot); disposisi menunggu di kotak disposisinya."),
        $"Disposisi sent to {leader} ({why.English.TrimEnd('.')})." +
        (reachable ? string.Empty : $" {leader} cannot receive cards from the bot yet (they have never opened a chat with it); the disposisi waits in their inbox."));

    /// <summary>Stored and addressed, but the card did not go out yet (the relay tries again).</summary>
    public static Phrase CardPending(string leader, Phrase why) => new("KARTU_TERTUNDA",
        $"Disposisi dikirim kepada {leader} ({why.Indonesian.TrimEnd('.')}). Kartu untuk {leader} belum terkirim; bot akan mencoba lagi.",
        $"Disposisi sent to {leader} ({why.English.TrimEnd('.')}). The card for {leader} has not gone out yet; the bot will try again.");

    /// <summary>The officer, when the roster has no leader for the step yet (the relay sends it once it has).</summary>
    public static Phrase NoLeaderYet(string stepId, Phrase why) => new(why.Code,
        $"Disposisi langkah {stepId} belum dapat dikirim: {why.Indonesian.TrimEnd('.')}. Admin unit sudah diberi tahu; disposisi akan terkirim otomatis begitu daftar pegawai memuat pimpinannya.",
        $"The disposisi of step {stepId} cannot be sent yet: {why.English.TrimEnd('.')}. The unit's admin has been told; it will go out by itself once the roster has the leader.");

    /// <summary>The unit's admin, when an officer's step has no leader on the roster.</summary>
    public static Phrase NoLeaderForAdmin(string stepId, string officer, Phrase why) => new(why.Code,
        $"Disposisi langkah {stepId} dari {officer} belum dapat dikirim: {why.Indonesian.TrimEnd('.')}. Lengkapi daftar pegawai unit (impor roster); disposisi akan terkirim otomatis.",
        $"The disposisi of step {stepId} from {officer} cannot be sent: {why.English.TrimEnd('.')}. Please complete the unit's roster (roster import); it will go out by itself.");

    /// <summary>What the officer reads when their step could not go to a leader.</summary>
    public static Phrase NotSent(string stepId, Phrase why) => new(why.Code,
        $"Disposisi langkah {stepId} belum dapat dikirim: {why.Indonesian}",
        $"The disposisi of step {stepId} cannot be sent yet: {why.English}");

    /// <summary>What the leader reads when the person they forwarded to has answered.</summary>
    public static Phrase Answered(string responder, string stepId, string summary, string? tanggapan) => new("TANGGAPAN_MASUK",
        $"{responder} menanggapi disposisi langkah {stepId} \"{summary}\": {tanggapan}\n\nBuka kartu disposisinya untuk memutuskan (Setujui atau Kembalikan).",
        $"{responder} gave input on the disposisi of step {stepId} \"{Summary(summary, stepId, english: true)}\": {tanggapan}\n\nOpen its disposisi card to decide (Approve or Return).");

    /// <summary>
    /// A disposisi's short description (<see cref="Disposisi.Summary"/>) in the reader's language. The officer's side
    /// stores it as "{kegiatan}: langkah A.4, output {reference}"; an English reader gets "{kegiatan}: step A.4, output
    /// {reference}". The kegiatan title and the reference stay as typed; any other summary is shown as it is.
    /// </summary>
    public static string Summary(string summary, string stepId, bool english)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!english) return summary;
        var marker = $": langkah {stepId}";
        var at = summary.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? summary : string.Concat(summary.AsSpan(0, at), $": step {stepId}", summary.AsSpan(at + marker.Length));
    }

    // ---- why a leader (LeaderDirectory) ----

    public const string LeaderFound = "PIMPINAN_DITEMUKAN";
    public const string LeaderMissing = "PIMPINAN_BELUM_ADA";

    public static Phrase UnknownUnit(string unitId) => new(WorkflowRefusals.UnitTidakDikenal,
        $"Unit '{unitId}' tidak dikenal.", $"Unit '{unitId}' is not known.");

    public static Phrase NoLeaderStep(string stepId) => new(RefusalCodes.TanpaDisposisi,
        $"Langkah {stepId} tidak disampaikan kepada pimpinan menurut SOP.", $"Under the SOP, step {stepId} does not go to a leader.");

    public static Phrase ViaRoute(string stepId, string function, string commodity, string unit, string? basis) => new(LeaderFound,
        $"{stepId}: laporan fungsi {function} untuk produk {commodity} dikirim ke {unit} ({basis ?? "Keterangan langkah"}).",
        $"{stepId}: a report of the {function} function for {commodity} products goes to {unit} ({basis ?? "the step's Keterangan"}).");

    public static Phrase ViaKoordinator(string stepId, string unit, string koordinator) => new(LeaderFound,
        $"{stepId} disampaikan kepada pimpinan: {unit} melapor melalui Balai Koordinatornya, {koordinator} (Tata Hubungan dan Pola Koordinasi, Keterangan A.1 butir 2).",
        $"{stepId} goes to the leader: {unit} reports through its Balai Koordinator, {koordinator} (Tata Hubungan dan Pola Koordinasi, Keterangan A.1 point 2).");

    public static Phrase OwnKepala(string stepId, string unit) => new(LeaderFound,
        $"{stepId} disampaikan kepada pimpinan unit Anda: Kepala {unit}.", $"{stepId} goes to the head of the officer's unit: Kepala {unit}.");

    public static Phrase OwnDirektur(string stepId, string unit) => new(LeaderFound,
        $"{stepId} disampaikan kepada pimpinan unit Anda: Direktur/Kepala {unit}.", $"{stepId} goes to the head of the officer's unit: Direktur/Kepala {unit}.");

    /// <summary>A step the SOP gives to named roles (PPTM or Kepala BPOM); <paramref name="pptmFor"/> null: Kepala BPOM.</summary>
    public static Phrase NamedRole(string stepId, IEnumerable<string> roles, Phrase? pptmFor, string target, IReadOnlyList<Phrase> notes)
    {
        var names = roles.Select(RosterRoles.Name).ToList();
        return new(LeaderFound,
            $"{stepId}: SOP menyebut {string.Join(" atau ", names)}; "
            + (pptmFor is null ? "dikirim kepada Kepala BPOM" : $"Pejabat Pimpinan Tinggi Madya untuk {pptmFor.Indonesian} adalah {target}")
            + Notes(notes, english: false) + ".",
            $"{stepId}: the SOP names {string.Join(" or ", names)}; "
            + (pptmFor is null ? "sent to the Kepala BPOM" : $"the Pejabat Pimpinan Tinggi Madya for {pptmFor.English} is {target}")
            + Notes(notes, english: true) + ".");
    }

    public static Phrase NoLeader(IEnumerable<string> roles, string stepId, string unit, IReadOnlyList<Phrase> notes)
    {
        var names = roles.Select(RosterRoles.Name).ToList();
        return new(LeaderMissing,
            $"Belum ada pimpinan ({string.Join(" atau ", names)}) untuk langkah {stepId} dari {unit} di daftar pegawai{Notes(notes, false)}; minta admin mengimpor roster.",
            $"No leader ({string.Join(" or ", names)}) for step {stepId} from {unit} is on the roster yet{Notes(notes, true)}; ask an admin to import the roster.");
    }

    public static Phrase NoHead(string role, string unit) => new(LeaderMissing,
        $"Belum ada {RosterRoles.Name(role)} untuk {unit} di daftar pegawai", $"No {RosterRoles.Name(role)} for {unit} is on the roster yet");

    /// <summary>A missing head, with what to do about it.</summary>
    public static Phrase AskForRoster(Phrase missing) => new(missing.Code,
        missing.Indonesian + "; minta admin mengimpor roster.", missing.English + "; ask an admin to import the roster.");

    public static Phrase UnitName(string unit) => new(LeaderFound, unit, unit);

    public static Phrase NotUnderDeputi(string unit) => new(LeaderMissing, $"{unit} tidak berada di bawah Deputi", $"{unit} is not under a Deputi");

    public static Phrase AllCentralNoDeputi() => new(LeaderMissing,
        "Unit Kerja Pusat sub-proses ini adalah semua unit pusat, jadi tidak ada satu Deputi",
        "this sub-process's Unit Kerja Pusat is every central unit, so there is no single Deputi");

    public static Phrase SubProcessUkp(IEnumerable<string> units)
    {
        var list = string.Join(", ", units);
        return new(LeaderFound, $"Unit Kerja Pusat sub-proses ini ({list})", $"this sub-process's Unit Kerja Pusat ({list})");
    }

    public static Phrase ManyDeputies() => new(LeaderMissing,
        "Unit Kerja Pusat sub-proses ini berada di bawah lebih dari satu Deputi", "this sub-process's Unit Kerja Pusat falls under more than one Deputi");

    public static Phrase KepalaBpom() => new(LeaderFound, "Kepala BPOM", "Kepala BPOM");

    // ---- tugas: why a step's disposisi is not out ----

    public static Phrase NoneWaiting(string leader) => new("BELUM_ADA_DISPOSISI",
        $"belum ada disposisi yang menunggu {leader}", $"no disposisi is waiting for {leader} yet");

    // ---- Plt/Plh ----

    /// <summary>The problem with a Plt/Plh request's own fields (<see cref="Roster.Delegation.Validate"/>), or null.</summary>
    public static Phrase? DelegationInvalid(string leaderId, string delegateId, DateOnly from, DateOnly to)
    {
        if (Roster.Delegation.Validate(leaderId, delegateId, from, to) is not { } indonesian) return null;
        var english = string.IsNullOrWhiteSpace(leaderId) || string.IsNullOrWhiteSpace(delegateId) ? "Both the leader and the Plt/Plh are required."
            : string.Equals(leaderId, delegateId, StringComparison.OrdinalIgnoreCase) ? "A leader cannot name themself as their own Plt/Plh."
            : to < from ? $"The end date {to:dd-MM-yyyy} is before the start date {from:dd-MM-yyyy}."
            : "A Plt/Plh lasts at most one year.";
        return new("PLT_TIDAK_VALID", indonesian, english);
    }

    public static Phrase DelegationActorUnknown() => new("BELUM_TERDAFTAR",
        "Anda belum terdaftar di daftar pegawai.", "You are not on the staff roster yet.");

    public static Phrase DelegationPeopleUnknown() => new("PEGAWAI_TIDAK_DITEMUKAN",
        "Pimpinan atau Plt/Plh tidak ditemukan di daftar pegawai.", "The leader or the Plt/Plh is not on the staff roster.");

    public static Phrase DelegationNotAllowed() => new("BUKAN_PIMPINAN_ATAU_ADMIN",
        "Hanya pimpinan yang bersangkutan atau admin yang dapat menetapkan Plt/Plh.", "Only the leader concerned or an admin can name a Plt/Plh.");

    public static Phrase DelegationNotALeader(string name) => new("BUKAN_PIMPINAN",
        $"{name} bukan pimpinan; Plt/Plh hanya untuk pimpinan.", $"{name} is not a leader; a Plt/Plh is only for leaders.");

    public static Phrase DelegationSet(string deputy, Roster.DelegationKind kind, string leader, DateOnly from, DateOnly to) => new("PLT_DITETAPKAN",
        $"{deputy} ditetapkan sebagai {kind} a.n. {leader} dari {IndonesianDate.Format(from)} s.d. {IndonesianDate.Format(to)}.",
        $"{deputy} is {kind} on behalf of {leader} from {IndonesianDate.Format(from, english: true)} to {IndonesianDate.Format(to, english: true)}.");

    private static string Notes(IReadOnlyList<Phrase> notes, bool english) =>
        notes.Count == 0 ? string.Empty : $" ({string.Join("; ", notes.Select(n => n.Text(english).TrimEnd('.')))})";
}
