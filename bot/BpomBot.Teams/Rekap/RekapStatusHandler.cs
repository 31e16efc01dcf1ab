using BpomBot.Domain.Abstractions;
using BpomBot.Domain.AnnualCycle;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Rekap;

/// <summary>
/// "Laporan tahunan UPT" on the A.8/B.8/C.6 step card (<see cref="RecapStatusCard.ShowVerb"/>): sends the recap status
/// card (n of m UPT reports in, the missing ones, the remind button, the workbook) for the sub-process and year. A
/// person who may carry out the rekapitulasi step (the sub-process's Unit Kerja Pusat) sees every UPT of the national
/// cycle (<see cref="RecapStepReports"/>); anyone else gets the status within their own rekap scope, or is refused
/// (audited) by <see cref="RekapService"/>.
/// </summary>
public sealed class RekapStatusHandler(
    RekapService service,
    IRosterRepository roster,
    RekapLinks links,
    RekapBaseUrl baseUrl,
    UnitCatalog units,
    AnnualCycleService? cycle = null) : ICardActionHandler
{
    public string Verb => RecapStatusCard.ShowVerb;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var english = action.GetString("lang") == "en";
        var personId = turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id ?? string.Empty;
        var sub = action.GetString("subProcess")?.Trim().ToUpperInvariant();
        var year = action.Data.TryGetProperty("year", out var y) && y.TryGetInt32(out var n) ? n : (int?)null;
        if (sub is not ("A" or "B" or "C" or "D") || year is not { } yr)
        {
            return InvokeResponse.Message(RekapTexts.CardNotRecognised().Text(english));
        }

        try
        {
            if (await roster.GetPersonAsync(personId, cancellationToken) is not { } person)
            {
                return InvokeResponse.Message(RekapTexts.NotOnRoster().Text(english));
            }

            var viewer = RekapViewer.From(person);
            IReadOnlyList<AnnualReportStatus> reports;
            var plan = cycle?.PlanOf(sub);
            var mayDo = plan is not null && RecapStepReports.MayDo(plan, viewer, units);
            if (mayDo && await cycle!.StatusAsync(sub, yr, cancellationToken) is { } status)
            {
                reports = RecapStepReports.From(plan!, status);
            }
            else
            {
                var outcome = await service.BuildAsync(viewer, yr, sub, null, cancellationToken);
                if (outcome.Result is not { } result) return InvokeResponse.Message(outcome.Text(english));
                reports = result.AnnualReports;
            }

            // The step's Kelengkapan: the Unit Kerja Pusat's recap of every UPT for this sub-process, when the viewer may see
            // it (the download checks again, for their roles then); otherwise the recap of their own scope.
            var stepScope = mayDo || RekapScope.AllowedFor(viewer.Roles, viewer.UnitId)?.Covers(RekapScope.AllUpts, units) == true;
            var workbook = baseUrl.Absolute(links.Create(RekapLink.Workbook, person.AadObjectId, yr, sub, null, stepScope ? RekapLink.RecapStepScope : null));
            await turn.SendAsync(AdaptiveCard.ToMessage(RecapStatusCard.Build(sub, yr, reports, workbook, english)), cancellationToken);
            return InvokeResponse.Message(english ? "UPT annual report status sent." : "Status laporan tahunan UPT dikirim.");
        }
        catch (StorageUnavailableException)
        {
            return InvokeResponse.Message(RekapTexts.StorageDown().Text(english));
        }
    }
}
