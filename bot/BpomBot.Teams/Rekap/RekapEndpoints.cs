using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Rekap;
using BpomBot.Teams.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Rekap;

/// <summary>
/// GET /rekap/unduh?k=…&amp;v=…&amp;y=…[&amp;s=…][&amp;u=…][&amp;c=upt]&amp;e=…&amp;sig=…: the recap workbook or chart behind a signed,
/// short-lived link (c=upt: the rekapitulasi step's recap of every UPT). The recap is computed again for the person the
/// link was made for, with their current roles; the file is built
/// in memory and sent whole, so a failure sends nothing. Local mode: loopback callers only, as the bot endpoint.
/// </summary>
public static class RekapEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointConventionBuilder MapRekapEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(RekapLinks.Path, DownloadAsync);
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext http, RekapLinks links, RekapService service, IRosterRepository roster, IOptions<BotOptions> bot, CancellationToken cancellationToken)
    {
        var q = http.Request.Query;
        var english = RekapLanguage.IsEnglish(http.Request, q["l"]); // the words only; not signed, it changes nothing a viewer may see
        if (bot.Value.IsLocalMode && (http.Connection.RemoteIpAddress is not { } ip || !System.Net.IPAddress.IsLoopback(ip)))
        {
            return Results.Text(RekapTexts.LocalOnly().Text(english), statusCode: StatusCodes.Status403Forbidden);
        }

        if (links.Verify(q["k"], q["v"], q["y"], q["s"], q["u"], q["e"], q["sig"], q["c"]) is not { } link)
        {
            return Results.Text(RekapTexts.LinkExpired().Text(english), statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            if (await roster.GetPersonAsync(link.ViewerId, cancellationToken) is not { } person)
            {
                return Results.Text(RekapTexts.NoLongerOnRoster().Text(english), statusCode: StatusCodes.Status403Forbidden);
            }

            var outcome = link is { Scope: RekapLink.RecapStepScope, SubProcess: { } sub }
                ? await service.BuildRecapStepAsync(RekapViewer.From(person), link.Year, sub, cancellationToken)
                : await service.BuildAsync(RekapViewer.From(person), link.Year, link.SubProcess, link.UnitId, cancellationToken);
            if (outcome.Result is not { } result)
            {
                return Results.Text(outcome.Text(english), statusCode: outcome.Status == RekapOutcomeStatus.Refused ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return link.Kind switch
            {
                RekapLink.Workbook => Results.File(RekapWorkbook.ToBytes(result), XlsxContentType, RekapWorkbook.FileName(result)),
                RekapLink.ChartByUnit => Results.File(RekapChart.RenderPng(result, RekapChartKind.Unit, english: english), "image/png"),
                RekapLink.ChartByStep => Results.File(RekapChart.RenderPng(result, RekapChartKind.Tahap, english: english), "image/png"),
                _ => Results.NotFound(),
            };
        }
        catch (StorageUnavailableException)
        {
            return Results.Text(RekapTexts.StorageDown().Text(english), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
