using System.Text.RegularExpressions;
using BpomBot.Domain.Sop;

namespace BpomBot.Teams.Conversation.AnnualCycle;

/// <summary>
/// "Lainnya" for the SOP's open lists (pemangku kepentingan, bentuk: "antara lain"): besides the listed choices the
/// officer may type "lainnya &lt;nama&gt;"; it is stored as typed and counted as lainnya in reports.
/// </summary>
public static partial class OpenChoicePrompt
{
    public const string Hint = "Tidak ada di daftar? Ketik **lainnya** lalu namanya, contoh: lainnya Karang Taruna";
    public const string HintEnglish = "Not in the list? Type **lainnya** and the name, for example: lainnya Karang Taruna";

    /// <summary>The typed choice of "lainnya: Karang Taruna" (2–100 characters), or null.</summary>
    public static SopChoice? Lainnya(string text)
    {
        var match = LainnyaPattern().Match(text ?? string.Empty);
        if (!match.Success) return null;
        var typed = match.Groups["text"].Value.Trim();
        return typed.Length is >= 2 and <= OpenChoice.MaxLength ? new SopChoice(typed, $"Lainnya: {typed}") : null;
    }

    [GeneratedRegex(@"^\s*(?:lainnya|lain-lain|other)\s*[:\-]?\s*(?<text>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LainnyaPattern();
}
