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
    ];
}
