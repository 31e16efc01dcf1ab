namespace BpomBot.Domain.Abstractions;

/// <summary>
/// What the bot needs to message a conversation proactively. <paramref name="ReferenceJson"/> is the channel's own
/// reference document, opaque to the domain. <paramref name="Version"/> is null for a record never saved.
/// </summary>
public sealed record ConversationReferenceRecord(
    string ConversationId,
    string? UserAadObjectId,
    string TenantId,
    string ServiceUrl,
    string ReferenceJson,
    DateTimeOffset UpdatedAt,
    string? Version = null);

/// <summary>Stored conversation references, looked up by conversation id or by the user's Entra object id.</summary>
public interface IConversationReferenceRepository
{
    Task<ConversationReferenceRecord?> GetByConversationAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>The most recently saved reference that names this user (their personal chat, usually).</summary>
    Task<ConversationReferenceRecord?> GetByUserAsync(string userAadObjectId, CancellationToken cancellationToken = default);

    /// <summary>Inserts (Version null) or conditionally replaces (Version set); returns the record with its new version.</summary>
    /// <exception cref="ConcurrencyConflictException">The record changed, or already exists, since it was read.</exception>
    Task<ConversationReferenceRecord> SaveAsync(ConversationReferenceRecord record, CancellationToken cancellationToken = default);
}
