using System.Text.Json;
using System.Text.Json.Serialization;
using BpomBot.Domain.Understanding;

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

    /// <summary>The name of a stakeholder category not on the SOP's list (after the Lainnya button).</summary>
    StakeholderOther,

    /// <summary>The name of a bentuk not on the SOP's list (after the Lainnya button).</summary>
    BentukOther,

    /// <summary>The function of the pembinaan (fasilitator or CAPA), which with the commodity routes the B.4 report.</summary>
    Fungsi,

    /// <summary>The commodity of the pembinaan (pangan olahan, obat tradisional, ...).</summary>
    Komoditas,
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

    /// <summary>Keterangan B.4: the function and commodity that choose where the report goes.</summary>
    public string? Fungsi { get; set; }
    public string? Komoditas { get; set; }

    public List<string> UnitChoices { get; set; } = [];

    /// <summary>The texts the open prompt's buttons send (normalized): such a message is an answer, never another intent.</summary>
    public List<string> Offered { get; set; } = [];
    public string? UnitId { get; set; }

    /// <summary>The command waiting for a confirmation or a kegiatan number (stored by name; older rows hold a number).</summary>
    [JsonConverter(typeof(PendingIntentConverter))]
    public Intent? Pending { get; set; }
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
        SubProcess = Title = Stakeholder = Bentuk = Fungsi = Komoditas = UnitId = null;
        UnitChoices = [];
        Offered = [];
        Pending = null;
        PendingArgument = null;
        PendingExplicit = false;
        KegiatanChoices = [];
        KegiatanChoiceNumbers = [];
        ItemId = Alternative = Reference = Branch = null;
    }

    /// <summary>What kind of answer each prompt waits for.</summary>
    public static PromptKind KindOf(Prompt prompt) => prompt switch
    {
        Prompt.None => PromptKind.None,
        Prompt.SubProcess or Prompt.Stakeholder or Prompt.Bentuk or Prompt.UnitPick or Prompt.Role or Prompt.PickKegiatan
            or Prompt.KelengkapanItem or Prompt.KelengkapanAlternative or Prompt.Branch or Prompt.Fungsi or Prompt.Komoditas => PromptKind.Choice,
        Prompt.PlanDate or Prompt.KelengkapanDate => PromptKind.Date,
        Prompt.KelengkapanReference => PromptKind.Reference,
        Prompt.Confirm => PromptKind.Confirm,
        _ => PromptKind.Text,
    };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ConversationState Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ConversationState() : JsonSerializer.Deserialize<ConversationState>(json, Json) ?? new ConversationState();
}

/// <summary>
/// Writes the pending intent by name. Rows stored before the dialog used <see cref="Intent"/> hold the number of the
/// old command list (mulai = 0 … riwayat = 12); they read back as the same intent.
/// </summary>
internal sealed class PendingIntentConverter : JsonConverter<Intent?>
{
    private static readonly Intent[] Legacy =
    [
        Intent.Mulai, Intent.MulaiTahunan, Intent.Tugas, Intent.Status, Intent.Lanjut, Intent.Kelengkapan, Intent.Selesai,
        Intent.Rencana, Intent.Tunda, Intent.Lanjutkan, Intent.Lewati, Intent.Batal, Intent.Riwayat,
    ];

    public override Intent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.TryGetInt32(out var n) && n >= 0 && n < Legacy.Length ? Legacy[n] : null,
        JsonTokenType.String => Enum.TryParse<Intent>(reader.GetString(), ignoreCase: true, out var intent) ? intent : null,
        _ => throw new JsonException("pending: a name or a number"),
    };

    public override void Write(Utf8JsonWriter writer, Intent? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } intent) writer.WriteStringValue(intent.ToString());
        else writer.WriteNullValue();
    }
}
