using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Application;

/// <summary>What an open task is waiting on, as the officer's task list (tugas) shows it.</summary>
public enum TugasKind
{
    /// <summary>Kelengkapan not complete: the HK clock has not started.</summary>
    MenungguKelengkapan,

    /// <summary>An N/A-waktu step without a planned date yet.</summary>
    BelumDirencanakan,

    /// <summary>Running: HK left to the due (or planned) date, or none yet.</summary>
    Berjalan,

    /// <summary>Past its due (or planned) date.</summary>
    Terlambat,

    /// <summary>Paused by the officer (tunda), with a reason; the due date moves on resume.</summary>
    Ditunda,

    /// <summary>Returned by the leader with a reason; the officer reworks and resends it.</summary>
    Dikembalikan,

    /// <summary>Sent to the leader, waiting for the decision.</summary>
    MenungguDisposisi,

    /// <summary>Waiting for a leader, but no disposisi went out (no leader found, or not sent).</summary>
    DisposisiBelumTerkirim,
}

/// <summary>Task colour: hijau on track, kuning needs attention soon, merah late or stuck, abu the clock is not running.</summary>
public enum TugasColour
{
    Hijau,
    Kuning,
    Merah,
    Abu,
}

/// <summary>
/// The real state of one open task. <see cref="HkLeft"/>: HK to the due/planned date (negative: late);
/// <see cref="Since"/>/<see cref="HkSince"/>: since when it has been waiting (paused, sent to the leader);
/// <see cref="Reason"/>: the pause or return reason, or why the disposisi did not go out; <see cref="Who"/>: the leader.
/// </summary>
public sealed record TugasState(
    TugasKind Kind, TugasColour Colour, int? HkLeft = null, DateOnly? Since = null, int? HkSince = null, string? Reason = null, string? Who = null,
    DisposisiProgress? Disposisi = null);

/// <summary>One line of the officer's task list: the kegiatan's stable number, its current step and that step's state.</summary>
public sealed record Tugas(int Number, Kegiatan Kegiatan, SopStep Step, StepRecord Record, DateOnly? Target, TugasState State);

/// <summary>
/// The truthful state of an open step, from its record, today, the HK calendar and (for a step waiting for a leader)
/// the disposisi progress. Pure.
/// </summary>
public static class TugasStatus
{
    /// <summary>HK left at or below which a running step turns kuning.</summary>
    public const int KuningHk = 2;

    /// <summary>HK a step may wait for a leader before it turns kuning (when the leader's batas waktu is not known).</summary>
    public const int WaitingKuningHk = 3;

    /// <param name="record">The current step's record.</param>
    /// <param name="step">The step's SOP definition.</param>
    /// <param name="today">The unit's local today.</param>
    /// <param name="hkBetween">Signed HK from the first date to the second (the unit's calendar).</param>
    /// <param name="disposisi">For a step menunggu disposisi: its progress, or null when unknown.</param>
    /// <param name="sentOn">The local date the disposisi was sent (from <see cref="DisposisiProgress.SentAt"/>).</param>
    public static TugasState Evaluate(
        StepRecord record, SopStep step, DateOnly today, Func<DateOnly, DateOnly, int> hkBetween, DisposisiProgress? disposisi = null, DateOnly? sentOn = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(hkBetween);
        var target = record.DueOn ?? record.PlannedOn;
        int? left = target is { } t ? hkBetween(today, t) : null;
        switch (record.Status)
        {
            case StepStatus.MenungguKelengkapan:
                return new TugasState(TugasKind.MenungguKelengkapan, TugasColour.Abu);

            case StepStatus.Ditunda:
                var paused = record.PausedOn;
                return new TugasState(TugasKind.Ditunda, TugasColour.Abu, left, paused, paused is { } p ? Math.Max(0, hkBetween(p, today)) : null, record.PauseReason);

            case StepStatus.MenungguDisposisi:
                return Waiting(record, today, hkBetween, disposisi, sentOn, left);

            default:
                if (record.TimesReturned > 0)
                {
                    // Returned: the officer must act; at least kuning, merah when late.
                    var colour = left is < 0 ? TugasColour.Merah : TugasColour.Kuning;
                    return new TugasState(TugasKind.Dikembalikan, colour, left, Reason: record.Note);
                }

                if (step.IsNotApplicableWaktu && record.PlannedOn is null)
                    return new TugasState(TugasKind.BelumDirencanakan, TugasColour.Kuning);
                return left switch
                {
                    null => new TugasState(TugasKind.Berjalan, TugasColour.Hijau),
                    < 0 => new TugasState(TugasKind.Terlambat, TugasColour.Merah, left),
                    <= KuningHk => new TugasState(TugasKind.Berjalan, TugasColour.Kuning, left),
                    _ => new TugasState(TugasKind.Berjalan, TugasColour.Hijau, left),
                };
        }
    }

    private static TugasState Waiting(
        StepRecord record, DateOnly today, Func<DateOnly, DateOnly, int> hkBetween, DisposisiProgress? disposisi, DateOnly? sentOn, int? left)
    {
        if (disposisi is { Kind: DisposisiProgressKind.BelumTerkirim })
            return new TugasState(TugasKind.DisposisiBelumTerkirim, TugasColour.Merah, left, record.SubmittedOn, Since(record.SubmittedOn), disposisi.Explanation, disposisi.LeaderName, disposisi);

        var since = sentOn ?? record.SubmittedOn;
        var hkSince = Since(since);
        TugasColour colour;
        if (disposisi?.BatasWaktu is { } batas)
        {
            var batasLeft = hkBetween(today, batas);
            colour = batasLeft < 0 ? TugasColour.Merah : batasLeft <= 1 ? TugasColour.Kuning : TugasColour.Hijau;
        }
        else
        {
            colour = hkSince >= WaitingKuningHk ? TugasColour.Kuning : TugasColour.Hijau;
        }

        if (disposisi is { Reachable: false } && colour == TugasColour.Hijau) colour = TugasColour.Kuning; // the leader has not seen the card
        return new TugasState(TugasKind.MenungguDisposisi, colour, left, since, hkSince, disposisi?.Explanation, disposisi?.LeaderName, disposisi);

        int? Since(DateOnly? from) => from is { } f ? Math.Max(0, hkBetween(f, today)) : null;
    }
}
