using System.Globalization;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Disposisi;

/// <summary>Reads the actor and the card inputs of a disposisi click, and maps outcomes to invoke answers.</summary>
internal static class DisposisiActions
{
    /// <summary>The clicker's Entra object id (Teams sends it as <c>from.aadObjectId</c>), else their channel id.</summary>
    public static string ActorId(ITurnContext turn) => turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id ?? string.Empty;

    public static string? DisposisiId(CardAction action) => action.GetString("disposisiId");

    public static DisposisiInput Input(CardAction action)
    {
        var arahan = (action.GetString("arahan") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        DateOnly? batas = DateOnly.TryParseExact(action.GetString("batasWaktu"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) ? b : null;
        var sifat = Enum.TryParse<Sifat>(action.GetString("sifat"), ignoreCase: true, out var s) ? s : DisposisiText.ParseSifat(action.GetString("sifat"));
        return new DisposisiInput(arahan, action.GetString("tanggapan") ?? action.GetString("catatan"), batas, sifat);
    }

    /// <summary>True when the clicked card was English (its data carries <c>lang: en</c>).</summary>
    public static bool English(CardAction action) => action.GetString("lang") == "en";

    public static InvokeResponse Answer(DisposisiView? view, Phrase message, bool english = false) =>
        view is null ? InvokeResponse.Message(message.Text(english)) : InvokeResponse.Card(DisposisiCard.Build(view, english));

    public static InvokeResponse NotFound(DisposisiView? view, CardAction action) =>
        Answer(view, DisposisiTexts.NotFound(), English(action));

    public static async Task<InvokeResponse> DecideAsync(
        DisposisiService service, ITurnContext turn, CardAction action, DecisionVerb verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (DisposisiId(action) is not { Length: > 0 } id)
            return InvokeResponse.Error(400, "BadRequest", "disposisiId wajib ada pada data kartu.");
        var outcome = await service.DecideAsync(
            new DecisionCommand(id, ActorId(turn), verb, Input(action), action.GetString("alasan"), action.GetString("penerima")),
            cancellationToken);
        return Answer(outcome.View is { } v ? v with { Note = v.Note ?? outcome.Message } : null, outcome.Message, English(action));
    }
}

/// <summary>Refresh (automatic for the addressee and Plt/Plh) and manual view: marks dibaca on first opening.</summary>
public sealed class DisposisiLihatHandler(DisposisiService service, LeaderDirectory directory) : ICardActionHandler
{
    public string Verb => DisposisiVerbs.Lihat;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (DisposisiActions.DisposisiId(action) is not { Length: > 0 } id)
            return InvokeResponse.Error(400, "BadRequest", "disposisiId wajib ada pada data kartu.");
        await directory.RememberTeamsIdAsync(DisposisiActions.ActorId(turn), turn.Activity.From?.Id, cancellationToken);
        var view = await service.OpenAsync(id, DisposisiActions.ActorId(turn), markRead: true, cancellationToken);
        return DisposisiActions.NotFound(view, action);
    }
}

/// <summary>"Buka" on an inbox row: the card of that disposisi for this viewer.</summary>
public sealed class DisposisiBukaHandler(DisposisiService service, LeaderDirectory directory) : ICardActionHandler
{
    public string Verb => DisposisiVerbs.Buka;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (DisposisiActions.DisposisiId(action) is not { Length: > 0 } id)
            return InvokeResponse.Error(400, "BadRequest", "disposisiId wajib ada pada data kartu.");
        await directory.RememberTeamsIdAsync(DisposisiActions.ActorId(turn), turn.Activity.From?.Id, cancellationToken);
        var view = await service.OpenAsync(id, DisposisiActions.ActorId(turn), markRead: true, cancellationToken);
        return DisposisiActions.NotFound(view, action);
    }
}

public sealed class DisposisiSetujuiHandler(DisposisiService service) : ICardActionHandler
{
    public string Verb => DisposisiVerbs.Setujui;

    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default) =>
        DisposisiActions.DecideAsync(service, turn, action, DecisionVerb.Setujui, cancellationToken);
}

public sealed class DisposisiKembalikanHandler(DisposisiService service) : ICardActionHandler
{
    public string Verb => DisposisiVerbs.Kembalikan;

    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default) =>
        DisposisiActions.DecideAsync(service, turn, action, DecisionVerb.Kembalikan, cancellationToken);
}

public sealed class DisposisiTeruskanHandler(DisposisiService service) : ICardActionHandler
{
    public string Verb => DisposisiVerbs.Teruskan;

    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default) =>
        DisposisiActions.DecideAsync(service, turn, action, DecisionVerb.Teruskan, cancellationToken);
}

/// <summary>"Kirim tanggapan" on a forwarded disposisi: the input goes to the leader who forwarded it.</summary>
public sealed class DisposisiTanggapiHandler(DisposisiService service) : ICardActionHandler
{
    public string Verb => DisposisiVerbs.Tanggapi;

    public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default) =>
        DisposisiActions.DecideAsync(service, turn, action, DecisionVerb.Tanggapi, cancellationToken);
}
