using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Conversation.Views;
using BpomBot.Teams.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Rekap.Tab;

/// <summary>
/// The leader dashboard (a personal tab in Teams): GET /rekap/tab is the page; its API answers the recap for the
/// filters (year, sub-process, unit) within the person's scope, and one kegiatan's steps and history for drill-down.
/// Charts and the workbook come from the signed links of <see cref="RekapEndpoints"/>.
/// </summary>
public static class RekapTabEndpoints
{
    public const string PagePath = "/rekap/tab";

    public static void MapRekapTab(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(PagePath, (HttpContext http, string? lang, IOptions<BotOptions> bot) =>
            Results.Content(RekapTabPage.Html(bot.Value.IsLocalMode, RekapLanguage.IsEnglish(http.Request, lang)), "text/html; charset=utf-8"));
        endpoints.MapGet(PagePath + "/api/rekap", RekapAsync);
        endpoints.MapGet(PagePath + "/api/kegiatan/{id}", KegiatanAsync);
    }

    private static async Task<IResult> RekapAsync(
        HttpContext http, int? year, string? sub, string? unit, string? lang, RekapTabAuthenticator auth, IRosterRepository roster, RekapService service,
        RekapLinks links, RekapBaseUrl baseUrl, UnitCatalog units, OfficeClock clock, CancellationToken cancellationToken)
    {
        var english = RekapLanguage.IsEnglish(http.Request, lang);
        try
        {
            if (await PersonAsync(http, auth, roster, cancellationToken) is not { } person) return Unauthorized(english);
            var y = year ?? clock.Today(person.UnitId).Year;
            var viewer = RekapViewer.From(person);
            var outcome = await service.BuildAsync(viewer, y, NullIfEmpty(sub), NullIfEmpty(unit), cancellationToken);
            if (outcome.Result is not { } result)
            {
                return Results.Json(new { message = outcome.Text(english) }, statusCode: outcome.Status == RekapOutcomeStatus.Refused ? 403 : 404);
            }

            var allowed = RekapScope.AllowedFor(person.Roles, person.UnitId)!;
            string Link(string kind) => baseUrl.Absolute(links.Create(kind, person.AadObjectId, y, result.Request.SubProcess, NullIfEmpty(unit)));
            return Results.Json(new
            {
                title = english
                    ? $"Recap of {result.Request.Scope.Describe(units, english: true)}, {y}{(result.Request.SubProcess is { } se ? $", sub-process {se}" : string.Empty)}"
                    : $"Rekap {result.ScopeName}, tahun {y}{(result.Request.SubProcess is { } s ? $", sub-proses {s}" : string.Empty)}",
                year = y,
                empty = result.IsEmpty,
                message = outcome.Text(english),
                headline = RekapCard.Headline(result, english).Select(h => new { title = h.Title, value = h.Value }),
                units = result.Units.Select(u => new
                {
                    u.UnitId, u.UnitName, u.Berjalan, u.Selesai, u.Dibatalkan, u.Total, u.Timing.TepatWaktu, u.Timing.Terlambat, u.Timing.LewatBatas,
                    onTime = u.Timing.OnTimePercent is { } p ? RekapCard.Percent(p, english) : "–", u.LateHk,
                }),
                steps = result.Steps.Select(st => new
                {
                    st.StepId, st.Aktivitas, st.Timing.TepatWaktu, st.Timing.Terlambat, st.Timing.LewatBatas,
                    onTime = st.Timing.OnTimePercent is { } p ? RekapCard.Percent(p, english) : "–", st.LateHk,
                }),
                reports = result.AnnualReports.Select(r => new { r.SubProcess, r.UnitId, r.UnitName, state = RekapWorkbook.ReportText(r.State), r.IsIn }),
                kegiatan = unit is { Length: > 0 } ? result.Kegiatan.Select(k => new { k.Id, k.Title, k.SubProcess, status = k.Status.ToString(), k.CurrentStepId, k.UnitId }) : null,
                scopeUnits = allowed.Units(units).Select(u => new { u.Id, u.Name }),
                chartUnit = result.IsEmpty ? null : Link(RekapLink.ChartByUnit),
                chartStep = result.IsEmpty ? null : Link(RekapLink.ChartByStep),
                workbook = Link(RekapLink.Workbook),
            });
        }
        catch (StorageUnavailableException)
        {
            return Results.Json(new { message = RekapTexts.StorageDown().Text(english) }, statusCode: 503);
        }
    }

    private static async Task<IResult> KegiatanAsync(
        HttpContext http, string id, string? lang, RekapTabAuthenticator auth, IRosterRepository roster, IKegiatanRepository repository, UnitCatalog units,
        RekapService service, CancellationToken cancellationToken)
    {
        var english = RekapLanguage.IsEnglish(http.Request, lang);
        try
        {
            if (await PersonAsync(http, auth, roster, cancellationToken) is not { } person) return Unauthorized(english);
            var allowed = RekapScope.AllowedFor(person.Roles, person.UnitId);
            if (await repository.GetAsync(id, cancellationToken) is not { } k) return Results.Json(new { message = RekapTexts.KegiatanNotFound().Text(english) }, statusCode: 404);
            if (allowed is null || units.Find(k.UnitId) is null || !allowed.Covers(RekapScope.OneUnit(k.UnitId), units))
            {
                return Results.Json(new { message = RekapTexts.KegiatanNotAllowed().Text(english) }, statusCode: 403);
            }

            // People's words, as in chat's "riwayat": who (by name) did what, in the reader's language.
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var who in k.History.SelectMany(e => new[] { e.Actor, e.OnBehalfOf }).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (await roster.GetPersonAsync(who, cancellationToken) is { } p) names[who] = p.Name;
            }

            return Results.Json(new
            {
                k.Id, k.Title, k.SubProcess, k.UnitId, k.OfficerId, status = k.Status.ToString(),
                // HK late as the recap counts it: recorded for a step done late, so far for a step past its batas waktu.
                steps = service.StepLines(RekapViewer.From(person), k).Select(l => new
                {
                    l.Step.StepId, status = l.Step.Status.ToString(), l.Step.StartedOn, l.Step.DueOn, l.Step.CompletedOn, l.LateHk, timing = l.Timing.ToString(),
                }),
                history = k.History.Select(e => new { e.At, e.Action, text = RiwayatView.Line(k, e, names, english) }),
            });
        }
        catch (StorageUnavailableException)
        {
            return Results.Json(new { message = RekapTexts.StorageDown().Text(english) }, statusCode: 503);
        }
    }

    private static async Task<PersonRecord?> PersonAsync(HttpContext http, RekapTabAuthenticator auth, IRosterRepository roster, CancellationToken cancellationToken) =>
        await auth.AuthenticateAsync(http, cancellationToken) is { } id ? await roster.GetPersonAsync(id, cancellationToken) : null;

    private static IResult Unauthorized(bool english) => Results.Json(new { message = RekapTexts.SignIn().Text(english) }, statusCode: 401);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
