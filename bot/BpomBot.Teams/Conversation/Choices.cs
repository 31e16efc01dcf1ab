using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BpomBot.Domain.Sop;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Conversation;

/// <summary>Typed answers matched against a list (by number, id, alias, name or a unique part of it), and choice buttons.</summary>
internal static class Choices
{
    public static readonly IReadOnlyDictionary<string, string> StakeholderAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pemda"] = "pemerintah-daerah", ["pemerintah daerah"] = "pemerintah-daerah", ["kl"] = "kl", ["k/l"] = "kl", ["kementerian"] = "kl",
        ["lembaga"] = "kl", ["apu"] = "asosiasi-pelaku-usaha", ["asosiasi"] = "asosiasi-pelaku-usaha", ["pu"] = "pelaku-usaha",
        ["pelaku usaha"] = "pelaku-usaha", ["umkm"] = "pelaku-usaha", ["sekolah"] = "komunitas-pendidikan", ["kampus"] = "komunitas-pendidikan",
        ["profesi"] = "organisasi-profesi", ["komunitas"] = "organisasi-komunitas-sosial",
    };

    public static readonly IReadOnlyDictionary<string, string> FormAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["focus group discussion"] = "fgd", ["bimbingan teknis"] = "bimtek", ["kader"] = "pembentukan-kader-duta", ["duta"] = "pembentukan-kader-duta",
        ["konsul"] = "konsultasi", ["pendampingan"] = "pendampingan",
    };

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

    /// <summary>The number the text starts with ("2", "#2", "2."), or null.</summary>
    public static int? LeadingNumber(string text)
    {
        var first = text.Trim().Split(' ', 2)[0].TrimStart('#').TrimEnd('.', ',');
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The SOP's choices with these ids, in this order (an unknown id shows as itself).</summary>
    public static List<SopChoice> Of(IReadOnlyList<SopChoice> all, IReadOnlyList<string> ids) =>
        [.. ids.Select(id => all.FirstOrDefault(c => c.Id == id) ?? new SopChoice(id, id))];

    /// <summary>A choice by number, id, alias, exact name, or a unique part of its name.</summary>
    public static SopChoice? Pick(string text, List<SopChoice> choices, IReadOnlyDictionary<string, string>? aliases)
    {
        var normal = Normalize(text);
        if (normal.Length == 0)
        {
            return null;
        }

        if (int.TryParse(normal.TrimEnd('.'), out var n))
        {
            return n >= 1 && n <= choices.Count ? choices[n - 1] : null;
        }

        if (aliases is not null && aliases.TryGetValue(normal, out var aliased) && choices.FirstOrDefault(c => c.Id == aliased) is { } byAlias)
        {
            return byAlias;
        }

        var exact = choices.FirstOrDefault(c => Normalize(c.Id.Replace('-', ' ')) == normal || Normalize(c.Name) == normal);
        if (exact is not null)
        {
            return exact;
        }

        var partial = normal.Length >= 3 ? choices.Where(c => Normalize(c.Name).Contains(normal, StringComparison.Ordinal)).ToList() : [];
        return partial.Count == 1 ? partial[0] : null;
    }

    /// <summary>Asks for one of a numbered list (typed by number or name).</summary>
    public static void Ask(DialogTurn t, Prompt prompt, string indonesian, string english, IReadOnlyList<SopChoice> choices)
    {
        var list = string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c.Name}"));
        t.Ask(prompt, $"{indonesian} Ketik nomornya:\n\n{list}", $"{english} Type its number:\n\n{list}");
    }

    public static void Reprompt(DialogTurn t, List<SopChoice> choices, string example) =>
        t.Say(choices.Count == 1
                ? $"Ketik 1 atau namanya, contoh: {example} (atau batal)."
                : $"Pilih nomor 1–{choices.Count} atau ketik namanya, contoh: 1 atau {example} (atau batal).",
            choices.Count == 1
                ? $"Type 1 or the name, for example: {example} (or cancel)."
                : $"Pick a number 1–{choices.Count} or type the name, for example: 1 or {example} (or cancel).");

    /// <summary>A question with buttons that send their text back as the officer's message (imBack).</summary>
    public static JsonObject Card(string question, IEnumerable<(string Title, string Text)> buttons) =>
        AdaptiveCard.Create(AdaptiveCard.Text(question, bold: true)).WithActions([.. buttons.Select(Button)]);

    /// <summary>
    /// As <see cref="Card"/> for a longer list: the buttons stand in rows of three in the body (Teams shows only a few
    /// actions at the foot of a card).
    /// </summary>
    public static JsonObject ListCard(string question, IReadOnlyList<(string Title, string Text)> buttons)
    {
        var body = new List<JsonNode> { AdaptiveCard.Text(question, bold: true) };
        body.AddRange(buttons.Chunk(3).Select(row => (JsonNode)new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray([.. row.Select(Button)]),
        }));
        return AdaptiveCard.Create([.. body]);
    }

    private static JsonNode Button((string Title, string Text) b) => new JsonObject
    {
        ["type"] = "Action.Submit",
        ["title"] = b.Title,
        ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = b.Text } },
    };
}
