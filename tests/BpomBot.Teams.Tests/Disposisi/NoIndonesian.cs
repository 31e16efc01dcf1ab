using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>
/// Checks that text meant for an English reader has no Indonesian sentence left: after the data that stays as written
/// (titles, SOP text, names) is taken out, none of the common Indonesian words of the bot's sentences may remain.
/// </summary>
internal static partial class NoIndonesian
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "yang", "dan", "untuk", "dengan", "kepada", "tidak", "belum", "sudah", "anda", "oleh", "pada", "dari", "ini", "itu", "wajib",
        "dikirim", "disampaikan", "menunggu", "langkah", "batas", "waktu", "alasan", "keputusan", "tanggapan", "pengingat", "diterima",
        "hari", "terlambat", "jatuh", "tempo", "petugas", "pimpinan", "disetujui", "dikembalikan", "diteruskan", "perbaiki", "kirim",
        "ulang", "lalu", "buka", "lagi", "mengapa", "kotak", "dapat", "minta", "daftar", "pegawai", "menurut", "melalui", "sifat", "biasa",
        "segera", "catatan", "arahan", "tindak", "lanjuti", "pelajari", "terkirim", "dibaca", "lewat", "tersimpan",
    };

    /// <summary>Every text a card shows (text, title, fact value, label, placeholder; not choice ids), as one string.</summary>
    public static string CardText(JsonNode card)
    {
        var parts = new List<string>();
        Collect(card, parts);
        return string.Join("\n", parts);
    }

    public static void Check(string text, params string[] data)
    {
        foreach (var d in data.Where(d => d.Length > 0)) text = text.Replace(d, " ", StringComparison.Ordinal);
        var found = Word().Matches(text).Select(m => m.Value).Where(Words.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(found.Count == 0, $"Indonesian words [{string.Join(", ", found)}] in English text:\n{text}");
    }

    private static void Collect(JsonNode? node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "text" or "title" or "label" or "placeholder" || (key == "value" && obj["type"] is null && obj["title"] is not null && !IsChoice(obj)))
                    {
                        if (value is JsonValue v && v.TryGetValue<string>(out var s)) parts.Add(s);
                    }

                    if (key != "data") Collect(value, parts);
                }

                break;
            case JsonArray array:
                foreach (var item in array) Collect(item, parts);
                break;
        }
    }

    private static bool IsChoice(JsonObject obj) => obj.Parent?.Parent is JsonObject owner && owner["choices"] == obj.Parent;

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
