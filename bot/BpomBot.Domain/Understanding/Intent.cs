namespace BpomBot.Domain.Understanding;

/// <summary>What a chat message asks for. <see cref="Answer"/> only occurs when a prompt is open.</summary>
public enum Intent
{
    None,
    Mulai,
    MulaiTahunan,
    Tugas,
    Status,
    Lanjut,
    Kelengkapan,
    Selesai,
    Rencana,
    Tunda,
    Lanjutkan,
    Lewati,
    Batal,
    Riwayat,
    Bantuan,
    Disposisi,
    Faq,

    /// <summary>A leader's recap of kegiatan (year, sub-process, unit): handled by the rekap component, never the FAQ.</summary>
    Rekap,

    /// <summary>An answer to the open prompt (a choice, a title, a reason, a date, yes/no).</summary>
    Answer,

    /// <summary>Resend the card of a disposisi still waiting for the leader ("kirim ulang").</summary>
    KirimUlang,
}

/// <summary>What kind of answer the bot is waiting for; <see cref="None"/> when nothing is open.</summary>
public enum PromptKind
{
    None,

    /// <summary>A number or a name from a list (sub-process, stakeholder, bentuk, unit, kegiatan, kelengkapan item, branch).</summary>
    Choice,

    /// <summary>Free text (a title, a reason, an output, a unit search).</summary>
    Text,

    /// <summary>A date (rencana, the date a kelengkapan was received).</summary>
    Date,

    /// <summary>A link or a nomor surat.</summary>
    Reference,

    /// <summary>Yes or no to a destructive action.</summary>
    Confirm,
}

/// <summary>The details a message gives besides its intent; null when not given.</summary>
/// <param name="Kegiatan">A kegiatan number as listed by tugas ("kegiatan 2", "status 4").</param>
/// <param name="SubProcess">A sub-process code A–D, given by letter or by name.</param>
/// <param name="StepId">A step id such as A.3.</param>
/// <param name="Date">The date recognised in the text, when a reference date was given.</param>
/// <param name="DateText">The words the date was read from.</param>
/// <param name="Reason">A reason for tunda, batal or lewati.</param>
/// <param name="Reference">A link or a nomor surat, for kelengkapan.</param>
/// <param name="Yes">At a confirmation: true for yes, false for no.</param>
public sealed record Slots(
    int? Kegiatan = null,
    string? SubProcess = null,
    string? StepId = null,
    DateOnly? Date = null,
    string? DateText = null,
    string? Reason = null,
    string? Reference = null,
    bool? Yes = null)
{
    public static readonly Slots Empty = new();
}

/// <summary>The reading of one message.</summary>
/// <param name="Intent">The intent chosen.</param>
/// <param name="Slots">Details the message gives.</param>
/// <param name="Score">The winning score (higher is surer; about 1.5 is the least that is acted on).</param>
/// <param name="Alternatives">When two readings are nearly equal: both, best first, for a clarifying question; else empty.</param>
/// <param name="Explicit">True when the message is a bare command ("batal", "skip 2"), false when read from a free sentence.</param>
/// <param name="Interrupts">At an open prompt: true when the message is another intent that leaves the prompt.</param>
/// <param name="English">True when its command word is English, false when Indonesian, null when neither or both ("status").</param>
public sealed record Understood(
    Intent Intent,
    Slots Slots,
    double Score = 0,
    IReadOnlyList<Intent>? Alternatives = null,
    bool Explicit = false,
    bool Interrupts = false,
    bool? English = null)
{
    public IReadOnlyList<Intent> Choices => Alternatives ?? [];

    public bool IsAmbiguous => Choices.Count > 1;

    /// <summary>An intent an officer or a leader gives (everything but faq, none and answer).</summary>
    public static bool IsCommand(Intent intent) => intent is not (Intent.None or Intent.Faq or Intent.Answer);
}
