using System.Globalization;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Reminders;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Rekap;

/// <summary>
/// "Ingatkan n Kepala UPT" on the recap status card (<see cref="RecapStatusCard.RemindVerb"/>): a Unit Kerja Pusat
/// person reminds each missing UPT's Kepala through the reminder notification path. Others are refused. Idempotent per
/// day: the notification id carries the day, so a second click (or a redelivered invoke) claims nothing new.
/// </summary>
public sealed class RekapRemindHandler(
    IRosterRepository roster,
    IReminderStore store,
    IReminderNotifier notifier,
    UnitCatalog units,
    OfficeClock clock,
    TimeProvider timeProvider) : ICardActionHandler
{
    public static readonly string Refused = RekapTexts.RemindUnitKerjaPusatOnly().Indonesian;

    public string Verb => RecapStatusCard.RemindVerb;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var english = action.GetString("lang") == "en"; // the status card's buttons carry its language
        var personId = turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id ?? string.Empty;
        var sub = action.GetString("subProcess")?.Trim().ToUpperInvariant();
        var year = action.Data.TryGetProperty("year", out var y) && y.TryGetInt32(out var n) ? n : (int?)null;
        if (sub is not ("A" or "B" or "C" or "D") || year is null)
        {
            return InvokeResponse.Message(RekapTexts.CardNotRecognised().Text(english));
        }

        try
        {
            var person = await roster.GetPersonAsync(personId, cancellationToken);
            if (person is null || units.Find(person.UnitId) is not { IsUpt: false })
            {
                return InvokeResponse.Message(RekapTexts.RemindUnitKerjaPusatOnly().Text(english));
            }

            var today = clock.Today(person.UnitId);
            var bucket = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime();
            int sent = 0, already = 0, noKepala = 0;
            foreach (var unit in (action.GetString("units") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal).Select(units.Find).OfType<Unit>().Where(u => u.IsUpt))
            {
                var kepala = (await roster.ListPeopleByUnitAsync(unit.Id, cancellationToken)).Where(p => p.Roles.Contains(RosterRoles.KepalaUpt)).ToList();
                if (kepala.Count == 0) noKepala++;
                foreach (var k in kepala)
                {
                    var item = new NotificationItem(
                        $"rekap-{year}-{sub}-{unit.Id}", $"Laporan tahunan sub-proses {sub} tahun {year} ({unit.Name}) belum masuk",
                        ReminderKind.Overdue, 0, today, false, "Biasa", null);
                    var claim = new Notification(
                        string.Create(CultureInfo.InvariantCulture, $"rekap|{year}|{sub}|{unit.Id}|{k.AadObjectId}|{today:yyyyMMdd}"),
                        k.AadObjectId, unit.Id, today, bucket, false, [item], NotificationStatus.Queued, 0, null, timeProvider.GetUtcNow());
                    if (await store.TryAddNotificationAsync(claim, cancellationToken) is { } claimed)
                    {
                        await notifier.EnqueueAsync(claimed, cancellationToken);
                        sent++;
                    }
                    else
                    {
                        already++;
                    }
                }
            }

            return InvokeResponse.Message(RekapTexts.Reminded(sent, already, noKepala).Text(english));
        }
        catch (StorageUnavailableException)
        {
            return InvokeResponse.Message(RekapTexts.StorageDown().Text(english));
        }
    }
}
