using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Connector;

/// <summary>Outgoing Bot Connector REST calls (protocol.md §3.2). Only trusted serviceUrls are called.</summary>
public interface IConnectorClient
{
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);

    Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);
}

/// <summary>A connector call failed with a non-success status after retries, or the serviceUrl is not trusted.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(string message, int? statusCode = null, string? body = null)
        : base(message)
    {
        StatusCode = statusCode;
        Body = body;
    }

    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? StatusCode { get; }

    public string? Body { get; }

    /// <summary>The connector's Retry-After on the last answer, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
