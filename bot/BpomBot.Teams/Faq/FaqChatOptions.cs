namespace BpomBot.Teams.Faq;

/// <summary>
/// Settings of section <c>Faq</c>. The contact-centre channel receives "tanya petugas" tickets; leave both settings
/// empty to switch the hand-off off (the bot then lists the official channels instead).
/// </summary>
public sealed class FaqChatOptions
{
    public const string Section = "Faq";

    /// <summary>Conversation id of the HALOBPOM contact-centre channel (e.g. <c>19:…@thread.tacv2</c>).</summary>
    public string? ContactCentreConversationId { get; set; }

    /// <summary>The serviceUrl Teams gave for that channel's team.</summary>
    public string? ContactCentreServiceUrl { get; set; }

    /// <summary>Unit whose calendar and zone apply to ticket due dates and reminders when the officer is not on the roster.</summary>
    public string ContactCentreUnitId { get; set; } = "kepala-bpom";

    public bool IsHandOffConfigured =>
        !string.IsNullOrWhiteSpace(ContactCentreConversationId) && !string.IsNullOrWhiteSpace(ContactCentreServiceUrl);

    /// <summary>Returns the problems of this configuration, each naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        var hasConversation = !string.IsNullOrWhiteSpace(ContactCentreConversationId);
        var hasServiceUrl = !string.IsNullOrWhiteSpace(ContactCentreServiceUrl);
        if (hasConversation != hasServiceUrl)
        {
            yield return "Faq:ContactCentreConversationId and Faq:ContactCentreServiceUrl must be set together (or both left empty to switch the hand-off off).";
        }

        if (hasServiceUrl && !(Uri.TryCreate(ContactCentreServiceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback)))
        {
            yield return "Faq:ContactCentreServiceUrl must be an absolute https URL.";
        }

        if (string.IsNullOrWhiteSpace(ContactCentreUnitId))
        {
            yield return "Faq:ContactCentreUnitId must name a unit.";
        }
    }

    /// <summary>True when the conversation is the contact-centre channel or one of its threads (<c>…;messageid=…</c>).</summary>
    public bool IsContactCentre(string? conversationId) =>
        IsHandOffConfigured && conversationId is not null
        && string.Equals(BaseId(conversationId), BaseId(ContactCentreConversationId!), StringComparison.OrdinalIgnoreCase);

    private static string BaseId(string conversationId) => conversationId.Split(';', 2)[0];
}
