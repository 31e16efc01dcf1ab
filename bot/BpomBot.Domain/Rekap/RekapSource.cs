using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Rekap;

/// <summary>
/// Where a recap reads a unit's kegiatan of a year. The kegiatan it returns are recap projections
/// (<see cref="RekapProjection.Of"/>): the fields the recap uses, without the history. Table storage keeps them in one
/// partition per unit and year, so a recap is one partition read per unit and nothing per kegiatan.
/// </summary>
public interface IRekapSource
{
    Task<IReadOnlyList<Kegiatan>> ListAsync(string unitId, int year, CancellationToken cancellationToken = default);
}

/// <summary>
/// A source that reads many units' kegiatan of a year in fewer reads than one per unit (table storage: key-range
/// queries over consecutive partitions of the year), used for the all-BPOM recap. Returns the kegiatan of
/// <c>unitIds</c> and possibly of other units whose keys fall between them (the caller keeps its own); order unspecified.
/// </summary>
public interface IRekapYearSource : IRekapSource
{
    Task<IReadOnlyList<Kegiatan>> ListYearAsync(int year, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken = default);
}

/// <summary>The recap read straight from the kegiatan repository (in-memory mode, tests): correct, not fast.</summary>
public sealed class KegiatanRekapSource(IKegiatanRepository repository) : IRekapSource
{
    public async Task<IReadOnlyList<Kegiatan>> ListAsync(string unitId, int year, CancellationToken cancellationToken = default) =>
        [.. (await repository.ListByUnitYearAsync(unitId, year, cancellationToken)).Select(RekapProjection.Of)];
}

/// <summary>
/// What of a kegiatan the recap (calculator, workbook, chart, tab list) needs: identity, unit, officer, year, kind,
/// status, stakeholder category and form, current step, and per step its status, dates, HK late, Kelengkapan
/// references (the evidence of annual reports and arahan; the item, alternative, date and recorder are left out) and
/// Output. The history, notes, pauses, plans and quarters are left out (the tab's drill-down reads the kegiatan itself). Change it together with <see cref="RekapCalculator"/>: a field the recap starts to use must be added here.
/// </summary>
public static class RekapProjection
{
    public static Kegiatan Of(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return new Kegiatan
        {
            Id = kegiatan.Id,
            SopCode = kegiatan.SopCode,
            SopVersion = kegiatan.SopVersion,
            SubProcess = kegiatan.SubProcess,
            Kind = kegiatan.Kind,
            Title = kegiatan.Title,
            StakeholderCategory = kegiatan.StakeholderCategory,
            Bentuk = kegiatan.Bentuk,
            UnitId = kegiatan.UnitId,
            OfficerId = kegiatan.OfficerId,
            Year = kegiatan.Year,
            CreatedAt = kegiatan.CreatedAt,
            Status = kegiatan.Status,
            CurrentStepId = kegiatan.CurrentStepId,
            Steps = [.. kegiatan.Steps.Select(s => new StepRecord
            {
                StepId = s.StepId,
                Status = s.Status,
                Kelengkapan = [.. s.Kelengkapan.Select(k => Evidence(k.Reference))],
                StartedOn = s.StartedOn,
                DueOn = s.DueOn,
                CompletedOn = s.CompletedOn,
                OutputReference = s.OutputReference,
                LateHk = s.LateHk,
                SubmittedOn = s.SubmittedOn,
            })],
        };
    }

    /// <summary>A Kelengkapan the projection keeps: its reference only.</summary>
    public static KelengkapanRecord Evidence(string reference) => new()
    {
        ItemId = string.Empty, Alternative = string.Empty, Reference = reference, ReceivedOn = default, RecordedBy = string.Empty,
    };

    /// <summary>
    /// Orders the stored states of one kegiatan: the number of audit events in its history, which every change made
    /// through the engine extends (the history is append-only). A projection row carries it so a late write of an
    /// older state never replaces a newer one.
    /// </summary>
    public static int Revision(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return kegiatan.History.Count;
    }
}
