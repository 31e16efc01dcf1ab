using BpomBot.Domain.Abstractions;
using BpomBot.Storage.Tables.Documents;

namespace BpomBot.Storage.Tables.Repositories;

/// <summary>DialogState: PK = conversation id, RK = "". One small versioned JSON document per conversation.</summary>
public sealed class TableDialogStateRepository(TableServiceClient service) : IDialogStateRepository
{
    private readonly JsonDocumentTable<DialogStateDocument> _table = new(service.GetTableClient(StorageTables.DialogState));

    public async Task<DialogStateDocument?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await _table.GetAsync(TableKeys.Escape(conversationId), string.Empty, cancellationToken) is { } doc
            ? doc.Value with { Version = doc.Version }
            : null;

    public async Task<DialogStateDocument> SaveAsync(DialogStateDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var version = await _table.SaveAsync(TableKeys.Escape(document.ConversationId), string.Empty, document with { Version = null }, document.Version, null, cancellationToken);
        return document with { Version = version };
    }

    public Task DeleteAsync(string conversationId, string? version, CancellationToken cancellationToken = default) =>
        _table.DeleteAsync(TableKeys.Escape(conversationId), string.Empty, version, cancellationToken);
}
