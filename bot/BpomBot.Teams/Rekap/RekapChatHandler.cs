using System.Globalization;
using System.Text.RegularExpressions;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Rekap;

/// <summary>What "rekap …" asks for; null parts mean the default (this year, every sub-process, the viewer's scope).</summary>
/// <param name="Year">The year asked for.</param>
/// <param name="SubProcess">The sub-process code A–D.</param>
/// <param name="UnitId">The unit id asked for.</param>
/// <param name="LastYear">"tahun lalu" / "last year" was asked, with no year number.</param>
public sealed record RekapAsk(int? Year, string? SubProcess, string? UnitId, bool LastYear = false);

/// <summary>
/// "rekap", "rekap tahun 2026", "rekap 2026 B", "rekap sub A unit bbpom-medan": the recap card with headline numbers,
/// the on-time chart and the workbook link, for the scope the person's roster roles allow.
/// </summary>
public sealed partial class RekapChatHandler(
    RekapService service,
    IRosterRepository roster,
    RekapLinks links,
    RekapBaseUrl baseUrl,
    UnitCatalog units,
    OfficeClock clock) : IMessageHandler
{
    public static readonly string StorageDown = RekapTexts.StorageDown().Indonesian;

    public static readonly string StorageDownEnglish = RekapTexts.StorageDown().English;

    public int Order => 95;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        if (Parse(input, units) is not { } ask) return false;

        // "rekap" is the command in both languages: the writer's language, or a message read as English ("recap …").
        var english = input.Language == Language.English || input.Understood.English == true;
        var personId = turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id ?? string.Empty;
        try
        {
            if (await roster.GetPersonAsync(personId, cancellationToken) is not { } person)
            {
                await ReplyAsync(turn, RekapTexts.NotOnRoster().Text(english), cancellationToken);
                return true;
            }

            var thisYear = clock.Today(person.UnitId).Year;
            var year = ask.Year ?? (ask.LastYear ? thisYear - 1 : thisYear);
            var outcome = await service.BuildAsync(RekapViewer.From(person), year, ask.SubProcess, ask.UnitId, cancellationToken);
            if (outcome.Result is not { } result)
            {
                await ReplyAsync(turn, outcome.Text(english), cancellationToken);
                return true;
            }

            var chart = RekapChart.Preferred(result) == RekapChartKind.Unit ? RekapLink.ChartByUnit : RekapLink.ChartByStep;
            var chartUrl = result.IsEmpty ? null : baseUrl.Absolute(links.Create(chart, person.AadObjectId, year, result.Request.SubProcess, ask.UnitId))
                + (english ? "&l=en" : string.Empty); // the chart's words in English; not part of the signature
            var workbookUrl = baseUrl.Absolute(links.Create(RekapLink.Workbook, person.AadObjectId, year, result.Request.SubProcess, ask.UnitId));
            await turn.SendAsync(AdaptiveCard.ToMessage(RekapCard.Build(result, chartUrl, workbookUrl, english, units)), cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            await ReplyAsync(turn, RekapTexts.StorageDown().Text(english), cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// The ask of a message the understanding component reads as <see cref="Intent.Rekap"/> ("minta rekap kegiatan tahun
    /// ini", "recap for 2026", "rekapitulasi advokasi"), or null when it is not one. The sub-process comes from the
    /// reading's slot; the year and a unit id are read here from the words.
    /// </summary>
    public static RekapAsk? Parse(MessageInput input, UnitCatalog units)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(units);
        if (Parse(input.Text, units) is { } strict) return strict;
        var understood = input.Understood;
        if (understood.Intent != Intent.Rekap || understood.IsAmbiguous) return null;
        var words = Words(input.Text);
        var year = words.Where(w => YearPattern().IsMatch(w)).Select(w => (int?)int.Parse(w, CultureInfo.InvariantCulture)).LastOrDefault();
        var unit = words.Select(w => units.Find(w.ToLowerInvariant())).FirstOrDefault(u => u is not null)?.Id;
        var lower = input.Text.ToLowerInvariant();
        var lastYear = lower.Contains("tahun lalu", StringComparison.Ordinal) || lower.Contains("last year", StringComparison.Ordinal);
        return new RekapAsk(year, understood.Slots.SubProcess, unit, lastYear);
    }

    /// <summary>The ask in a message starting with "rekap", or null when it is not one.</summary>
    public static RekapAsk? Parse(string text, UnitCatalog units)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(units);
        var words = Words(text);
        if (words.Length == 0 || !words[0].Equals("rekap", StringComparison.OrdinalIgnoreCase)) return null;
        int? year = null;
        string? sub = null, unit = null;
        foreach (var word in words.Skip(1))
        {
            if (YearPattern().IsMatch(word)) year = int.Parse(word, CultureInfo.InvariantCulture);
            else if (SubPattern().IsMatch(word)) sub = word.ToUpperInvariant();
            else if (units.Find(word) is { } u) unit = u.Id;
            else if (word.ToLowerInvariant() is not ("tahun" or "sub" or "sub-proses" or "subproses" or "unit" or "untuk")) return null;
        }

        return new RekapAsk(year, sub, unit);
    }

    private static string[] Words(string text) =>
        text.Trim().TrimEnd('.', '!', '?').Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    private static Task<ResourceResponse> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    [GeneratedRegex("^20[0-9]{2}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex("^[A-Da-d]$")]
    private static partial Regex SubPattern();
}
