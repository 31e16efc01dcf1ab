using BpomBot.Storage.Tables.Client;

namespace BpomBot.Storage.Kegiatan;

/// <summary>
/// Tells our own earlier attempt of a write from somebody else's. Every conditional write of a kegiatan or disposisi
/// row stores a fresh id in the <see cref="Column"/> column. When a write fails with 409 (insert) or 412 (replace), the
/// row is read back: if it carries this write's id, the write was applied by an earlier attempt whose answer was lost
/// (a timeout, then the SDK's retry) and it counts as stored; otherwise it is a real conflict. Comparing the document
/// alone would not do: two writers can mean the same content (two identical clicks in the same instant).
/// </summary>
internal static class OwnWrite
{
    public const string Column = "WriteId";

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The row's version when it holds the write <paramref name="writeId"/>; otherwise null.</summary>
    public static async Task<string?> VersionIfOursAsync(TableClient table, string partitionKey, string rowKey, string writeId, CancellationToken cancellationToken)
    {
        var response = await TableStorage.CallAsync(
            "GetEntity", () => table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, [Column], cancellationToken), cancellationToken);
        return response.HasValue && response.Value!.GetString(Column) == writeId ? response.Value.ETag.ToString() : null;
    }
}
