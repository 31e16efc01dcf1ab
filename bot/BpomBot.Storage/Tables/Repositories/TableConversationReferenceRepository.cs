using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>
/// ConversationRefs: PK = conversation id, RK = "" (versioned). ConversationRefsByUser: PK = user aad id, RK = "",
/// a copy of the latest reference naming that user (derived index, overwritten after each successful save).
/// </summary>
public sealed class TableConversationReferenceRepository(ITableServiceClient service) : IConversationReferenceRepository
{
    private readonly JsonDocumentTable<ConversationReferenceRecord> _byConversation = new(service.GetTableClient(StorageTables.ConversationRefs));
    private readonly JsonDocumentTable<ConversationReferenceRecord> _byUser = new(service.GetTableClient(StorageTables.ConversationRefsByUser));

    public async Task<ConversationReferenceRecord?> GetByConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await _byConversation.GetAsync(TableKeys.Escape(conversationId), string.Empty, cancellationToken) is { } doc
            ? doc.Value with { Version = doc.Version }
            : null;

    public async Task<ConversationReferenceRecord?> GetByUserAsync(string userAadObjectId, CancellationToken cancellationToken = default)
    {
        var index = await _byUser.GetAsync(TableKeys.Escape(userAadObjectId), string.Empty, cancellationToken);
        return index is null ? null : await GetByConversationAsync(index.Value.ConversationId, cancellationToken);
    }

    public async Task<ConversationReferenceRecord> SaveAsync(ConversationReferenceRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = record with { Version = null };
        var version = await _byConversation.SaveAsync(TableKeys.Escape(record.ConversationId), string.Empty, stored, record.Version, null, cancellationToken);
        if (record.UserAadObjectId is { Length: > 0 } user)
        {
            await _byUser.OverwriteAsync(TableKeys.Escape(user), string.Empty, stored, null, cancellationToken);
        }

        return record with { Version = version };
    }
}
