namespace BpomBot.Domain.Abstractions;

/// <summary>
/// A conditional write lost a race: somebody else changed (or created) the record first.
/// Adapters translate their storage-specific failure (HTTP 412/409) into this.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The store could not be reached or kept throttling after retries; the user should try again shortly.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
