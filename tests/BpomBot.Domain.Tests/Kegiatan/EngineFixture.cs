using BpomBot.Domain.Sop;
using BpomBot.Domain.Tests.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Tests.Kegiatan;

/// <summary>Shared set-up for engine tests: the shipped SOP, the test HK calendar, and helpers that drive a kegiatan.</summary>
internal sealed class EngineFixture
{
    public const string SopCode = "POM-04.01/CFM.01/SOP.01";
    public static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    public static readonly Actor Officer = new("officer-1");
    public static readonly Actor Leader = new("deputi-1");

    public EngineFixture(ISopCatalog? catalog = null)
    {
        Catalog = catalog ?? SopCatalog.LoadEmbedded();
        Engine = new KegiatanEngine(Catalog, Calendar);
    }

    public ISopCatalog Catalog { get; }
    public TestHkCalendar Calendar { get; } = new();
    public KegiatanEngine Engine { get; }
    public List<BpomBot.Domain.Audit.AuditEvent> Events { get; } = [];

    public Workflow.Kegiatan Start(string sub = "A", string stakeholder = "pemerintah-daerah", string bentuk = "fgd", string id = "k-1") =>
        Ok(Engine.Start(new StartKegiatan(id, SopCode, sub, WorkflowKind.PerKegiatan, "FGD Pemda", stakeholder, bentuk, "bpom-x", Officer.Id, 2026), Officer, At));

    public Workflow.Kegiatan StartAnnual(string sub, string unit = "bbpom-medan", int year = 2026) =>
        Ok(Engine.Start(new StartKegiatan(null, SopCode, sub, WorkflowKind.SiklusTahunan, null, null, null, unit, Officer.Id, year), Officer, At));

    public Workflow.Kegiatan Ok(KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.ToString());
        Assert.NotEmpty(result.Events);
        Assert.All(result.Events, e => Assert.Equal(At, e.At));
        Events.AddRange(result.Events);
        return result.Kegiatan!;
    }

    public static Refusal Refused(KegiatanResult result, string code)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Kegiatan);
        Assert.Empty(result.Events);
        Assert.Equal(code, result.Refusal!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Reason));
        return result.Refusal;
    }

    /// <summary>Fills every missing Kelengkapan item of the current step with its first alternative.</summary>
    public Workflow.Kegiatan FillKelengkapan(Workflow.Kegiatan k, DateOnly on)
    {
        var step = Catalog.Get(k.SopCode, k.SopVersion)!.FindStep(k.CurrentStepId!)!;
        foreach (var item in step.Kelengkapan.Where(i => k.CurrentStep!.Kelengkapan.All(r => r.ItemId != i.Id)))
        {
            k = Ok(Engine.RecordKelengkapan(k, item.Id, item.Alternatives[^1], $"ref-{step.Id}-{item.Id}", on, Officer, At));
        }

        return k;
    }

    /// <summary>
    /// Drives the kegiatan to its end on the main path, finishing each step on its due (or planned) date, going
    /// through the leader where the SOP says so. Returns the ids of the steps completed, in order.
    /// </summary>
    public (Workflow.Kegiatan Kegiatan, List<string> Completed) Walk(Workflow.Kegiatan k, DateOnly start)
    {
        var completed = new List<string>();
        var today = start;
        var sop = Catalog.Get(k.SopCode, k.SopVersion)!;
        for (var guard = 0; k.Status == KegiatanStatus.Berjalan && guard < 100; guard++)
        {
            var record = k.CurrentStep!;
            var step = sop.FindStep(record.StepId)!;
            switch (record.Status)
            {
                case StepStatus.MenungguKelengkapan:
                    k = FillKelengkapan(k, today);
                    break;
                case StepStatus.Berjalan when step.WaktuHk is null && record.PlannedOn is null:
                    k = Ok(Engine.SetPlannedDate(k, today.AddDays(7), Officer, At));
                    break;
                case StepStatus.Berjalan when step.Disposisi is { Optional: false }:
                    k = Ok(Engine.SubmitToLeader(k, $"out-{step.Id}", record.DueOn ?? record.PlannedOn!.Value, Officer, At));
                    break;
                case StepStatus.MenungguDisposisi:
                    today = record.DueOn ?? today;
                    k = Ok(Engine.Approve(k, today, Leader, At, $"out-{step.Id}"));
                    completed.Add(step.Id);
                    break;
                case StepStatus.Berjalan:
                    today = record.DueOn ?? record.PlannedOn!.Value;
                    k = Ok(Engine.CompleteStep(k, $"out-{step.Id}", today, Officer, At));
                    completed.Add(step.Id);
                    break;
                default:
                    Assert.Fail($"unexpected {record.Status} at {step.Id}");
                    break;
            }
        }

        return (k, completed);
    }
}
