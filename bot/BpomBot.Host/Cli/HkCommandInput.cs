using System.Globalization;

namespace BpomBot.Host.Cli;

/// <summary>Shared parsing for the calendar commands: strict yyyy-MM-dd dates and positive counts.</summary>
internal static class HkInput
{
    public const int BadInput = 2;

    public static bool TryDate(string? text, TextWriter error, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        error.WriteLine(text is null
            ? "tanggal wajib diisi (format yyyy-MM-dd)"
            : $"tanggal tidak valid: '{text}' (format yyyy-MM-dd, tanggal harus ada di kalender)");
        return false;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
