using System.Text.Json;
using System.Text.Json.Nodes;
using BpomBot.Domain.Telemetry;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Routing;

/// <summary>
/// Sends one activity to the handlers registered for it, and is the global turn error handler: an unexpected
/// exception is logged once and answered with a neutral apology: in English when the message is clearly English or
/// the card clicked is an English one (<c>lang: en</c> in its data), in Indonesian otherwise.
/// A message that shows no clear language (a number, a link, a bare domain word) takes the writer's known language
/// (<see cref="PersonLanguage"/>), so every handler answers an English writer in English.
/// </summary>
public sealed class ActivityRouter
{
    public const string Apology = "Maaf, terjadi kendala saat memproses permintaan Anda. Silakan coba lagi beberapa saat lagi.";

    public const string ApologyEnglish = "Sorry, something went wrong while handling your request. Please try again in a moment.";

    private readonly IMessageHandler[] messageHandlers;
    private readonly Dictionary<string, ICardActionHandler> actionHandlers;
    private readonly IConversationEventHandler[] eventHandlers;
    private readonly ILogger<ActivityRouter> logger;
    private readonly KnownConversations? known;

    public ActivityRouter(
        IEnumerable<IMessageHandler> messageHandlers,
        IEnumerable<ICardActionHandler> actionHandlers,
        IEnumerable<IConversationEventHandler> eventHandlers,
        ILogger<ActivityRouter> logger,
        KnownConversations? known = null)
    {
        this.known = known;
        this.messageHandlers = [.. messageHandlers.OrderBy(h => h.Order)];
        this.eventHandlers = [.. eventHandlers.OrderBy(h => h.Order)];
        this.logger = logger;
        this.actionHandlers = new Dictionary<string, ICardActionHandler>(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in actionHandlers)
        {
            if (!this.actionHandlers.TryAdd(handler.Verb, handler))
            {
                throw new InvalidOperationException($"Card action verb '{handler.Verb}' is registered twice.");
            }
        }
    }

    public async Task RouteAsync(ITurnContext turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        using var scope = logger.BeginTurnScope(activity.Id, activity.Conversation?.Id);
        using var span = BpomTelemetry.ActivitySource.StartActivity("turn " + activity.Type);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    await OnMessageAsync(turn, cancellationToken);
                    break;
                case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                    foreach (var handler in eventHandlers)
                    {
                        await handler.HandleAsync(turn, cancellationToken);
                    }

                    break;
                case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                    turn.InvokeResponse = await OnCardActionAsync(turn, cancellationToken);
                    break;
                default:
                    logger.ActivityIgnored(activity.Type, activity.Name);
                    break;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "error";
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            logger.TurnFailed(ex, activity.Type);
            await ApologiseAsync(turn, cancellationToken);
        }
        finally
        {
            BpomTelemetry.TurnDuration.Record(
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("activity.type", activity.Type),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private async Task OnMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (await TrySubmitFallbackAsync(turn, cancellationToken))
        {
            return;
        }

        var input = MessageInputParser.Parse(turn.Activity);
        var clear = ClearLanguage(input);
        var fromMap = false;
        foreach (var handler in messageHandlers)
        {
            if (!fromMap)
            {
                // Until the in-process map knows the writer (the reference capture, first in order, fills it and reads
                // storage only on a first sight that says nothing): no storage read here.
                (input, fromMap) = WithKnownLanguage(input, clear, turn.Activity);
            }

            if (await handler.TryHandleAsync(turn, input, cancellationToken))
            {
                logger.MessageHandled(handler.GetType().Name);
                return;
            }
        }
    }

    /// <summary>
    /// The language a turn is answered in, decided as <see cref="RouteAsync"/> decides it and without reading storage:
    /// for a card click, the card's own <c>lang</c> (English when "en"); for a message, what the message clearly shows,
    /// else the writer's known language (<see cref="PersonLanguage"/>); Indonesian otherwise.
    /// </summary>
    public static Language AnswerLanguage(Activity activity, KnownConversations? known)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Invoke)
        {
            return TryReadAction(activity.Value, out var action) && action.GetString("lang") == "en" ? Language.English : Language.Indonesian;
        }

        return ClearLanguage(MessageInputParser.Parse(activity)) ?? PersonLanguage.Of(activity, known).Language ?? Language.Indonesian;
    }

    // What the message itself shows, read as the reference capture reads it: a command word of one language, or more
    // marker words of one; a menu word both languages share ("disposisi"), a number or a link shows nothing.
    private static Language? ClearLanguage(MessageInput input) => ConversationReferenceCapture.WrittenLanguage(input) switch
    {
        Domain.Abstractions.ConversationReferenceRecord.English => Language.English,
        Domain.Abstractions.ConversationReferenceRecord.Indonesian => Language.Indonesian,
        _ => null,
    };

    private (MessageInput Input, bool FromMap) WithKnownLanguage(MessageInput input, Language? clear, Activity activity)
    {
        var (person, fromMap) = PersonLanguage.Of(activity, known);
        var language = clear ?? person ?? Language.Indonesian;
        return (input.Known == person && input.Language == language ? input : input with { Known = person, Language = language }, fromMap);
    }

    private async Task<InvokeResponse> OnCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!TryReadAction(turn.Activity.Value, out var action))
        {
            return InvokeResponse.Error(400, "BadRequest", "value.action must be an Action.Execute with a verb.");
        }

        if (!actionHandlers.TryGetValue(action.Verb, out var handler))
        {
            logger.UnknownVerb(action.Verb);
            return InvokeResponse.Error(400, "UnknownVerb", $"Verb '{action.Verb}' is not supported.");
        }

        logger.CardActionHandled(action.Verb, action.Trigger);
        return await handler.HandleAsync(turn, action, cancellationToken);
    }

    /// <summary>
    /// Clients without Universal Actions use the <c>Action.Submit</c> fallback: a message whose <c>value.verb</c>
    /// names a card action. The handler's card then replaces the card message (or is sent when there is none).
    /// </summary>
    private async Task<bool> TrySubmitFallbackAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!string.IsNullOrWhiteSpace(activity.Text)
            || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("verb", out var verb) || verb.GetString() is not { Length: > 0 } verbText
            || !actionHandlers.TryGetValue(verbText, out var handler))
        {
            return false;
        }

        logger.CardActionHandled(verbText, "submit");
        var response = await handler.HandleAsync(turn, new CardAction(verbText, value.Clone(), "submit"), cancellationToken);
        var reply = response is { Type: InvokeResponse.CardType, Value: JsonObject card }
            ? Cards.AdaptiveCard.ToMessage(card)
            : new Activity { Type = ActivityTypes.Message, Text = response.Value?.ToString() };
        if (response.Type == InvokeResponse.CardType && activity.ReplyToId is { Length: > 0 } cardMessageId)
        {
            await turn.UpdateAsync(cardMessageId, reply, cancellationToken);
        }
        else
        {
            await turn.SendAsync(reply, cancellationToken);
        }

        return true;
    }

    private static bool TryReadAction(JsonElement? value, out CardAction action)
    {
        action = null!;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.Object
            || !a.TryGetProperty("type", out var type) || !type.ValueEquals("Action.Execute")
            || !a.TryGetProperty("verb", out var verb) || verb.GetString() is not { Length: > 0 } verbText)
        {
            return false;
        }

        var data = a.TryGetProperty("data", out var d) ? d.Clone() : default;
        var trigger = v.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        action = new CardAction(verbText, data, trigger);
        return true;
    }

    private async Task ApologiseAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            var englishCard = TryReadAction(turn.Activity.Value, out var action) && action.GetString("lang") == "en";
            turn.InvokeResponse = InvokeResponse.Message(englishCard ? ApologyEnglish : Apology);
            return;
        }

        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        try
        {
            var english = (MessageInputParser.DetectClearLanguage(MessageInputParser.StripBotMention(turn.Activity))
                ?? PersonLanguage.Of(turn.Activity, known).Language) == Language.English;
            await turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = english ? ApologyEnglish : Apology }, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.ApologyFailed(ex);
        }
    }
}
