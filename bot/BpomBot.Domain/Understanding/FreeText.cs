using System.Text.RegularExpressions;

namespace BpomBot.Domain.Understanding;

/// <summary>
/// A free-text answer (a kegiatan's title, a reason) as the user meant it: a lead-in that only names what is being
/// answered ("judulnya …", "judul: …", "namanya …", "the title is …", "alasannya …") is not part of the answer.
/// </summary>
public static partial class FreeText
{
    /// <summary>
    /// <paramref name="text"/> trimmed and without its lead-in and enclosing quotes; the text as typed when nothing
    /// (or fewer than 3 characters) would be left.
    /// </summary>
    public static string StripLeadIn(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        var match = LeadIn().Match(trimmed);
        var rest = match.Success ? trimmed[match.Length..] : trimmed;
        rest = rest.Trim().Trim('"', '\'', '“', '”', '‘', '’').Trim();
        return rest.Length >= 3 ? rest : trimmed;
    }

    /// <summary>
    /// <paramref name="text"/> without chat particles and politeness words ("pemerintah daerah dong", "pemda aja ya"),
    /// so a typed choice can be matched to its name.
    /// </summary>
    public static string WithoutParticles(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => TextNormalizer.Fold(w).Trim() is var folded && !IntentCatalog.Particles.Contains(folded) && folded is not ("aja" or "saja" or "sj"))).Trim();

    // "judulnya", "judul kegiatannya adalah", "nama kegiatan:", "the title is", "title:", "it's called", "alasannya karena", "the reason is".
    [GeneratedRegex(
        @"^(?:(?:judul|nama|title|name|alasan|reason)(?:\s*nya)?(?:\s+(?:kegiatannya|kegiatan|activity|acaranya|acara))?(?:\s*(?:adalah|yaitu|ialah|is|nya))?\s*[:\-–=]?\s+"
        + @"|(?:the|its|it's|it is)\s+(?:title|name|reason)(?:\s+is)?\s*[:\-–]?\s+"
        + @"|(?:it'?s|it is)\s+called\s+|called\s+)"
        + @"(?:karena\s+|because\s+)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();
}
