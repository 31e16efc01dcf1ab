using System.Text.Json;
using BpomBot.Domain.Workflow;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Kegiatan;

/// <summary>
/// Kegiatan: PK = kegiatan id, RK = "". The aggregate is one versioned JSON document (ETag = version) with index
/// columns OfficerId, UnitId and Year for the officer's and the unit-year lists.
/// </summary>
public sealed class TableKegiatanRepository(TableServiceClient service) : IKegiatanRepository
{
    public const string TableName = "Kegiatan";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    private readonly JsonDocumentTable<Domain.Workflow.Kegiatan> _table = new(service.GetTableClient(TableName), Json);

    public async Task<Domain.Workflow.Kegiatan?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await _table.GetAsync(TableKeys.Escape(id), string.Empty, cancellationToken) is { } doc ? WithVersion(doc) : null;

    public Task<string> CreateAsync(Domain.Workflow.Kegiatan kegiatan, CancellationToken cancellationToken = default) =>
        SaveAsync(kegiatan, null, cancellationToken);

    public Task<string> UpdateAsync(Domain.Workflow.Kegiatan kegiatan, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedVersion);
        return SaveAsync(kegiatan, expectedVersion, cancellationToken);
    }

    public Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListByOfficerAsync(string officerId, CancellationToken cancellationToken = default) =>
        ListAsync(TableFilter.Property("OfficerId").Eq(officerId), cancellationToken);

    public Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListByUnitYearAsync(string unitId, int year, CancellationToken cancellationToken = default) =>
        ListAsync(TableFilter.Property("UnitId").Eq(unitId).And(TableFilter.Property("Year").Eq(year)), cancellationToken);

    private async Task<string> SaveAsync(Domain.Workflow.Kegiatan kegiatan, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        var previous = kegiatan.Version;
        kegiatan.Version = null; // the row's ETag is the version; the document does not carry a stale copy
        try
        {
            var version = await _table.SaveAsync(TableKeys.Escape(kegiatan.Id), string.Empty, kegiatan, expectedVersion, new Dictionary<string, object?>
            {
                ["OfficerId"] = kegiatan.OfficerId,
                ["UnitId"] = kegiatan.UnitId,
                ["Year"] = kegiatan.Year,
                ["Status"] = kegiatan.Status.ToString(),
                ["CreatedAt"] = kegiatan.CreatedAt,
            }, cancellationToken);
            kegiatan.Version = version;
            return version;
        }
        catch
        {
            kegiatan.Version = previous;
            throw;
        }
    }

    private async Task<IReadOnlyList<Domain.Workflow.Kegiatan>> ListAsync(TableFilter filter, CancellationToken cancellationToken) =>
        [.. (await _table.QueryAsync(filter, cancellationToken: cancellationToken))
            .Select(WithVersion)
            .OrderBy(k => k.CreatedAt)
            .ThenBy(k => k.Id, StringComparer.Ordinal)];

    private static Domain.Workflow.Kegiatan WithVersion(VersionedDocument<Domain.Workflow.Kegiatan> doc)
    {
        doc.Value.Version = doc.Version;
        return doc.Value;
    }
}
