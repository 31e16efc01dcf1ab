using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Sop;

/// <summary>
/// One step of a planning view: when it would start and be due if every step finished on its due date.
/// Due is null for an N/A step: the officer plans that date ("rencana").
/// </summary>
public sealed record PlannedStep(SopStep Step, DateOnly Start, DateOnly? Due, string? DueReason);

/// <summary>The planning view behind `bpombot sop simulate`: walks the main path of a sub-process from a start date.</summary>
public static class SopPlanner
{
    /// <summary>
    /// Steps in order (per-kegiatan path, then the siklus tahunan path), each starting on the previous one's due date.
    /// An N/A step takes no HK in the plan; branches are not taken.
    /// </summary>
    public static IReadOnlyList<PlannedStep> Plan(SopSubProcess subProcess, DateOnly start, IWorkingDayCalendar calendar, string? unitId = null)
    {
        ArgumentNullException.ThrowIfNull(subProcess);
        ArgumentNullException.ThrowIfNull(calendar);
        var plan = new List<PlannedStep>();
        var date = start;
        foreach (var kind in new[] { WorkflowKind.PerKegiatan, WorkflowKind.SiklusTahunan })
        {
            for (var step = subProcess.EntryStep(kind); step is not null; step = step.Next is null ? null : subProcess.Steps.First(s => s.Id == step.Next))
            {
                DateOnly? due = null;
                string? reason = null;
                if (step.WaktuHk is { } hk)
                {
                    due = calendar.AddWorkingDays(date, hk, unitId);
                    if (step.QuarterDeadline && calendar.QuarterDeadline(date, unitId) is { } quarter && quarter.Date < due)
                    {
                        due = quarter.Date;
                        reason = "paling lambat tanggal 10 setelah triwulan berakhir";
                    }
                }

                plan.Add(new PlannedStep(step, date, due, reason));
                date = due ?? date;
            }
        }

        return plan;
    }
}
