namespace BpomBot.Domain.Abstractions;

/// <summary>A small opaque JSON document holding one conversation's dialog state.</summary>
public sealed record DialogStateDocument(string ConversationId, string Json, DateTimeOffset UpdatedAt, string? Version = null);

/// <summary>Per-conversation dialog state with optimistic concurrency.</summary>
public interface IDialogStateRepository
{
    Task<DialogStateDocument?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Inserts (Version null) or conditionally replaces (Version set); returns the document with its new version.</summary>
    /// <exception cref="ConcurrencyConflictException">Another turn saved first.</exception>
    Task<DialogStateDocument> SaveAsync(DialogStateDocument document, CancellationToken cancellationToken = default);

    /// <summary>Deletes the state if it still has <paramref name="version"/> (null: whatever version it has).</summary>
    Task DeleteAsync(string conversationId, string? version, CancellationToken cancellationToken = default);
}
