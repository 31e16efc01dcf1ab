using System.Text.RegularExpressions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Understanding;

namespace BpomBot.Teams.Conversation.Dialogs;

/// <summary>
/// What a new kegiatan is about, each asked with buttons: the stakeholder category and the bentuk (the SOP lists them
/// "antara lain", so Lainnya takes any name, stored as typed and counted as lainnya in reports) and, where the SOP routes
/// the report by them (Keterangan B.4), the function and the commodity of the pembinaan.
/// </summary>
internal sealed partial class KegiatanDetailsDialog(WorkflowDialog dialog, UnitDialog start) : IDialogHandler
{
    private static readonly Dictionary<string, (string Indonesian, string English)> RouteNames = new(StringComparer.Ordinal)
    {
        ["fasilitator"] = ("Fasilitator", "Facilitator"),
        ["capa"] = ("CAPA (tindakan perbaikan dan pencegahan)", "CAPA (corrective and preventive action)"),
        ["pangan-olahan"] = ("Pangan olahan", "Processed food"),
        ["obat-tradisional"] = ("Obat tradisional", "Traditional medicine"),
        ["suplemen-kesehatan"] = ("Suplemen kesehatan", "Health supplements"),
        ["kosmetik"] = ("Kosmetik", "Cosmetics"),
    };

    public IReadOnlySet<Intent> Intents { get; } = new HashSet<Intent>();

    public IReadOnlySet<Prompt> Prompts { get; } = new HashSet<Prompt>
    {
        Prompt.Stakeholder, Prompt.StakeholderOther, Prompt.Bentuk, Prompt.BentukOther, Prompt.Fungsi, Prompt.Komoditas,
    };

    public Task RunAsync(DialogTurn t, DialogCommand command, Selection? selection, CancellationToken ct) => Task.CompletedTask;

    public async Task<bool> AnswerAsync(DialogTurn t, CancellationToken ct) => t.State.Prompt switch
    {
        Prompt.Stakeholder => await OnListedAsync(t, Stakeholders(t), Choices.StakeholderAliases, "Pemda", Prompt.StakeholderOther, ct),
        Prompt.Bentuk => await OnListedAsync(t, Forms(t), Choices.FormAliases, "FGD", Prompt.BentukOther, ct),
        Prompt.StakeholderOther or Prompt.BentukOther => await OnOtherAsync(t, ct),
        Prompt.Fungsi => await OnRouteAsync(t, RouteChoices(t).Functions, ct),
        _ => await OnRouteAsync(t, RouteChoices(t).Commodities, ct),
    };

    public void AskStakeholder(DialogTurn t) => AskListed(t, Prompt.Stakeholder, "Kategori pemangku kepentingan?", "Stakeholder category?", Stakeholders(t));

    private SopSubProcess Sub(DialogTurn t) => dialog.Workflow.Sop.FindSubProcess(t.State.SubProcess!)!;

    private List<SopChoice> Stakeholders(DialogTurn t) => Choices.Of(dialog.Workflow.Sop.StakeholderCategories, Sub(t).StakeholderCategories);

    private List<SopChoice> Forms(DialogTurn t) => Choices.Of(dialog.Workflow.Sop.Forms, Sub(t).Forms);

    /// <summary>The listed choices as a numbered list (typing works everywhere) and as buttons, with Lainnya.</summary>
    private static void AskListed(DialogTurn t, Prompt prompt, string question, string questionEnglish, List<SopChoice> choices)
    {
        Choices.Ask(t, prompt, question, questionEnglish, choices);
        var en = t.English;
        t.Offer(en ? "Pick one, or Other when it is not in the list:" : "Pilih salah satu, atau Lainnya bila tidak ada di daftar:",
            [.. choices.Select(c => (c.Name, c.Name)), (en ? "Other" : "Lainnya", en ? "other" : "lainnya")]);
    }

    private async Task<bool> OnListedAsync(
        DialogTurn t, List<SopChoice> choices, IReadOnlyDictionary<string, string> aliases, string example, Prompt other, CancellationToken ct)
    {
        if (Choices.Normalize(t.Text) is "lainnya" or "lainya" or "lain lain" or "other" or "others")
        {
            var what = other == Prompt.StakeholderOther ? ("pemangku kepentingan", "stakeholder") : ("bentuk kegiatan", "form of the kegiatan");
            t.Ask(other, $"Tulis nama {what.Item1} lainnya (2–{OpenChoice.MaxLength} karakter), contoh: Karang Taruna Kota Medan",
                $"Type the name of the other {what.Item2} (2–{OpenChoice.MaxLength} characters), for example: Karang Taruna Kota Medan");
            return true;
        }

        var typed = LainnyaPattern().Match(t.Text) is { Success: true } m ? m.Groups["text"].Value.Trim() : null;
        var picked = (Choices.Pick(t.Text, choices, aliases) ?? Choices.Pick(FreeText.WithoutParticles(t.Text), choices, aliases))?.Id ?? (typed is { Length: >= 2 and <= OpenChoice.MaxLength } ? typed : null);
        if (picked is null)
        {
            Choices.Reprompt(t, choices, example);
            return !t.IsBareCommand;
        }

        await TakeAsync(t, picked, ct);
        return true;
    }

    private async Task<bool> OnOtherAsync(DialogTurn t, CancellationToken ct)
    {
        var match = LainnyaPattern().Match(t.Text);
        var typed = (match.Success ? match.Groups["text"].Value : t.Text).Trim();
        if (typed.Length is < 2 or > OpenChoice.MaxLength)
        {
            t.Say($"Tulis namanya, 2–{OpenChoice.MaxLength} karakter (atau batal).", $"Type the name, 2–{OpenChoice.MaxLength} characters (or cancel).");
            return true;
        }

        await TakeAsync(t, typed, ct);
        return true;
    }

    /// <summary>A stakeholder (listed id or typed) leads to the bentuk; a bentuk to the report route or the start.</summary>
    private async Task TakeAsync(DialogTurn t, string value, CancellationToken ct)
    {
        if (t.State.Prompt is Prompt.Stakeholder or Prompt.StakeholderOther)
        {
            t.State.Stakeholder = value;
            var forms = Forms(t);
            if (forms.Count > 1)
            {
                AskListed(t, Prompt.Bentuk, "Bentuk kegiatan?", "Form of the kegiatan?", forms);
                return;
            }

            value = forms[0].Id;
        }

        t.State.Bentuk = value;
        if (RouteChoices(t).Functions.Count > 0)
        {
            AskRoute(t, Prompt.Fungsi);
            return;
        }

        await start.StartWhenUnitKnownAsync(t, ct);
    }

    private (List<SopChoice> Functions, List<SopChoice> Commodities) RouteChoices(DialogTurn t)
    {
        var (functions, commodities) = KegiatanReportRoute.Choices(Sub(t));
        return ([.. functions.Select(id => RouteName(id, t.English))], [.. commodities.Select(id => RouteName(id, t.English))]);
    }

    private static SopChoice RouteName(string id, bool english) =>
        new(id, RouteNames.TryGetValue(id, out var n) ? english ? n.English : n.Indonesian : id.Replace('-', ' '));

    private void AskRoute(DialogTurn t, Prompt prompt)
    {
        var (functions, commodities) = RouteChoices(t);
        var step = Sub(t).Steps.First(s => s.ReportRoutes.Count > 0).Id;
        var (choices, question, english) = prompt == Prompt.Fungsi
            ? (functions, $"Laporan langkah {step} dikirim ke direktorat menurut fungsi dan komoditas pembinaannya (Keterangan {step}). Fungsi pembinaan ini?",
                $"The report of step {step} goes to the directorate of the pembinaan's function and commodity (Keterangan {step}). Which function?")
            : (commodities, "Komoditas (produk) yang dibina?", "Which commodity (product) is it about?");
        Choices.Ask(t, prompt, question, english, choices);
        t.Offer(t.English ? "Pick one:" : "Pilih salah satu:", [.. choices.Select(c => (c.Name, c.Name))]);
    }

    private async Task<bool> OnRouteAsync(DialogTurn t, List<SopChoice> choices, CancellationToken ct)
    {
        // Either language's names are understood (an officer may type the Indonesian word in an English chat).
        var aliases = choices.ToDictionary(c => Choices.Normalize(RouteName(c.Id, !t.English).Name), c => c.Id, StringComparer.Ordinal);
        if ((Choices.Pick(t.Text, choices, aliases) ?? Choices.Pick(FreeText.WithoutParticles(t.Text), choices, aliases)) is not { } picked)
        {
            Choices.Reprompt(t, choices, choices[0].Name);
            return !t.IsBareCommand;
        }

        if (t.State.Prompt == Prompt.Fungsi)
        {
            t.State.Fungsi = picked.Id;
            AskRoute(t, Prompt.Komoditas);
            return true;
        }

        t.State.Komoditas = picked.Id;
        await start.StartWhenUnitKnownAsync(t, ct);
        return true;
    }

    /// <summary>"lainnya Karang Taruna", "lainnya: …", "other …": the typed name after the word.</summary>
    [GeneratedRegex(@"^\s*(?:lainnya|lain-lain|other)\s*[:\-]?\s*(?<text>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LainnyaPattern();
}
