using BpomBot.Domain.Understanding;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// What the dialog is asked to do: an officer intent of the understanding component with the slot its handler takes,
/// from a reading of a message, a step card button or a confirmed question.
/// </summary>
/// <param name="Intent">An officer intent (<see cref="IsOfficerIntent"/>).</param>
/// <param name="Argument">A sub-process code (mulai), the text holding a date (rencana), a reason (tunda, batal, lewati) or a reference (kelengkapan, selesai).</param>
public sealed record DialogCommand(Intent Intent, string Argument)
{
    /// <summary>The intents the officer's SOP dialog runs (bantuan, disposisi, rekap, faq and none belong to other handlers).</summary>
    public static readonly IReadOnlySet<Intent> OfficerIntents = new HashSet<Intent>
    {
        Intent.Mulai, Intent.MulaiTahunan, Intent.Tugas, Intent.Status, Intent.Lanjut, Intent.Kelengkapan, Intent.Selesai,
        Intent.Rencana, Intent.Tunda, Intent.Lanjutkan, Intent.Lewati, Intent.Batal, Intent.Riwayat,
    };

    /// <summary>The kegiatan number given (as listed by tugas), or null.</summary>
    public int? Kegiatan { get; init; }

    /// <summary>A bare command or a button (destructive commands need no confirmation), not a reading of a sentence.</summary>
    public bool Explicit { get; init; }

    public static bool IsOfficerIntent(Intent intent) => OfficerIntents.Contains(intent);

    /// <summary>A reading as a command: the slot its handler takes becomes the argument.</summary>
    public static DialogCommand From(Understood heard)
    {
        ArgumentNullException.ThrowIfNull(heard);
        if (!IsOfficerIntent(heard.Intent))
        {
            throw new ArgumentException($"{heard.Intent} is not a dialog command.", nameof(heard));
        }

        var s = heard.Slots;
        var argument = heard.Intent switch
        {
            Intent.Mulai or Intent.MulaiTahunan => s.SubProcess,
            Intent.Rencana => s.DateText,
            Intent.Tunda or Intent.Batal or Intent.Lewati => s.Reason,
            Intent.Kelengkapan or Intent.Selesai => s.Reference,
            _ => null,
        };
        return new DialogCommand(heard.Intent, argument ?? string.Empty) { Kegiatan = s.Kegiatan, Explicit = heard.Explicit };
    }
}
