using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Proactive;

/// <summary>
/// Proactive sends through the one connector client (its pipeline retries short faults within its budget; delivery
/// retries longer ones with the limiter and the record). Only trusted serviceUrls are called and only they get the token.
/// </summary>
public sealed class ConnectorProactiveSender(
    IConnectorClient connector,
    ServiceUrlTrust trust,
    IConversationReferenceRepository references,
    IRosterRepository roster,
    TimeProvider timeProvider,
    IOptions<BotOptions> botOptions,
    IOptions<ProactiveOptions> options) : IProactiveSender
{
    public async Task<ProactiveTarget?> FindConversationAsync(string personId, CancellationToken cancellationToken = default)
    {
        var record = await references.GetByUserAsync(personId, cancellationToken);
        if (record is null || string.IsNullOrEmpty(record.ServiceUrl))
        {
            return null;
        }

        // Stored references come from authenticated activities (or a conversation this bot created): trust them again after a restart.
        trust.Trust(record.ServiceUrl);
        return new ProactiveTarget(record.ServiceUrl, record.ConversationId, record.PrefersEnglish);
    }

    public async Task<SendResult> CreateConversationAsync(string personId, CancellationToken cancellationToken = default)
    {
        var person = await roster.GetPersonAsync(personId, cancellationToken);
        var tenant = botOptions.Value.TenantId;
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return new SendResult(400, Error: "Bot:TenantId belum diatur; percakapan baru tidak dapat dibuat");
        }

        // The Teams user id (29:…) works in every scope; the Entra object id only where the app is installed for the person.
        var userId = person?.TeamsId is { Length: > 0 } teamsId ? teamsId : personId;
        var serviceUrl = options.Value.DefaultServiceUrl;
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:" + botOptions.Value.AppId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenant,
            ChannelData = new TeamsChannelData { Tenant = new TeamsEntity { Id = tenant } },
        };
        var (result, created) = await CallAsync(() => connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken));
        if (!result.Succeeded)
        {
            return result;
        }

        if (created?.Id is not { Length: > 0 } conversationId)
        {
            return new SendResult(502, Error: "jawaban create conversation tanpa id");
        }

        var target = new ProactiveTarget(created.ServiceUrl is { Length: > 0 } s ? s : serviceUrl, conversationId);
        trust.Trust(target.ServiceUrl);
        var reference = new ConversationReference(
            target.ServiceUrl, "msteams", new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = tenant },
            new ChannelAccount { Id = userId, AadObjectId = personId }, parameters.Bot, tenant, null);
        await references.SaveAsync(
            new ConversationReferenceRecord(conversationId, personId, tenant, target.ServiceUrl,
                JsonSerializer.Serialize(reference, BotJson.Options), timeProvider.GetUtcNow()),
            cancellationToken);
        return result with { Target = target };
    }

    public async Task<SendResult> SendAsync(ProactiveTarget target, Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var activity = AdaptiveCard.ToMessage(ReminderCard.Build(notification, english: target.English));
        activity.Text = ReminderDigest.Heading(notification, target.English);
        var (result, _) = await CallAsync(() => connector.SendToConversationAsync(target.ServiceUrl, target.ConversationId, activity, cancellationToken));
        return result;
    }

    /// <summary>One connector call as a <see cref="SendResult"/>: status, Retry-After and error code; 0 for a network failure.</summary>
    private static async Task<(SendResult Result, ResourceResponse? Body)> CallAsync(Func<Task<ResourceResponse>> call)
    {
        try
        {
            return (new SendResult(200), await call());
        }
        catch (ConnectorException ex) when (ex.StatusCode is { } status)
        {
            return (new SendResult(status, ex.RetryAfter, ErrorCode(ex.Body ?? string.Empty)), null);
        }
        catch (ConnectorException ex)
        {
            // Refused before sending (untrusted serviceUrl).
            return (new SendResult(400, Error: ex.Message), null);
        }
        catch (HttpRequestException ex)
        {
            return (new SendResult(0, Error: ex.Message), null);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            return (new SendResult(0, Error: "timeout: " + ex.Message), null);
        }
    }

    /// <summary>The connector's error code (e.g. "MessageWritesBlocked"), without message text.</summary>
    private static string? ErrorCode(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? (error.TryGetProperty("subCode", out var sub) ? sub.GetString() : null) ?? (error.TryGetProperty("code", out var code) ? code.GetString() : null)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
