using System.Text.Json;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Routing;

public enum Language
{
    Indonesian,
    English,
}

/// <summary>
/// A user's message after the bot mention is stripped, with the language it was written in and its reading out of
/// context (<see cref="Understood"/>): every handler decides "is this mine" from that one reading.
/// </summary>
public sealed record MessageInput(string Text, Language Language)
{
    private static readonly IntentRecognizer AtRest = new();
    private Understood? understood;

    /// <summary>
    /// The writer's known language apart from this message: the language their earlier messages showed (as the
    /// reference capture stored it), else their client's locale; null when nothing is known. <see cref="Language"/>
    /// is this when the message itself shows no clear language (a number, a link, a bare domain word).
    /// </summary>
    public Language? Known { get; init; }

    /// <summary>The message read out of context (no open prompt); read once, on first use.</summary>
    public Understood Understood => understood ??= AtRest.Understand(Text);
}

/// <summary>
/// A text command handler. Handlers are tried in ascending <see cref="Order"/> until one returns true;
/// the help handler runs last as the fallback. Register with <c>services.AddMessageHandler&lt;T&gt;()</c>.
/// </summary>
public interface IMessageHandler
{
    int Order { get; }

    Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default);
}

/// <summary>
/// Handles one <c>Action.Execute</c> verb of an <c>adaptiveCard/action</c> invoke and returns the invoke answer.
/// Register with <c>services.AddCardActionHandler&lt;T&gt;()</c>; verbs must be unique.
/// </summary>
public interface ICardActionHandler
{
    string Verb { get; }

    Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default);
}

/// <summary>The <c>value.action</c> of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record CardAction(string Verb, JsonElement Data, string? Trigger)
{
    /// <summary>A string field of the action data, or null.</summary>
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}

/// <summary>
/// Reacts to <c>conversationUpdate</c> and <c>installationUpdate</c> activities (welcome, capturing
/// conversation references). Every registered handler runs, in ascending <see cref="Order"/>.
/// </summary>
public interface IConversationEventHandler
{
    int Order { get; }

    Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken = default);
}
