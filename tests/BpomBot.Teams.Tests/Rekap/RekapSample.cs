using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Tests.Rekap;

/// <summary>A small recap over real units and the shipped SOP, with on-time, late, overdue and annual-report steps.</summary>
internal static class RekapSample
{
    public static readonly DateOnly Today = new(2026, 6, 15);
    public static readonly UnitCatalog Units = UnitCatalog.LoadEmbedded();
    public static readonly SopDefinition Sop = SopCatalog.LoadEmbedded().Latest(RekapService.SopCode)!;
    public static readonly IWorkingDayCalendar Calendar = new WorkingDayCalendar(HolidaySet.LoadEmbedded());

    public static IReadOnlyList<Kegiatan> Data() =>
    [
        K("k1", "bbpom-medan", "A", KegiatanStatus.Selesai, "officer-1", Done("A.1", new(2026, 2, 2), new(2026, 2, 2)), Done("A.2", new(2026, 3, 2), new(2026, 3, 5), 3)),
        K("k2", "bbpom-medan", "B", KegiatanStatus.Berjalan, "officer-1", Done("B.1", new(2026, 5, 4), new(2026, 5, 4)), Open("B.2", new(2026, 6, 10))),
        K("k3", "loka-toba", "A", KegiatanStatus.Berjalan, "officer-2", Done("A.1", new(2026, 2, 2), new(2026, 1, 30)), Open("A.2", new(2026, 7, 1))),
        K("k4", "bbpom-padang", "A", KegiatanStatus.Dibatalkan, "officer-3", Done("A.1", new(2026, 2, 2), new(2026, 2, 4), 2)),
        Annual("t1", "bbpom-medan", Done("A.7", new(2026, 6, 1), new(2026, 5, 29), evidence: "https://contoh.pom.go.id/laporan-medan.pdf")),
        Annual("t2", "bbpom-padang", Done("A.7", new(2026, 6, 1), new(2026, 6, 3), 2, evidence: "ND-77/2026")),
    ];

    public static RekapResult Compute(string? sub = null, RekapScope? scope = null) =>
        new RekapCalculator(Sop, Units, Calendar).Compute(new RekapRequest(2026, sub, scope ?? RekapScope.All), Data(), Today);

    private static Kegiatan K(string id, string unit, string sub, KegiatanStatus status, string officer, params StepRecord[] steps) => new()
    {
        Id = id, SopCode = RekapService.SopCode, SopVersion = "04", SubProcess = sub, Kind = WorkflowKind.PerKegiatan, Title = $"Kegiatan {id}",
        StakeholderCategory = "pemerintah-daerah", Bentuk = "fgd", UnitId = unit, OfficerId = officer, Year = 2026,
        CreatedAt = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero), Status = status, CurrentStepId = steps[^1].StepId, Steps = [.. steps],
    };

    private static Kegiatan Annual(string id, string unit, StepRecord step) => new()
    {
        Id = id, SopCode = RekapService.SopCode, SopVersion = "04", SubProcess = "A", Kind = WorkflowKind.SiklusTahunan, Title = $"Siklus tahunan {unit}",
        UnitId = unit, OfficerId = "officer-1", Year = 2026, CreatedAt = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero), CurrentStepId = step.StepId, Steps = [step],
    };

    private static StepRecord Done(string stepId, DateOnly due, DateOnly completed, int lateHk = 0, string? evidence = null)
    {
        var step = new StepRecord { StepId = stepId, Status = StepStatus.Selesai, StartedOn = due.AddDays(-14), DueOn = due, CompletedOn = completed, LateHk = lateHk };
        if (evidence is not null)
        {
            step.Kelengkapan.Add(new KelengkapanRecord { ItemId = "k1", Alternative = "x", Reference = evidence, ReceivedOn = due.AddDays(-14), RecordedBy = "officer-1" });
        }

        return step;
    }

    private static StepRecord Open(string stepId, DateOnly due) => new() { StepId = stepId, Status = StepStatus.Berjalan, StartedOn = due.AddDays(-14), DueOn = due };
}
