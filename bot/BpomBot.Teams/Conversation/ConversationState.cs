using System.Text.Json;
using System.Text.Json.Serialization;

namespace BpomBot.Teams.Conversation;

/// <summary>What the bot is waiting for in a conversation.</summary>
public enum Prompt
{
    None,
    SubProcess,
    Title,
    Stakeholder,
    Bentuk,
    UnitSearch,
    UnitPick,
    Role,
    PickKegiatan,
    KelengkapanItem,
    KelengkapanAlternative,
    KelengkapanReference,
    KelengkapanDate,
    Branch,
    Output,
    PlanDate,
    PauseReason,
    CancelReason,

    /// <summary>Yes or no to a destructive command read from a sentence (batal, lewati); <see cref="ConversationState.Pending"/> holds it.</summary>
    Confirm,
}

/// <summary>
/// One conversation's dialog state (per conversation, per user in group chats), saved after every turn. It holds only
/// the answers of an unfinished prompt, the selected kegiatan and the ids of activities already processed; the
/// workflow itself lives in the kegiatan.
/// </summary>
public sealed class ConversationState
{
    /// <summary>
    /// Teams redelivers an activity within seconds when the first delivery failed, so a short memory is enough; the
    /// ids are most of the stored row, which is read and written on every turn.
    /// </summary>
    public const int ProcessedKept = 16;

    // Unset answers are left out of the stored JSON (they read back as their defaults).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    public Prompt Prompt { get; set; }
    public bool English { get; set; }

    /// <summary>The kegiatan the officer is working on (last picked or started).</summary>
    public string? KegiatanId { get; set; }

    /// <summary>The version of the selected kegiatan the officer last saw; answers apply only to that version.</summary>
    public string? KegiatanVersion { get; set; }

    public bool Annual { get; set; }
    public string? SubProcess { get; set; }
    public string? Title { get; set; }
    public string? Stakeholder { get; set; }
    public string? Bentuk { get; set; }

    public List<string> UnitChoices { get; set; } = [];
    public string? UnitId { get; set; }

    public Command? Pending { get; set; }
    public string? PendingArgument { get; set; }

    /// <summary>The pending command was typed as a bare command or confirmed (no second confirmation).</summary>
    public bool PendingExplicit { get; set; }
    public List<string> KegiatanChoices { get; set; } = [];

    /// <summary>The stable numbers shown for <see cref="KegiatanChoices"/> (same order).</summary>
    public List<int> KegiatanChoiceNumbers { get; set; } = [];

    public string? ItemId { get; set; }
    public string? Alternative { get; set; }
    public string? Reference { get; set; }

    /// <summary>A branch the SOP allows after the step being completed; null follows the SOP's next step.</summary>
    public string? Branch { get; set; }

    /// <summary>Ids of the last activities handled, so a redelivered activity has no second effect.</summary>
    public List<string> Processed { get; set; } = [];

    public void MarkProcessed(string? activityId)
    {
        if (string.IsNullOrEmpty(activityId))
        {
            return;
        }

        Processed.Add(activityId);
        if (Processed.Count > ProcessedKept)
        {
            Processed.RemoveRange(0, Processed.Count - ProcessedKept);
        }
    }

    /// <summary>Forgets the answers of the current prompt (the selected kegiatan and the processed ids stay).</summary>
    public void ClearPrompt()
    {
        Prompt = Prompt.None;
        Annual = false;
        SubProcess = Title = Stakeholder = Bentuk = UnitId = null;
        UnitChoices = [];
        Pending = null;
        PendingArgument = null;
        PendingExplicit = false;
        KegiatanChoices = [];
        KegiatanChoiceNumbers = [];
        ItemId = Alternative = Reference = Branch = null;
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ConversationState Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ConversationState() : JsonSerializer.Deserialize<ConversationState>(json, Json) ?? new ConversationState();
}
