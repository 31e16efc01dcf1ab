using System.Globalization;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Rekap;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Rekap;

/// <summary>
/// The recap projection: table RekapProjection, PK = year + "|" + unit id, RK = kegiatan id, one row per kegiatan with
/// <see cref="RekapProjection.Of"/> of it as a compact document (<see cref="RekapRowFormat"/>), the format, its revision (<see cref="RekapProjection.Revision"/>),
/// whether the kegiatan write it belongs to is known to have landed (Confirmed) and when the row was written (At).
/// The recap reads one partition per unit, or the year's key range for all of BPOM (<see cref="TableRekapSource"/>),
/// instead of a point read per kegiatan.
/// <para>
/// Crash rule (as the other derived rows, docs/storage.md): <see cref="SaveThroughAsync"/> writes the row unconfirmed
/// BEFORE the kegiatan and confirms it after, so a stored kegiatan always has a row at least as new; a crash leaves at
/// most an unconfirmed row, which every read checks against the kegiatan and repairs. A write never replaces a row of
/// a higher revision, and the confirmation is conditional on the row's ETag, so a late write never hides a newer one.
/// </para>
/// </summary>
public sealed class RekapProjectionTable(TableServiceClient service, TimeProvider? timeProvider = null)
{
    public const string TableName = "RekapProjection";

    /// <summary>An unconfirmed row younger than this may belong to a kegiatan write still in flight.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromMinutes(10);

    internal const string RevisionColumn = "Rev";
    internal const string ConfirmedColumn = "Confirmed";
    internal const string AtColumn = "At";
    private const int Attempts = 5;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    internal JsonDocumentTable<RekapRow> Rows { get; } = new(service.GetTableClient(TableName), RekapRowFormat.Options);

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// The partition of a unit's year: the year first, so every partition of a year is one key range
    /// (<see cref="YearRange"/>: the all-BPOM recap is one query, not one per unit) and a unit is still one partition.
    /// </summary>
    public static string Partition(string unitId, int year) => YearPrefix(year) + TableKeys.Escape(unitId);

    /// <summary>Every partition of <paramref name="year"/>: keys from "2026|" up to (not including) "2026}" ('}' follows '|').</summary>
    public static TableFilter YearRange(int year) =>
        TableFilter.Property("PartitionKey").Ge(YearPrefix(year)).And(TableFilter.Property("PartitionKey").Lt(year.ToString(CultureInfo.InvariantCulture) + "}"));

    /// <summary>True for a partition of the current (year-first) layout; the old layout was unit + "|" + year.</summary>
    public static bool IsCurrentPartition(string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        var bar = partitionKey.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && partitionKey.AsSpan(0, bar).ToString().All(char.IsAsciiDigit);
    }

    private static string YearPrefix(int year) => year.ToString(CultureInfo.InvariantCulture) + "|";

    /// <summary>
    /// Stores <paramref name="kegiatan"/> through <paramref name="save"/> (the kegiatan's own write) with its projection
    /// row written unconfirmed before and confirmed after. A failure of the first write fails the save (nothing is
    /// stored); the confirmation is best effort (an unconfirmed row is repaired on read).
    /// </summary>
    public async Task<string> SaveThroughAsync(Domain.Workflow.Kegiatan kegiatan, Func<Task<string>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(save);
        var projection = RekapRowFormat.ToRow(RekapProjection.Of(kegiatan));
        var revision = RekapProjection.Revision(kegiatan);
        var (pk, rk) = (Partition(kegiatan.UnitId, kegiatan.Year), TableKeys.Escape(kegiatan.Id));
        var pending = await WritePendingAsync(pk, rk, projection, revision, cancellationToken);
        var version = await save();
        if (pending is not null)
        {
            try
            {
                await Rows.SaveAsync(pk, rk, projection, pending, Columns(revision, confirmed: true), cancellationToken);
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or StorageUnavailableException)
            {
                // A newer write or a read's repair holds the row now, or storage went away: reads check unconfirmed rows.
            }
        }

        return version;
    }

    /// <summary>
    /// The start-up backfill's write for a stored kegiatan (read just before): its confirmed row, unless the row is
    /// already in the current format (a save of this version wrote it) or holds a higher revision (a save is in flight).
    /// A missing row is inserted; a row of an earlier format is replaced if it has not changed since it was looked at.
    /// True when written.
    /// </summary>
    internal async Task<bool> UpgradeAsync(Domain.Workflow.Kegiatan kegiatan, CancellationToken cancellationToken)
    {
        var (pk, rk) = (Partition(kegiatan.UnitId, kegiatan.Year), TableKeys.Escape(kegiatan.Id));
        var revision = RekapProjection.Revision(kegiatan);
        var current = await TableStorage.CallAsync("GetEntity",
            () => Rows.Table.GetEntityIfExistsAsync<TableEntity>(pk, rk, [RekapRowFormat.FormatColumn, RevisionColumn], cancellationToken), cancellationToken);
        if (current.HasValue && (RekapRowFormat.IsCurrent(current.Value!) || (current.Value!.GetInt32(RevisionColumn) ?? -1) > revision))
        {
            return false;
        }

        try
        {
            await Rows.SaveAsync(pk, rk, RekapRowFormat.ToRow(RekapProjection.Of(kegiatan)), current.HasValue ? current.Value!.ETag.ToString() : null,
                Columns(revision, confirmed: true), cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false; // a save got there first: its row is at least as new
        }
    }

    /// <summary>The confirmed row of a stored kegiatan, as a save leaves it (for bulk loads such as the bench's seed).</summary>
    public TableEntity ConfirmedRow(Domain.Workflow.Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return Rows.ToEntity(Partition(kegiatan.UnitId, kegiatan.Year), TableKeys.Escape(kegiatan.Id), RekapRowFormat.ToRow(RekapProjection.Of(kegiatan)),
            Columns(RekapProjection.Revision(kegiatan), confirmed: true));
    }

    internal Dictionary<string, object?> Columns(int revision, bool confirmed) =>
        new() { [RekapRowFormat.FormatColumn] = RekapRowFormat.Version, [RevisionColumn] = revision, [ConfirmedColumn] = confirmed, [AtColumn] = Now };

    /// <summary>True when a row of this format holds exactly the projection of <paramref name="kegiatan"/>.</summary>
    internal static bool Holds(TableEntity row, Domain.Workflow.Kegiatan kegiatan) =>
        RekapRowFormat.IsCurrent(row) && RekapRowFormat.Encode(RekapProjection.Of(kegiatan)) == RekapRowFormat.Encode(RekapRowFormat.Decode(row));

    /// <summary>The unconfirmed row for this write; its ETag, or null when the row already holds a higher revision.</summary>
    private async Task<string?> WritePendingAsync(string pk, string rk, RekapRow projection, int revision, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await TableStorage.CallAsync("GetEntity",
                () => Rows.Table.GetEntityIfExistsAsync<TableEntity>(pk, rk, [RevisionColumn], cancellationToken), cancellationToken);
            if (current.HasValue && (current.Value!.GetInt32(RevisionColumn) ?? -1) > revision)
            {
                return null; // a newer state is projected; this write is older and its kegiatan write will be refused
            }

            try
            {
                return await Rows.SaveAsync(pk, rk, projection, current.HasValue ? current.Value!.ETag.ToString() : null, Columns(revision, confirmed: false), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // another write of the same kegiatan moved the row meanwhile: look again
            }
        }
    }
}
