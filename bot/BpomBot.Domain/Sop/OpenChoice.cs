namespace BpomBot.Domain.Sop;

/// <summary>
/// An answer to a list the SOP gives "antara lain" (among others): one of the listed choices (stored by its id), or
/// "lainnya" typed by the officer (stored as typed, counted as <see cref="Lainnya"/> in reports).
/// </summary>
public readonly record struct OpenChoice(string Value, bool IsListed)
{
    public const string Lainnya = "lainnya";

    /// <summary>The longest "lainnya" text kept.</summary>
    public const int MaxLength = 100;

    /// <summary>The key reports count by: the listed id, or "lainnya".</summary>
    public string ReportKey => IsListed ? Value : Lainnya;

    /// <summary>What a stored value is, given the ids the sub-process lists.</summary>
    public static OpenChoice Of(string value, IEnumerable<string> listed)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(listed);
        var trimmed = value.Trim();
        return new OpenChoice(trimmed, listed.Contains(trimmed, StringComparer.Ordinal));
    }

    /// <summary>A listed id or a typed "lainnya" of 2–100 characters; null for an empty or over-long answer.</summary>
    public static OpenChoice? Parse(string? value, IEnumerable<string> listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        if (string.IsNullOrWhiteSpace(value)) return null;
        var choice = Of(value, listed);
        return choice.IsListed || choice.Value.Length is >= 2 and <= MaxLength ? choice : null;
    }

    /// <summary>The name to show: the listed choice's name, or "Lainnya: …" with the typed text.</summary>
    public string Display(IReadOnlyList<SopChoice> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var value = Value;
        return IsListed ? all.FirstOrDefault(c => c.Id == value)?.Name ?? value : $"Lainnya: {value}";
    }
}
