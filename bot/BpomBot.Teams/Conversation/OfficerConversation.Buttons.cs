using BpomBot.Domain.Understanding;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Conversation;

/// <summary>The step card's buttons: the same dispatch as a typed command, on the kegiatan the card shows.</summary>
public sealed partial class OfficerConversation
{
    /// <summary>A step card button: checks the card's version against the kegiatan, then runs the intent on it.</summary>
    public async Task<InvokeResponse> HandleActionAsync(
        ITurnContext turn, Intent intent, string? kegiatanId, string? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(kegiatanId))
        {
            return InvokeResponse.Error(400, "BadRequest", "data.k (kegiatan id) is required.");
        }

        using var gate = await DialogStore.EnterAsync(turn.Activity, cancellationToken);
        var session = await _store.LoadAsync(turn.Activity, cancellationToken);
        var state = session.State;
        var officer = OfficerIdentity.Of(turn.Activity);
        var workflow = _dialog.Workflow;
        var kegiatan = await workflow.GetAsync(kegiatanId, cancellationToken);
        if (kegiatan is null)
        {
            return InvokeResponse.Message(state.English ? "This kegiatan no longer exists." : "Kegiatan tidak ditemukan.");
        }

        if (kegiatan.OfficerId != officer.Id)
        {
            return InvokeResponse.Message(state.English ? "This kegiatan belongs to another officer." : "Kegiatan ini dipegang petugas lain.");
        }

        var t = new DialogTurn(turn.Activity, officer, state, string.Empty);
        var redelivered = turn.Activity.Id is { } id && state.Processed.Contains(id);
        if (!redelivered && version is not null && version != kegiatan.Version)
        {
            t.Say("Kartu ini sudah tidak terbaru; ini keadaan kegiatan saat ini.", "This card is out of date; here is the current state.");
        }
        else if (!redelivered)
        {
            state.ClearPrompt();
            state.KegiatanId = kegiatan.Id;
            state.KegiatanVersion = kegiatan.Version;
            await RunAsync(t, new DialogCommand(intent, string.Empty) { Explicit = true }, cancellationToken);
            kegiatan = await workflow.GetAsync(kegiatanId, cancellationToken) ?? kegiatan;
        }

        state.MarkProcessed(turn.Activity.Id);
        await _store.SaveAsync(session, cancellationToken);

        // The card refreshes in place; a step card the command produced for this kegiatan is that refresh.
        var replies = t.Replies.ToList();
        replies.RemoveAll(r => t.StepCardsOf.TryGetValue(r, out var shown) && shown == kegiatan.Id);
        foreach (var reply in replies)
        {
            await turn.SendAsync(reply, cancellationToken);
        }

        return workflow.Describe(kegiatan) is { } view
            ? InvokeResponse.Card(StepCard.Build(view, state.English))
            : InvokeResponse.Message(_dialog.Summary(kegiatan, state.English));
    }
}
