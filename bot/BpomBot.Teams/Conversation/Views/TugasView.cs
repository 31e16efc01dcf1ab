using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Calendar;

namespace BpomBot.Teams.Conversation.Views;

/// <summary>
/// The officer's task list (tugas) as chat text: one line per open kegiatan with its stable number, current step and
/// its real state (<see cref="TugasStatus"/>) with a colour. No angle brackets (Teams' markdown eats them).
/// </summary>
public static class TugasView
{
    public static string Render(IReadOnlyList<Tugas> tasks, bool english)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
            return english ? "You have no open tasks. Type start to begin a kegiatan." : "Tidak ada tugas terbuka. Ketik mulai untuk memulai kegiatan.";
        var lines = tasks.Select(t => $"{t.Number}. **{t.Kegiatan.Title}** — {t.Step.Id} {Text.Fold(t.Step.Aktivitas, 60).TrimEnd('.')} — {State(t, english)} {Colour(t.State.Colour, english)}");
        var n = tasks[0].Number;
        return (english ? "Your open tasks:\n\n" : "Tugas Anda:\n\n") + string.Join("\n\n", lines)
            + (english
                ? $"\n\nType status {n} or next {n} (the kegiatan's number; it stays the same until the kegiatan ends)."
                : $"\n\nKetik status {n} atau lanjut {n} (nomor kegiatan; nomornya tetap sampai kegiatan berakhir).");
    }

    /// <summary>The state part of a line, e.g. "ditunda sejak 3 Maret 2026 (2 HK): menunggu narasumber".</summary>
    public static string State(Tugas task, bool english)
    {
        ArgumentNullException.ThrowIfNull(task);
        var s = task.State;
        string Date(DateOnly d) => IndonesianDate.Format(d, english);
        string Hk(int hk) => english ? IndonesianDate.DescribeHkDistanceEnglish(hk) : IndonesianDate.DescribeHkDistance(hk);
        var due = task.Target is { } target && s.HkLeft is { } left
            ? task.Record.DueOn is null
                ? english ? $"planned {Date(target)}, {Hk(left)}" : $"rencana {Date(target)}, {Hk(left)}"
                : english ? $"due {Date(target)}, {Hk(left)}" : $"jatuh tempo {Date(target)}, {Hk(left)}"
            : null;
        var since = s.Since is { } from ? english ? $" since {Date(from)} ({s.HkSince ?? 0} HK)" : $" sejak {Date(from)} ({s.HkSince ?? 0} HK)" : string.Empty;
        var why = s.Kind == TugasKind.DisposisiBelumTerkirim && s.Disposisi?.Why is { } phrase ? phrase.Text(english) : s.Reason; // the reader's language
        var reason = why is { Length: > 0 } r ? $": {Text.Fold(r, 80).TrimEnd('.')}" : string.Empty;
        return s.Kind switch
        {
            TugasKind.MenungguKelengkapan => english ? "waiting for Kelengkapan (the HK count starts when complete)" : "menunggu kelengkapan (hitungan HK mulai setelah lengkap)",
            TugasKind.BelumDirencanakan => english ? "no planned date yet: type plan and the date (e.g. plan tomorrow)" : "belum ada tanggal rencana: ketik rencana dan tanggalnya (contoh: rencana besok)",
            TugasKind.Berjalan => due ?? (english ? "in progress, no due date yet" : "berjalan, belum ada tenggat"),
            TugasKind.Terlambat => due ?? (english ? "late" : "terlambat"),
            TugasKind.Ditunda => (english ? "paused" : "ditunda") + since + reason,
            TugasKind.Dikembalikan => (english ? "returned by the leader" : "dikembalikan pimpinan") + reason
                + (english ? "; fix it and send again" : "; perbaiki lalu kirim ulang") + (due is null ? string.Empty : $" ({due})"),
            TugasKind.DisposisiBelumTerkirim => (english ? "disposisi not sent" : "disposisi belum terkirim") + reason,
            _ => Waiting(s, since, english),
        };
    }

    private static string Waiting(TugasState s, string since, bool english)
    {
        var who = s.Who is { Length: > 0 } w ? $" {w}" : string.Empty;
        var text = (english ? $"waiting for the disposisi of{(who.Length == 0 ? " the leader" : who)}" : $"menunggu disposisi{who}") + since;
        if (s.Disposisi is { Kind: DisposisiProgressKind.Diteruskan } p)
            text += english ? $"; forwarded to {p.Explanation} for input" : $"; diteruskan kepada {p.Explanation} untuk dimintai tanggapan";
        if (s.Disposisi is { Reachable: false })
            text += english ? "; the leader has not opened a chat with the bot yet, the card waits in their inbox" : "; pimpinan belum membuka chat dengan bot, kartu menunggu di kotak disposisinya";
        return text;
    }

    public static string Colour(TugasColour colour, bool english) => colour switch
    {
        TugasColour.Merah => english ? "🔴 red" : "🔴 merah",
        TugasColour.Kuning => english ? "🟡 yellow" : "🟡 kuning",
        TugasColour.Abu => english ? "⚪ on hold" : "⚪ tertahan",
        _ => english ? "🟢 green" : "🟢 hijau",
    };
}
