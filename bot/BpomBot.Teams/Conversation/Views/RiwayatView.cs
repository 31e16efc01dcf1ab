using System.Globalization;
using System.Text.RegularExpressions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Conversation.Views;

/// <summary>
/// A kegiatan's history (riwayat) as chat text in the reader's language: one line per event with when (unit's local
/// time), who (name, "a.n." for a Plt/Plh) and what, instead of the stored action codes.
/// </summary>
public static partial class RiwayatView
{
    /// <param name="kegiatan">The kegiatan (title in the heading).</param>
    /// <param name="events">Its audit events, oldest first.</param>
    /// <param name="names">Display names by person id; unknown ids are shown as "petugas"/"officer" when they are the kegiatan's officer.</param>
    /// <param name="toLocal">The unit's local time of an instant.</param>
    /// <param name="english">Write English.</param>
    public static string Render(
        Kegiatan kegiatan, IReadOnlyList<AuditEvent> events, IReadOnlyDictionary<string, string> names, Func<DateTimeOffset, DateTimeOffset> toLocal, bool english)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(toLocal);
        var heading = english ? $"History of \"{kegiatan.Title}\":" : $"Riwayat \"{kegiatan.Title}\":";
        if (events.Count == 0) return heading + (english ? "\n\nNothing recorded yet." : "\n\nBelum ada catatan.");
        var lines = events.Select(e => $"- {When(toLocal(e.At), english)} · {Line(kegiatan, e, names, english)}");
        return heading + "\n\n" + string.Join("\n", lines);
    }

    /// <summary>"Sari Petugas: menunda langkah A.2 (narasumber berhalangan)".</summary>
    public static string Line(Kegiatan kegiatan, AuditEvent e, IReadOnlyDictionary<string, string> names, bool english)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(names);
        var who = Name(kegiatan, e.Actor, names, english);
        if (e.OnBehalfOf is { } onBehalf) who += $" a.n. {Name(kegiatan, onBehalf, names, english)}";
        var what = What(e, english);
        return what.System ? Capitalise(what.Text) : $"{who}: {what.Text}";
    }

    private static (string Text, bool System) What(AuditEvent e, bool english)
    {
        var step = StepOf(e.After) ?? StepOf(e.Before);
        var detail = e.Detail is { Length: > 0 } d ? Dates(d, english) : null;
        var reason = detail is null ? string.Empty : $": {Text.Fold(detail, 120).TrimEnd('.')}";
        return e.Action switch
        {
            "kegiatan.started" => (english ? $"started the kegiatan at step {step}" : $"memulai kegiatan di langkah {step}", false),
            "kelengkapan.recorded" => (english ? $"recorded Kelengkapan {Item(detail)}" : $"mencatat kelengkapan {Item(detail)}", false),
            "kelengkapan.prefilled" => (english ? $"Kelengkapan {Item(detail)} was filled from the previous output" : $"kelengkapan {Item(detail)} terisi dari output sebelumnya", true),
            "step.planned" => (english ? $"planned step {e.Detail} for {IsoDate(e.After, english)}" : $"menetapkan rencana langkah {e.Detail} pada {IsoDate(e.After, english)}", false),
            "step.started" => (english ? $"step {step} started ({Started(e.Detail, english)})" : $"langkah {step} dimulai ({Started(e.Detail, english)})", true),
            "step.submitted" => (english ? $"sent step {step} to the leader" : $"mengirim langkah {step} kepada pimpinan", false),
            "step.completed" => (english ? $"completed step {step}" : $"menyelesaikan langkah {step}", false),
            "step.approved" => (english ? $"approved step {step}" : $"menyetujui langkah {step}", false),
            "step.returned" => (english ? $"returned step {step}{reason}" : $"mengembalikan langkah {step}{reason}", false),
            "step.paused" => (english ? $"paused step {step}{reason}" : $"menunda langkah {step}{reason}", false),
            "step.resumed" => (english ? $"resumed step {step}{Resumed(e.Detail, english)}" : $"melanjutkan langkah {step}{Resumed(e.Detail, english)}", false),
            "step.skipped" => (english ? $"step {step} skipped{reason}" : $"langkah {step} dilewati{reason}", true),
            "step.reached" => (english ? $"the kegiatan moved to step {step}" : $"kegiatan masuk ke langkah {step}", true),
            "kegiatan.completed" => (english ? "the kegiatan is complete" : "kegiatan selesai", true),
            "kegiatan.cancelled" => (english ? $"cancelled the kegiatan{reason}" : $"membatalkan kegiatan{reason}", false),
            _ => (e.Action.Replace('.', ' ').Replace('-', ' ') + reason, false),
        };
    }

    private static string Name(Kegiatan kegiatan, string id, IReadOnlyDictionary<string, string> names, bool english) =>
        names.TryGetValue(id, out var name) ? name
        : string.Equals(id, kegiatan.OfficerId, StringComparison.OrdinalIgnoreCase) ? english ? "Officer" : "Petugas"
        : id == "system" ? "BpomBot" : id;

    private static string? StepOf(string? state) => state?.Split(' ', 2)[0] is { Length: > 0 } id && StepId().IsMatch(id) ? id : null;

    /// <summary>"A.1/1: Surat undangan (B-1/2026, 2 Maret 2026)" → "A.1: Surat undangan (B-1/2026, 2 Maret 2026)".</summary>
    private static string Item(string? detail)
    {
        if (detail is null) return string.Empty;
        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        var head = colon < 0 ? detail : detail[..colon];
        var step = head.Split('/')[0];
        return colon < 0 ? Text.Fold(detail, 120) : $"{step}: {Text.Fold(detail[(colon + 2)..], 120)}";
    }

    private static string Started(string? detail, bool english)
    {
        if (detail is null) return string.Empty;
        var m = StartedDetail().Match(detail);
        if (m.Success)
        {
            var start = IsoDate(m.Groups["start"].Value, english);
            var due = IsoDate(m.Groups["due"].Value, english);
            return english ? $"due {due}, {m.Groups["waktu"].Value}; started {start}" : $"jatuh tempo {due}, {m.Groups["waktu"].Value}; mulai {start}";
        }

        var na = NaDetail().Match(detail);
        return na.Success
            ? english ? $"started {IsoDate(na.Groups["start"].Value, english)}; no fixed time, the officer plans the date" : $"mulai {IsoDate(na.Groups["start"].Value, english)}; waktu N/A, tanggal direncanakan petugas"
            : Dates(detail, english);
    }

    /// <summary>" (ditunda 2 HK; jatuh tempo menjadi 18 Maret 2026)" from "ditunda 2 HK (2 hari); jatuh tempo 2026-03-16 -> 2026-03-18".</summary>
    private static string Resumed(string? detail, bool english)
    {
        if (detail is null || ResumedDetail().Match(detail) is not { Success: true } m) return string.Empty;
        var hk = m.Groups["hk"].Value;
        var after = m.Groups["after"].Value;
        var due = after.Length == 0 ? string.Empty : english ? $"; now due {IsoDate(after, english)}" : $"; jatuh tempo menjadi {IsoDate(after, english)}";
        return english ? $" (paused {hk} HK{due})" : $" (ditunda {hk} HK{due})";
    }

    private static string IsoDate(string? iso, bool english) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? IndonesianDate.Format(d, english) : iso ?? "-";

    /// <summary>Every yyyy-MM-dd in stored detail text in the reader's date style.</summary>
    private static string Dates(string text, bool english) => IsoDates().Replace(text, m => IsoDate(m.Value, english));

    private static string When(DateTimeOffset local, bool english)
    {
        var zone = local.Offset.TotalHours switch { 8 => "WITA", 9 => "WIT", _ => "WIB" };
        return $"{IndonesianDate.Format(DateOnly.FromDateTime(local.DateTime), english)} {local.ToString("HH:mm", CultureInfo.InvariantCulture)} {zone}";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^[A-D]\.\d+[a-z]?$")]
    private static partial Regex StepId();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDates();

    [GeneratedRegex(@"^mulai (?<start>\d{4}-\d{2}-\d{2}), jatuh tempo (?<due>\d{4}-\d{2}-\d{2}) \((?<waktu>.*)\)$")]
    private static partial Regex StartedDetail();

    [GeneratedRegex(@"^ditunda (?<hk>\d+) HK .*?jatuh tempo \S* -> (?<after>\d{4}-\d{2}-\d{2})?")]
    private static partial Regex ResumedDetail();

    [GeneratedRegex(@"^mulai (?<start>\d{4}-\d{2}-\d{2}), waktu N/A")]
    private static partial Regex NaDetail();
}
