using System.Text.Json.Nodes;
using BpomBot.Domain.Application;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;

namespace BpomBot.Teams.Conversation;

/// <summary>Who is talking: the roster id (AAD object id when Teams gives one), the Teams id and the display name.</summary>
internal sealed record OfficerIdentity(string Id, string? TeamsId, string Name)
{
    public static OfficerIdentity Of(Activity activity)
    {
        var from = activity.From;
        var id = from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id ?? "unknown";
        return new OfficerIdentity(id, from?.Id, from?.Name ?? string.Empty);
    }
}

/// <summary>One turn of the dialog: who, what they wrote and how it was read, the state being changed and the replies gathered.</summary>
internal sealed class DialogTurn(Activity activity, OfficerIdentity officer, ConversationState state, string text)
{
    public Activity Activity { get; } = activity;
    public OfficerIdentity Officer { get; } = officer;
    public ConversationState State { get; } = state;
    public string Text { get; } = text;
    public List<Activity> Replies { get; } = [];

    /// <summary>The message read in the context of the open prompt (an answer, or an interrupting intent).</summary>
    public Understood Heard { get; init; } = new(Intent.None, Slots.Empty);

    /// <summary>The message read out of context, as if no prompt were open.</summary>
    public Understood AtRest { get; init; } = new(Intent.None, Slots.Empty);

    /// <summary>A short note about what happened before this turn's answer (e.g. a prompt it closed).</summary>
    public string? Notice { get; set; }

    /// <summary>Step cards among the replies, with their kegiatan (a button's own card refresh replaces them).</summary>
    public Dictionary<Activity, string> StepCardsOf { get; } = [];

    public bool English => State.English;

    /// <summary>True when the message was a bare officer command: a prompt it does not answer lets it run instead.</summary>
    public bool IsBareCommand => AtRest.Explicit && DialogCommand.IsOfficerIntent(AtRest.Intent);

    public void Say(string indonesian, string? english = null) =>
        Replies.Add(new Activity { Type = ActivityTypes.Message, Text = State.English && english is not null ? english : indonesian, TextFormat = "markdown" });

    /// <summary>Opens <paramref name="prompt"/> and asks its question.</summary>
    public void Ask(Prompt prompt, string indonesian, string english)
    {
        State.Prompt = prompt;
        State.Offered = [];
        Say(indonesian, english);
    }

    /// <summary>Buttons for the prompt just asked: each sends its text back, which is then taken as the answer.</summary>
    public void Offer(string question, IReadOnlyList<(string Title, string Text)> buttons)
    {
        State.Offered = [.. buttons.Select(b => Choices.Normalize(b.Text))];
        Card(Choices.ListCard(question, buttons));
    }

    /// <summary>The message is the text of one of the open prompt's buttons.</summary>
    public static bool IsOffered(ConversationState state, string text) =>
        state.Prompt != Prompt.None && state.Offered.Contains(Choices.Normalize(text));

    public void Card(JsonObject card) => Replies.Add(AdaptiveCard.ToMessage(card));

    public void StepCard(OpenStep view)
    {
        var message = AdaptiveCard.ToMessage(Conversation.StepCard.Build(view, State.English));
        Replies.Add(message);
        StepCardsOf[message] = view.Kegiatan.Id;
    }

    /// <summary>The open prompt was closed by another command: said at the top of the turn's first reply.</summary>
    public void SayPromptClosed() =>
        Notice = State.English ? "I closed the previous question (what was recorded is kept)." : "Pertanyaan sebelumnya saya tutup (yang sudah tercatat tetap tersimpan).";

    /// <summary>The replies to send: the notice leads the first one, so the answer arrives as one message.</summary>
    public List<Activity> Outgoing()
    {
        if (Notice is null)
        {
            return Replies;
        }

        if (Replies.Count == 0)
        {
            return [new Activity { Type = ActivityTypes.Message, Text = Notice, TextFormat = "markdown" }];
        }

        var first = Replies[0];
        first.Text = string.IsNullOrEmpty(first.Text) ? Notice : $"{Notice}\n\n{first.Text}";
        first.TextFormat ??= "markdown";
        return Replies;
    }
}
