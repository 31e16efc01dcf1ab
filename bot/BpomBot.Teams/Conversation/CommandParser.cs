using System.Globalization;
using System.Text;

namespace BpomBot.Teams.Conversation;

/// <summary>The officer commands of the SOP conversation (what a message or a step card button asks the dialog to do).</summary>
public enum Command
{
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
}

/// <summary>A command to run and its argument (a sub-process, a date text or a reason).</summary>
/// <param name="Command">The command.</param>
/// <param name="Argument">A sub-process code (mulai), the text holding a date (rencana), a reason (tunda, batal, lewati) or a reference (kelengkapan).</param>
/// <param name="English">True when the command word was English, false when Indonesian, null when neither.</param>
public sealed record ParsedCommand(Command Command, string Argument, bool? English = null)
{
    /// <summary>The kegiatan number given (as listed by tugas), or null.</summary>
    public int? Kegiatan { get; init; }

    /// <summary>A bare command or a button (destructive commands need no confirmation), not a reading of a sentence.</summary>
    public bool Explicit { get; init; }
}

/// <summary>Text helpers for matching typed answers against choices (the intent itself is read by the understanding component).</summary>
public static class CommandParser
{
    /// <summary>Lower-case letters and digits without accents, for tolerant comparison.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.IsLetterOrDigit(c) || c == '/' ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

}
