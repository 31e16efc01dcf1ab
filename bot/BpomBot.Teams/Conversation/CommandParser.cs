using BpomBot.Domain.Faq;
using System.Globalization;
using System.Text;

namespace BpomBot.Teams.Conversation;

/// <summary>The officer commands of the SOP conversation.</summary>
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

/// <summary>A recognised command and the rest of the text (a kegiatan number, a date, …).</summary>
/// <param name="Command">The command.</param>
/// <param name="Argument">The text after the command word.</param>
/// <param name="English">True when the command word is English, false when Indonesian, null when both ("status").</param>
public sealed record ParsedCommand(Command Command, string Argument, bool? English = null);

/// <summary>
/// Reads a typed command: case-insensitive, tolerant of one typo in longer words, common abbreviations and English.
/// Text that does not start with a command gives null, so free questions fall through to the FAQ or help.
/// </summary>
public static class CommandParser
{
    private static readonly Dictionary<string, Command> Words = new(StringComparer.Ordinal)
    {
        ["mulai"] = Command.Mulai, ["start"] = Command.Mulai, ["baru"] = Command.Mulai, ["new"] = Command.Mulai, ["mlai"] = Command.Mulai,
        ["tugas"] = Command.Tugas, ["tgs"] = Command.Tugas, ["tasks"] = Command.Tugas, ["task"] = Command.Tugas, ["todo"] = Command.Tugas,
        ["status"] = Command.Status, ["sts"] = Command.Status, ["stat"] = Command.Status,
        ["lanjut"] = Command.Lanjut, ["ljt"] = Command.Lanjut, ["lnjt"] = Command.Lanjut, ["next"] = Command.Lanjut, ["langkah"] = Command.Lanjut, ["step"] = Command.Lanjut, ["current"] = Command.Lanjut,
        ["kelengkapan"] = Command.Kelengkapan, ["klengkapan"] = Command.Kelengkapan, ["kel"] = Command.Kelengkapan, ["lengkap"] = Command.Kelengkapan, ["requirement"] = Command.Kelengkapan, ["requirements"] = Command.Kelengkapan, ["inputs"] = Command.Kelengkapan,
        ["selesai"] = Command.Selesai, ["sls"] = Command.Selesai, ["slsai"] = Command.Selesai, ["done"] = Command.Selesai, ["finish"] = Command.Selesai, ["complete"] = Command.Selesai, ["beres"] = Command.Selesai,
        ["rencana"] = Command.Rencana, ["rcn"] = Command.Rencana, ["plan"] = Command.Rencana, ["jadwal"] = Command.Rencana, ["schedule"] = Command.Rencana,
        ["tunda"] = Command.Tunda, ["tnd"] = Command.Tunda, ["pause"] = Command.Tunda, ["hold"] = Command.Tunda,
        ["lanjutkan"] = Command.Lanjutkan, ["resume"] = Command.Lanjutkan, ["lanjutin"] = Command.Lanjutkan, ["unpause"] = Command.Lanjutkan,
        ["lewati"] = Command.Lewati, ["lewat"] = Command.Lewati, ["skip"] = Command.Lewati,
        ["batal"] = Command.Batal, ["btl"] = Command.Batal, ["batalkan"] = Command.Batal, ["cancel"] = Command.Batal, ["abort"] = Command.Batal,
        ["riwayat"] = Command.Riwayat, ["histori"] = Command.Riwayat, ["history"] = Command.Riwayat, ["log"] = Command.Riwayat,
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "start", "new", "tasks", "task", "todo", "next", "step", "current", "requirement", "requirements", "inputs", "done", "finish",
        "complete", "plan", "schedule", "pause", "hold", "resume", "unpause", "skip", "cancel", "abort", "history", "log", "annual", "yearly",
    };

    private static readonly HashSet<string> AnnualWords = new(StringComparer.Ordinal) { "tahunan", "annual", "yearly", "thn", "siklus" };

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "saya", "my", "tolong", "please", "pls", "show", "lihat", "cek", "the", "/" };

    /// <summary>The command the text starts with, or null.</summary>
    public static ParsedCommand? Parse(string? text)
    {
        var words = Tokens(text);
        var i = 0;
        while (i < words.Count && Fillers.Contains(words[i].Normal))
        {
            i++;
        }

        if (i >= words.Count || Find(words[i].Normal) is not { } command)
        {
            return null;
        }

        var rest = words.Skip(i + 1).ToList();
        if (!ArgumentFits(command, rest, text!))
        {
            return null;
        }

        bool? english = EnglishWords.Contains(words[i].Normal) ? true : words[i].Normal is "status" or "stat" or "log" ? null : false;
        if (command == Command.Mulai && rest.Count > 0 && AnnualWords.Contains(rest[0].Normal))
        {
            return new ParsedCommand(Command.MulaiTahunan, Join(rest.Skip(1)), english);
        }

        return new ParsedCommand(command, Join(rest), english);
    }

    /// <summary>
    /// Commands take only a kegiatan number (rencana a date, tunda a reason, mulai a sub-process), so a question that
    /// merely starts with a command word ("status izin edar produk saya?", "tugas BPOM apa saja?") is not a command.
    /// </summary>
    private static bool ArgumentFits(Command command, List<(string Raw, string Normal)> rest, string text)
    {
        if (text.TrimEnd().EndsWith('?'))
        {
            return false;
        }

        var argument = string.Join(' ', rest.Select(w => w.Normal));
        var numberOnly = argument.Length == 0 || (rest.Count == 1 && int.TryParse(argument, out _));
        return command switch
        {
            Command.Rencana or Command.Tunda => true,
            Command.Mulai => numberOnly || (rest.Count == 1 && argument.Length == 1) || AnnualWords.Contains(rest[0].Normal),
            Command.MulaiTahunan => rest.Count <= 1,
            _ => numberOnly,
        };
    }

    /// <summary>True when the text is a plain "batal"/"cancel" (used by every prompt).</summary>
    public static bool IsCancel(string? text) => Parse(text) is { Command: Command.Batal, Argument: "" };

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

    /// <summary>True when the two words are at most one edit apart.</summary>
    public static bool WithinOneEdit(string a, string b) =>
        TypoCorrector.Distance(a ?? throw new ArgumentNullException(nameof(a)), b ?? throw new ArgumentNullException(nameof(b)), 1) <= 1;

    private static Command? Find(string word)
    {
        if (Words.TryGetValue(word, out var exact))
        {
            return exact;
        }

        if (word is "tahunan" or "annual")
        {
            return Command.MulaiTahunan;
        }

        if (word.Length < 5)
        {
            return null;
        }

        var near = Words.Where(w => w.Key.Length >= 5 && WithinOneEdit(word, w.Key)).Select(w => w.Value).Distinct().ToList();
        return near.Count == 1 ? near[0] : null;
    }

    private static List<(string Raw, string Normal)> Tokens(string? text) =>
        [.. (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => (Raw: w, Normal: Normalize(w)))
            .Where(w => w.Normal.Length > 0)];

    private static string Join(IEnumerable<(string Raw, string Normal)> words) => string.Join(' ', words.Select(w => w.Raw)).Trim();
}
