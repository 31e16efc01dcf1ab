using BpomBot.Domain.Application;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Disposisi;

/// <summary>
/// <c>kirim ulang</c> (also "kirim ulang disposisinya", "resend the disposisi", with a kegiatan number to pick one): the
/// officer's steps waiting for a disposisi get their card posted to the leader again. A step whose disposisi is not out
/// yet is handed to the outbox relay first (it creates and sends it). Idempotent per message: the activity id is the
/// request id (<see cref="DisposisiService.ResendAsync"/>). Runs before the officer conversation (order 94).
/// </summary>
public sealed partial class KirimUlangHandler(OfficerWorkflow workflow, DisposisiService service, LeaderDirectory directory) : IMessageHandler
{
    public int Order => 94;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Understood.Intent != Intent.KirimUlang) return false;
        var english = input.Understood.English ?? (input.Language == Language.English || EnglishWords().IsMatch(input.Text));
        var officer = DisposisiActions.ActorId(turn);
        var waiting = (await workflow.ListNumberedOpenAsync(officer, cancellationToken))
            .Where(n => n.Kegiatan.CurrentStep?.Status == StepStatus.MenungguDisposisi)
            .Where(n => input.Understood.Slots.Kegiatan is not { } number || n.Number == number)
            .ToList();
        if (waiting.Count == 0)
        {
            await SayAsync(turn, english
                ? "None of your steps is waiting for a disposisi, so there is nothing to resend. Type tasks to see your steps."
                : "Tidak ada langkah Anda yang menunggu disposisi, jadi tidak ada yang perlu dikirim ulang. Ketik tugas untuk melihat langkah Anda.", cancellationToken);
            return true;
        }

        var requestId = turn.Activity.Id is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N");
        var lines = new List<string>();
        foreach (var (number, kegiatan) in waiting)
        {
            var step = kegiatan.CurrentStep!.StepId;
            var justSent = await RelayAsync(kegiatan.Id, cancellationToken);
            var (d, status) = justSent
                ? (null, ResendStatus.Sent)
                : await service.ResendAsync(kegiatan.Id, officer, requestId, cancellationToken);
            var leader = d is null ? null : (await directory.GetPersonAsync(d.ToId, cancellationToken))?.Name ?? d.ToId;
            lines.Add(Line(number, kegiatan.Title, step, status, leader, english));
        }

        await SayAsync(turn, string.Join("\n\n", lines), cancellationToken);
        return true;
    }

    // A disposisi still in the outbox goes out now; true when this run sent it (then it is not sent a second time).
    private async Task<bool> RelayAsync(string kegiatanId, CancellationToken cancellationToken)
    {
        try
        {
            return (await workflow.RelayAsync(kegiatanId, cancellationToken)).Done > 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false; // left pending for the background relay
        }
    }

    private static string Line(int number, string title, string step, ResendStatus status, string? leader, bool english) => (status, english) switch
    {
        (ResendStatus.Sent, false) => $"{number}. \"{title}\" langkah {step}: kartu disposisi dikirim ulang{(leader is null ? string.Empty : $" kepada {leader}")}.",
        (ResendStatus.Sent, true) => $"{number}. \"{title}\" step {step}: the disposisi card was sent again{(leader is null ? string.Empty : $" to {leader}")}.",
        (ResendStatus.Unreachable, false) => $"{number}. \"{title}\" langkah {step}: {leader} belum dapat menerima kartu dari bot (belum pernah membuka chat dengan bot); disposisi menunggu di kotak disposisinya.",
        (ResendStatus.Unreachable, true) => $"{number}. \"{title}\" step {step}: {leader} cannot receive cards from the bot yet (has never opened a chat with it); the disposisi waits in their inbox.",
        (ResendStatus.NotWaiting, false) => $"{number}. \"{title}\" langkah {step}: disposisinya sudah diputuskan.",
        (ResendStatus.NotWaiting, true) => $"{number}. \"{title}\" step {step}: its disposisi has already been decided.",
        (_, false) => $"{number}. \"{title}\" langkah {step}: disposisi belum dapat dikirim (pimpinan belum ada di daftar pegawai, atau pengiriman sedang dicoba); bot akan mengirimnya otomatis.",
        (_, true) => $"{number}. \"{title}\" step {step}: the disposisi cannot be sent yet (no leader on the roster, or sending is being retried); the bot will send it by itself.",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(resend|send|again|please)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex EnglishWords();

    private static Task<ResourceResponse> SayAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);
}
