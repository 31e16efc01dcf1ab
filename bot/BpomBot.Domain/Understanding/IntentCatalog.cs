namespace BpomBot.Domain.Understanding;

/// <summary>How an intent is named, typed and described to users (the help card and the Teams command menu read this).</summary>
/// <param name="Intent">The intent.</param>
/// <param name="Name">Its stable name (CLI output, eval files): "mulai-tahunan".</param>
/// <param name="Word">The Indonesian command word shown to users.</param>
/// <param name="EnglishWord">The English command word shown to users.</param>
/// <param name="Description">What it does, in Indonesian.</param>
/// <param name="EnglishDescription">What it does, in English.</param>
public sealed record IntentInfo(Intent Intent, string Name, string Word, string EnglishWord, string Description, string EnglishDescription);

/// <summary>
/// The one place where BpomBot's chat vocabulary lives: intents with their names and descriptions, the command words and
/// synonyms that start each one, the weighted cue phrases the recognizer scores, chat abbreviations and particles.
/// Phrases are written in normal form (lower case, abbreviations expanded: "sudah", "tidak", "saya", "yang").
/// </summary>
public static class IntentCatalog
{
    public static readonly IReadOnlyList<IntentInfo> Intents =
    [
        new(Intent.Mulai, "mulai", "mulai", "start", "Mulai kegiatan baru (bisa langsung: mulai B)", "Start a new kegiatan (or directly: start B)"),
        new(Intent.MulaiTahunan, "mulai-tahunan", "mulai tahunan", "start annual", "Buka siklus laporan tahunan sub-proses", "Open a sub-process's annual report cycle"),
        new(Intent.Tugas, "tugas", "tugas", "tasks", "Langkah terbuka Anda beserta tenggatnya", "Your open steps and their due dates"),
        new(Intent.Status, "status", "status", "status", "Keadaan kegiatan: status 2", "Where a kegiatan stands: status 2"),
        new(Intent.Lanjut, "lanjut", "lanjut", "next", "Kartu langkah saat ini: lanjut 2", "The current step's card: next 2"),
        new(Intent.Kelengkapan, "kelengkapan", "kelengkapan", "kelengkapan", "Catat kelengkapan langkah (link, nomor surat)", "Record a step's kelengkapan (link, letter number)"),
        new(Intent.Selesai, "selesai", "selesai", "done", "Tandai langkah saat ini selesai", "Mark the current step done"),
        new(Intent.Rencana, "rencana", "rencana", "plan", "Tanggal rencana langkah: rencana 10 Desember", "A step's planned date: plan 10 December"),
        new(Intent.Tunda, "tunda", "tunda", "pause", "Tunda langkah dengan alasan", "Pause a step, with a reason"),
        new(Intent.Lanjutkan, "lanjutkan", "lanjutkan", "resume", "Lanjutkan langkah yang ditunda", "Resume a paused step"),
        new(Intent.Lewati, "lewati", "lewati", "skip", "Lewati langkah yang boleh dilewati", "Skip a step the SOP lets you skip"),
        new(Intent.Batal, "batal", "batal", "cancel", "Batalkan kegiatan, atau pertanyaan yang terbuka", "Cancel a kegiatan, or the open question"),
        new(Intent.Riwayat, "riwayat", "riwayat", "history", "Riwayat kegiatan: riwayat 2", "A kegiatan's history: history 2"),
        new(Intent.Disposisi, "disposisi", "disposisi", "disposisi", "Disposisi yang menunggu keputusan Anda", "Disposisi waiting for your decision"),
        new(Intent.Rekap, "rekap", "rekap", "recap", "Rekap kegiatan untuk pimpinan: rekap 2026 B", "Kegiatan recap for leaders: recap 2026 B"),
        new(Intent.KirimUlang, "kirim-ulang", "kirim ulang", "resend", "Kirim ulang kartu disposisi yang menunggu pimpinan", "Resend the card of a disposisi waiting for the leader"),
        new(Intent.Bantuan, "bantuan", "bantuan", "help", "Apa yang bisa saya lakukan", "What I can do"),
        new(Intent.Faq, "faq", "(pertanyaan)", "(question)", "Tanyakan hal HALOBPOM dengan kalimat Anda sendiri", "Ask a HALOBPOM question in your own words"),
        new(Intent.None, "none", string.Empty, string.Empty, string.Empty, string.Empty),
        new(Intent.Answer, "answer", string.Empty, string.Empty, string.Empty, string.Empty),
    ];

    public static IntentInfo Info(Intent intent) => Intents.First(i => i.Intent == intent);

    public static string NameOf(Intent intent) => Info(intent).Name;

    public static Intent? Parse(string name) =>
        Intents.FirstOrDefault(i => string.Equals(i.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Intent;

    /// <summary>
    /// Command words: as the first word of a short message (followed only by a number, a letter or a step id) they
    /// make an explicit command. English words are marked so the reply language follows them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (Intent Intent, bool? English)> CommandWords = Build(
        (Intent.Mulai, "mulai mlai baru", "start new create begin"),
        (Intent.MulaiTahunan, "tahunan", "annual yearly"),
        (Intent.Tugas, "tugas tgs todo kerjaan pekerjaan", "tasks task todos"),
        (Intent.Status, "status sts stat progres progress perkembangan posisi", "status"),
        (Intent.Lanjut, "lanjut ljt lnjt langkah selanjutnya berikutnya", "next step current"),
        (Intent.Kelengkapan, "kelengkapan klengkapan kel lengkap", "requirement requirements inputs attach"),
        (Intent.Selesai, "selesai sls slsai beres kelar rampung", "done finish finished complete completed"),
        (Intent.Rencana, "rencana rcn jadwal jadwalkan rencanakan", "plan schedule"),
        (Intent.Tunda, "tunda tnd tahan pending", "pause hold"),
        (Intent.Lanjutkan, "lanjutkan lanjutin", "resume unpause continue"),
        (Intent.Lewati, "lewati lewat", "skip"),
        (Intent.Batal, "batal btl batalkan", "cancel abort"),
        (Intent.Riwayat, "riwayat histori jejak", "history log"),
        (Intent.Bantuan, "bantuan menu halo hai bantu perintah", "help hi hello hey commands"),
        (Intent.Disposisi, "disposisi persetujuan", "approvals approval"),
        (Intent.Rekap, "rekap rekapitulasi rekapan", "recap recaps"));

    /// <summary>Cue phrases and their weights. A phrase counts once when its words occur in a row.</summary>
    public static readonly IReadOnlyList<(string Phrase, Intent Intent, double Weight)> Cues =
    [
        .. Cue(Intent.Mulai, 3, "mulai", "start", "kegiatan baru", "new activity", "new kegiatan", "buat kegiatan", "catat kegiatan", "input kegiatan",
            "daftarkan kegiatan", "nambah kegiatan", "tambah kegiatan", "buatkan kegiatan", "mulaikan", "rekrutmen", "begin", "log a new", "create"),
        .. Cue(Intent.Mulai, 1, "baru", "new", "buat", "daftarkan", "mencatat", "input", "tambah"),
        .. Cue(Intent.MulaiTahunan, 5, "tahunan", "annual", "yearly", "siklus"),
        .. Cue(Intent.Tugas, 3, "tugas", "tasks", "task", "todo", "to do", "kerjaan", "pekerjaan", "harus dikerjakan", "harus saya kerjakan", "jatuh tempo",
            "telat", "terlambat", "overdue", "deadline", "tenggat", "on my plate", "daftar kegiatan", "kegiatan saya", "my activities", "open activities",
            "what is due", "what s due", "whats due", "what do i have to do", "masih terbuka", "belum selesai", "harus mengerjakan", "harus saya kerjakan",
            "need to do", "my open steps", "my steps"),
        .. Cue(Intent.Status, 3, "status", "sts", "stat", "sampai mana", "posisi", "posisinya", "perkembangan", "progres", "progress", "kabar", "kabarnya",
            "how far", "where is", "how is", "going", "sampai langkah", "langkah berapa", "langkah mana", "di langkah apa", "sudah sampai"),
        .. Cue(Intent.Lanjut, 3, "lanjut", "ljt", "selanjutnya", "berikutnya", "next", "ngapain", "terus bagaimana", "habis ini", "langkah sekarang",
            "langkah saat ini", "current step", "kartu langkah", "apa lagi", "langkah apa"),
        .. Cue(Intent.Kelengkapan, 3, "kelengkapan", "kelengkapannya", "lampirkan", "melampirkan", "lampiran", "upload", "unggah", "notulen", "notulensi",
            "undangan", "daftar hadir", "dokumentasi", "dokumen", "surat tugas", "nomor surat", "attach", "attendance", "minutes", "invitation",
            "requirements", "requirement", "inputs", "input for", "link", "bukti", "yang diperlukan", "dicatat", "documents", "document", "needed for",
            "required for", "dilengkapi", "melengkapi", "dokumen pendukung"),
        .. Cue(Intent.Selesai, 3, "selesai", "sls", "beres", "kelar", "rampung", "done", "finish", "finished", "complete", "completed", "tandai",
            "sudah dikerjakan", "sudah dikirim", "sudah terkirim", "terkirim", "mark", "sudah saya kirim", "sudah saya kerjakan", "sudah saya selesaikan"),
        .. Cue(Intent.Rencana, 3, "rencana", "rcn", "direncanakan", "rencanakan", "jadwal", "jadwalnya", "jadwalkan", "schedule", "plan", "planned",
            "tanggal pelaksanaan", "tanggal pelaksanaannya", "pelaksanaan", "pelaksanaannya", "set the date", "tanggal rencana"),
        .. Cue(Intent.Rencana, 1, "tanggal", "date"),
        .. Cue(Intent.Tunda, 3, "tunda", "ditunda", "tahan", "pause", "hold", "pending", "stop dulu", "stop", "berhenti sementara", "sementara",
            "menunda", "postpone", "postponed", "delay", "diundur", "undur", "mundur dulu"),
        .. Cue(Intent.Lanjutkan, 3, "lanjutkan", "dilanjutkan", "resume", "unpause", "jalan lagi", "aktifkan", "buka lagi", "mulai lagi",
            "yang ditunda", "continue", "paused", "kembali", "bisa jalan", "jalankan lagi", "dijalankan lagi", "aktif lagi",
            "yang ditahan", "yang di hold", "yang dihold", "yang di pending", "yang dipending"),
        .. Cue(Intent.Lanjutkan, 5, "lanjut lagi"),
        .. Cue(Intent.Lewati, 3, "lewati", "lewat", "dilewati", "skip", "tidak perlu", "tidak usah", "tidak dilakukan", "tidak kami ajukan"),
        .. Cue(Intent.Batal, 3, "batal", "btl", "batalkan", "dibatalkan", "cancel", "abort", "hapus", "tidak jadi", "never mind", "nevermind"),
        .. Cue(Intent.Riwayat, 3, "riwayat", "histori", "history", "log", "jejak", "audit", "yang sudah", "siapa saja yang", "sudah dilakukan",
            "sudah dikerjakan di"),
        .. Cue(Intent.Bantuan, 3, "bantuan", "help", "menu", "cara pakai", "cara pakainya", "cara menggunakan", "bot ini", "perintah", "commands",
            "what can you do", "how does this work", "apa kabar", "mau tanya", "how do i use", "bisa apa", "bantu", "halo", "hai", "hi", "hello", "hey", "selamat pagi",
            "selamat siang", "selamat sore", "selamat malam", "good morning", "good afternoon", "good evening", "assalamualaikum", "pagi", "ini bot",
            "bot apa", "panduan", "tutorial", "guide", "bingung", "tidak mengerti", "tidak paham", "how to use"),
        .. Cue(Intent.Bantuan, 1.6, "tolong"),
        .. Cue(Intent.Disposisi, 4, "disposisi", "setujui", "disetujui", "persetujuan", "approval", "approvals", "approve",
            "diputuskan", "keputusan", "pending approval", "pending approvals", "tanda tangan", "tanda tangani", "ditandatangani", "ttd", "acc",
            "di acc", "decision", "decide", "sign off", "nunggu keputusan"),
        .. Cue(Intent.KirimUlang, 7, "kirim ulang", "kirimkan ulang", "kirim lagi", "kirimkan lagi", "resend", "send again", "send it again",
            "re send"),
        .. Cue(Intent.KirimUlang, 3, "again", "ulang"),
        .. Cue(Intent.KirimUlang, 2, "send"),
        .. Cue(Intent.Rekap, 5, "rekap", "rekapitulasi", "rekapan", "merekap", "direkap", "recap", "recaps", "summary of activities",
            "activity summary", "ringkasan kegiatan", "capaian kegiatan", "capaian unit", "laporan capaian"),
        .. Cue(Intent.None, 3, "terima kasih", "thanks", "thank you", "thank", "oke", "ok", "sip", "siap", "baik", "noted", "mantap", "good job",
            "haha", "wkwk", "lagi ngapain", "lapar", "hujan", "presiden", "lagi dimana", "lagi di mana"),
    ];

    /// <summary>Words of citizens' HALOBPOM questions (products, registration, complaints); they point to the FAQ.</summary>
    public static readonly IReadOnlyList<(string Phrase, double Weight)> FaqCues =
    [
        .. Weighted(4, "izin edar", "registrasi", "terdaftar", "registered", "register", "pirt", "halal", "kosmetik", "cosmetic", "cosmetics", "obat",
            "medicine", "drug", "drugs", "jamu", "pangan olahan", "suplemen", "supplement", "kadaluarsa", "kedaluwarsa", "expired", "palsu", "fake",
            "counterfeit", "ilegal", "illegal", "boraks", "merkuri", "pengaduan", "mengadukan", "aduan", "konsumen", "ulpk", "halobpom",
            "klik bpom", "cppob", "nomor md", "md", "ml", "lipstick", "lipstik", "skincare", "efek samping",
            "obat tradisional", "herbal", "bpom", "balai pom", "balai besar pom", "bbpom", "loka pom", "kantor bpom", "call center", "formalin",
            "rhodamin", "sertifikasi halal", "vitamin", "vitamins", "supplements", "suplemen kesehatan", "kosmetika", "skin care", "serum",
            "krim pemutih", "whitening cream", "herbal medicine", "jamu racikan", "makeup", "make up", "perfume", "parfum", "sunscreen",
            "health claim", "health claims", "klaim kesehatan", "nie", "permit", "license", "licence"),
        .. Weighted(3, "iklan", "mengiklankan", "diiklankan", "beriklan", "advertise", "advertising", "advertisement", "ads", "promosi",
            "mempromosikan", "promote", "promoting", "endorse", "endorsement", "sell", "selling", "berjualan", "menjual", "dijual", "import",
            "impor", "imported", "export", "ekspor", "distribute", "distributor", "repackage", "kemas ulang", "label", "labeling", "labelling",
            "cosmetic product", "homemade"),
        .. Weighted(2, "produk", "product", "makanan", "minuman", "food", "aman", "safe", "asli", "lapor", "melaporkan", "report", "cek", "check",
            "syarat", "biaya", "berapa", "bedanya", "layanan", "sertifikat", "jual", "izin", "usaha", "rumahan", "pangan", "terdekat", "alamat",
            "kantor", "whatsapp", "keaslian", "pom", "tiktok", "instagram", "facebook", "shopee", "tokopedia", "marketplace", "online",
            "social media", "media sosial", "medsos", "legal", "allowed", "dilarang", "forbidden", "rules", "aturan", "regulation", "peraturan"),
    ];

    /// <summary>
    /// The shapes of a citizen's question ("can I …", "is it ok to …", "boleh …"): they add to <see cref="Intent.Faq"/> only
    /// when a product or HALOBPOM word is already there, so "can I skip this step" stays a command.
    /// </summary>
    public static readonly IReadOnlyList<(string Phrase, double Weight)> FaqQuestionShapes =
    [
        .. Weighted(2, "can i", "can we", "may i", "is it ok", "is it okay", "is it allowed", "is it legal", "is it safe", "am i allowed",
            "do i need", "how do i", "how can i", "how to", "where can i", "what are the rules", "boleh", "bolehkah", "apakah boleh", "apakah bisa",
            "bagaimana cara", "cara", "perlu izin", "harus izin"),
    ];

    /// <summary>
    /// What a step produces (its Output: a plan, materials, a report, a recommendation). Said with <see cref="ReadyWords"/>
    /// ("bahannya sudah siap", "the report is ready") the step is done: <see cref="Intent.Selesai"/>.
    /// </summary>
    public static readonly IReadOnlySet<string> OutputWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "bahan", "materi", "paparan", "presentasi", "laporan", "rencana", "hasil", "rekomendasi", "output", "draft", "draf", "konsep", "kajian",
        "materials", "material", "report", "plan", "slides", "deck", "recommendation", "results", "proposal", "usulan", "notulen",
    };

    /// <summary>Words that say an output is ready (with <see cref="OutputWords"/>, a completed step).</summary>
    public static readonly IReadOnlySet<string> ReadyWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "siap", "jadi", "ready", "final", "finalized", "beres", "kelar", "rampung", "selesai", "done", "finished", "complete", "completed", "tersusun",
    };

    /// <summary>
    /// Words of the SOP's own choices (stakeholder categories, forms of activity, places) and of outputs: known as spelled,
    /// so a typo corrector never turns "pemerintah daerah" into the help word "perintah" (nor "early" into "yearly"). They
    /// score nothing.
    /// </summary>
    public static readonly IReadOnlyList<string> DomainWords =
    [
        "pemerintah", "daerah", "pemda", "pemkot", "pemkab", "pemprov", "kementerian", "lembaga", "asosiasi", "pelaku", "organisasi", "profesi",
        "komunitas", "sosial", "kemasyarakatan", "masyarakat", "pendidikan", "sekolah", "kampus", "universitas", "desa", "kelurahan", "kecamatan",
        "kabupaten", "provinsi", "dinas", "kesehatan", "puskesmas", "audiensi", "workshop", "konsultasi", "bimbingan", "teknis", "pembentukan",
        "kader", "duta", "komunikasi", "informasi", "edukasi", "sosialisasi", "keamanan", "lainnya", "government", "local", "ministry",
        "association", "community", "school", "early", "earlier", "later", "home", "bahan", "materi", "paparan", "presentasi", "materials", "kajian", "tersusun", "disusun",
    ];

    /// <summary>
    /// Words of everyday topics that are neither the officer's work nor a HALOBPOM question (travel, weather, sport, food,
    /// entertainment, the time of day): without an officer word they make a message chit-chat, so "jadwal kereta besok"
    /// is not a rencana.
    /// </summary>
    public static readonly IReadOnlyList<string> OffTopic =
    [
        "kereta", "pesawat", "tiket", "bus", "travel", "hotel", "penerbangan", "flight", "train", "ojek", "gojek", "grab", "macet", "tol", "mudik",
        "liburan", "libur", "cuaca", "weather", "hujan", "panas", "bola", "skor", "score", "pertandingan", "piala", "juara", "match", "football", "liga",
        "resep", "nasi", "kopi", "makan", "makan siang", "lunch", "dinner", "sarapan", "film", "bioskop", "movie", "lagu", "musik", "music",
        "netflix", "game", "jam berapa", "what time", "pemilu", "presiden", "saham", "harga tiket", "diskon", "promo", "belanja", "pacar",
    ];

    /// <summary>Words that belong to the officer's work: their presence rules out a citizen question.</summary>
    public static readonly IReadOnlySet<string> OfficerWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "kegiatan", "langkah", "step", "activity", "activities", "tugas", "task", "tasks", "disposisi", "sop", "kelengkapan", "notulen", "fgd",
        "umkm", "advokasi", "pembinaan", "pendampingan", "pemberdayaan", "fasilitator", "narasumber", "narsum", "anggaran", "undangan", "kegiatannya",
        "rapat", "bimtek", "koordinasi", "pelaksanaan", "rekap", "rekapitulasi", "recap",
    };

    /// <summary>Chat spellings and their normal form.</summary>
    public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["yg"] = "yang", ["sy"] = "saya", ["aku"] = "saya", ["gue"] = "saya", ["gw"] = "saya", ["ane"] = "saya", ["utk"] = "untuk", ["untk"] = "untuk",
        ["blm"] = "belum", ["blum"] = "belum", ["udh"] = "sudah", ["udah"] = "sudah", ["sdh"] = "sudah", ["dah"] = "sudah", ["uda"] = "sudah",
        ["gmn"] = "bagaimana", ["gmna"] = "bagaimana", ["gimana"] = "bagaimana", ["bgmn"] = "bagaimana", ["tgl"] = "tanggal", ["krn"] = "karena",
        ["karna"] = "karena", ["soalnya"] = "karena", ["aja"] = "saja", ["ga"] = "tidak", ["gak"] = "tidak", ["nggak"] = "tidak", ["ngga"] = "tidak",
        ["enggak"] = "tidak", ["engga"] = "tidak", ["tdk"] = "tidak", ["gk"] = "tidak", ["g"] = "tidak", ["kagak"] = "tidak", ["nda"] = "tidak",
        ["mo"] = "mau", ["bikin"] = "buat", ["bikinin"] = "buatkan", ["buatin"] = "buatkan", ["sampe"] = "sampai", ["kalo"] = "kalau", ["klo"] = "kalau",
        ["trus"] = "terus", ["trs"] = "terus", ["abis"] = "habis", ["skrg"] = "sekarang", ["skrang"] = "sekarang", ["bs"] = "bisa", ["jg"] = "juga",
        ["dgn"] = "dengan", ["lg"] = "lagi", ["msh"] = "masih", ["okay"] = "oke", ["okey"] = "oke", ["okee"] = "oke", ["thx"] = "thanks",
        ["tq"] = "thanks", ["ty"] = "thanks", ["makasih"] = "terima kasih", ["makasi"] = "terima kasih", ["mksh"] = "terima kasih",
        ["trims"] = "terima kasih", ["trimakasih"] = "terima kasih", ["terimakasih"] = "terima kasih", ["batalin"] = "batalkan",
        ["lewatin"] = "lewati", ["lanjutin"] = "lanjutkan", ["dilanjutin"] = "dilanjutkan", ["daftarin"] = "daftarkan", ["dikerjain"] = "dikerjakan",
        ["ngerjain"] = "mengerjakan", ["kerjain"] = "kerjakan", ["pake"] = "pakai", ["make"] = "pakai", ["liat"] = "lihat", ["tunjukin"] = "tunjukkan",
        ["kgtn"] = "kegiatan", ["keg"] = "kegiatan", ["kegiatn"] = "kegiatan", ["kegitan"] = "kegiatan", ["lgkh"] = "langkah", ["apa2"] = "apa",
        ["apaan"] = "apa", ["gini"] = "begini", ["gitu"] = "begitu", ["narsum"] = "narasumber", ["dokumentasinya"] = "dokumentasi",
        ["rapatnya"] = "rapat", ["ditunda2"] = "ditunda", ["sampe2"] = "sampai", ["deadlinenya"] = "deadline", ["kadaluwarsa"] = "kedaluwarsa",
        ["kadaluarsa"] = "kadaluarsa", ["activity"] = "activity", ["acts"] = "activities", ["pls"] = "please", ["plz"] = "please",
        ["whats"] = "what s", ["hrs"] = "harus", ["hrus"] = "harus", ["nyatet"] = "catat", ["nyatat"] = "catat", ["catet"] = "catat",
        ["lampirin"] = "lampirkan", ["ngerti"] = "mengerti", ["paham"] = "paham", ["tlg"] = "tolong", ["tolongin"] = "tolong", ["brp"] = "berapa",
        ["dmn"] = "dimana", ["kmn"] = "kemana", ["kmrn"] = "kemarin", ["bsk"] = "besok", ["aj"] = "saja", ["sja"] = "saja", ["thn"] = "tahun",
        ["jd"] = "jadi", ["jdi"] = "jadi", ["dong2"] = "dong", ["wkwkwk"] = "wkwk", ["hahaha"] = "haha", ["hehe"] = "haha", ["wk"] = "wkwk", ["mlai"] = "mulai",
    };

    /// <summary>Chat particles and politeness words that carry no meaning for the intent.</summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(StringComparer.Ordinal)
    {
        "dong", "ya", "yah", "deh", "sih", "nih", "kok", "lah", "yuk", "ayo", "kak", "pak", "bu", "mas", "mbak", "bang", "gan", "min", "please",
        "kah", "tuh", "loh", "lho", "nya", "dulu",
    };

    /// <summary>Sub-process names and their codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> SubProcessNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["advokasi"] = "A", ["advocacy"] = "A", ["pembinaan"] = "B", ["pendampingan"] = "B", ["mentoring"] = "B", ["coaching"] = "B",
        ["pemberdayaan"] = "C", ["empowerment"] = "C", ["fasilitator"] = "D", ["facilitator"] = "D", ["facilitators"] = "D",
    };

    /// <summary>Words of yes and no at a confirmation.</summary>
    public static readonly IReadOnlySet<string> YesWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "ya", "iya", "yes", "y", "ok", "oke", "betul", "benar", "lanjut", "yakin", "setuju", "sure", "yep", "yup", "confirm", "boleh", "sip",
    };

    public static readonly IReadOnlySet<string> NoWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "tidak", "no", "nope", "jangan", "batal", "cancel", "kembali", "tidak jadi", "ga", "gak", "nggak", "enggak",
    };

    /// <summary>Every word the recognizer knows (typo correction aims at these).</summary>
    public static readonly IReadOnlySet<string> Vocabulary = BuildVocabulary();

    private static IEnumerable<(string, Intent, double)> Cue(Intent intent, double weight, params string[] phrases) =>
        phrases.Select(p => (p, intent, weight));

    private static IEnumerable<(string, double)> Weighted(double weight, params string[] phrases) => phrases.Select(p => (p, weight));

    private static Dictionary<string, (Intent, bool?)> Build(params (Intent Intent, string Indonesian, string English)[] rows)
    {
        var words = new Dictionary<string, (Intent, bool?)>(StringComparer.Ordinal);
        foreach (var (intent, indonesian, english) in rows)
        {
            foreach (var w in indonesian.Split(' ')) words[w] = (intent, false);
            foreach (var w in english.Split(' '))
            {
                // A word of both languages ("status", "disposisi") says nothing about the language.
                words[w] = words.ContainsKey(w) ? (intent, null) : (intent, true);
            }
        }

        return words;
    }

    private static HashSet<string> BuildVocabulary()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in Cues.Select(c => c.Phrase).Concat(FaqCues.Select(c => c.Phrase)).Concat(CommandWords.Keys).Concat(OfficerWords)
            .Concat(SubProcessNames.Keys).Concat(Abbreviations.Values).Concat(OffTopic).Concat(FaqQuestionShapes.Select(c => c.Phrase))
            .Concat(OutputWords).Concat(ReadyWords).Concat(DomainWords))
        {
            foreach (var w in phrase.Split(' ')) words.Add(w);
        }

        return words;
    }
}
