namespace BpomBot.Domain.Faq;

/// <summary>An official BPOM contact channel, labelled in both languages.</summary>
public sealed record OfficialChannel(string Kind, FaqText Label, string Value);

/// <summary>The channels the bot lists when it cannot answer (source: HALOBPOM / ULPK public pages).</summary>
public static class OfficialChannels
{
    public static IReadOnlyList<OfficialChannel> All { get; } =
    [
        new("phone", new("Telepon HALOBPOM", "HALOBPOM phone"), "1-500-533"),
        new("sms", new("SMS", "SMS"), "0812-1-9999-533"),
        new("whatsapp", new("WhatsApp", "WhatsApp"), "0811-9181-533"),
        new("email", new("Email", "Email"), "halobpom@pom.go.id"),
        new("lapor", new("LAPOR! (SP4N)", "LAPOR! (SP4N)"), "lapor.go.id"),
        new("ulpk", new("ULPK", "ULPK (walk-in)"), "ULPK di setiap Balai Besar/Balai/Loka POM"),
        new("social", new("Instagram & Twitter/X", "Instagram & Twitter/X"), "@BPOM_RI"),
        new("facebook", new("Facebook", "Facebook"), "@bpom.official"),
    ];

    /// <summary>All channels on one line ("Telepon HALOBPOM 1-500-533 · SMS … · Facebook @bpom.official").</summary>
    public static string Compact(FaqLanguage language, bool includeComplaintChannels = true) => string.Join(" · ", All
        .Where(c => includeComplaintChannels || c.Kind is not ("lapor" or "ulpk"))
        .Select(c => c.Kind == "ulpk" ? (language == FaqLanguage.En ? "ULPK at every Balai Besar/Balai/Loka POM" : c.Value) : $"{c.Label.For(language)} {c.Value}"));
}
