using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// ConversationRefsByUser: PK = user aad object id, RK = "". One point read to find a person's personal chat; one
/// unconditional write when the channel reports a new one (see <see cref="IConversationReferenceRepository.SaveAsync"/>).
/// </summary>
public sealed class TableConversationReferenceRepository(TableServiceClient service) : IConversationReferenceRepository
{
    private readonly JsonDocumentTable<ConversationReferenceRecord> _byUser = new(service.GetTableClient(StorageTables.ConversationRefsByUser));

    public async Task<ConversationReferenceRecord?> GetByUserAsync(string userAadObjectId, CancellationToken cancellationToken = default) =>
        await _byUser.GetAsync(TableKeys.Escape(userAadObjectId), string.Empty, cancellationToken) is { } doc
            ? doc.Value with { Version = doc.Version }
            : null;

    public async Task<ConversationReferenceRecord> SaveAsync(ConversationReferenceRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.UserAadObjectId);
        var version = await _byUser.OverwriteAsync(TableKeys.Escape(record.UserAadObjectId), string.Empty, record with { Version = null }, null, cancellationToken);
        return record with { Version = version };
    }
}
