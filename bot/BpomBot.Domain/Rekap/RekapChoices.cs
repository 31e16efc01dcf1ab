using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Rekap;

/// <summary>
/// How the recap counts an answer to an "antara lain" list (stakeholder category, form): as a listed choice only when
/// it equals (case-insensitive, by id or name) a choice the kegiatan's own sub-process lists; anything else, even an
/// id another sub-process lists ("FGD" typed in D, whose list holds only Bimtek), is <see cref="OpenChoice.Lainnya"/>.
/// </summary>
public static class RekapChoices
{
    /// <summary>The choice id to count <paramref name="value"/> under, <see cref="OpenChoice.Lainnya"/>, or null for no answer.</summary>
    public static string? Key(string? value, IReadOnlyList<SopChoice> all, IReadOnlyList<string>? subProcessList)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (value is null) return null;
        var typed = value.Trim();
        var match = (subProcessList ?? [])
            .Select(id => all.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(c => c is not null
                && (string.Equals(c.Id, typed, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, typed, StringComparison.OrdinalIgnoreCase)));
        return match?.Id ?? OpenChoice.Lainnya;
    }
}
