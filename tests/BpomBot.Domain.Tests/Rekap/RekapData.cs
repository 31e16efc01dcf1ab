using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Tests.Rekap;

/// <summary>Builds kegiatan as plain data with exactly the step dates a test needs.</summary>
internal static class RekapData
{
    public static Workflow.Kegiatan K(
        string id, string unit, string sub = "A", KegiatanStatus status = KegiatanStatus.Berjalan, string officer = "officer-1",
        string? stakeholder = "pemerintah-daerah", string? bentuk = "fgd", int year = 2026, WorkflowKind kind = WorkflowKind.PerKegiatan,
        params StepRecord[] steps) => new()
        {
            Id = id,
            SopCode = "POM-04.01/CFM.01/SOP.01",
            SopVersion = "04",
            SubProcess = sub,
            Kind = kind,
            Title = $"Kegiatan {id}",
            StakeholderCategory = kind == WorkflowKind.PerKegiatan ? stakeholder : null,
            Bentuk = kind == WorkflowKind.PerKegiatan ? bentuk : null,
            UnitId = unit,
            OfficerId = officer,
            Year = year,
            CreatedAt = new DateTimeOffset(year, 1, 5, 2, 0, 0, TimeSpan.Zero),
            Status = status,
            Steps = [.. steps],
        };

    public static StepRecord Done(string stepId, DateOnly due, DateOnly completed, int lateHk = 0, string? output = null) => new()
    {
        StepId = stepId,
        Status = StepStatus.Selesai,
        StartedOn = due.AddDays(-14),
        DueOn = due,
        CompletedOn = completed,
        LateHk = lateHk,
        OutputReference = output,
    };

    public static StepRecord Open(string stepId, DateOnly? due, StepStatus status = StepStatus.Berjalan, DateOnly? submitted = null) => new()
    {
        StepId = stepId,
        Status = status,
        StartedOn = due?.AddDays(-14),
        DueOn = due,
        SubmittedOn = submitted,
    };

    public static StepRecord WithEvidence(this StepRecord step, params string[] references)
    {
        foreach (var r in references)
        {
            step.Kelengkapan.Add(new KelengkapanRecord { ItemId = "k1", Alternative = "x", Reference = r, ReceivedOn = step.StartedOn ?? default, RecordedBy = "o" });
        }

        return step;
    }
}
