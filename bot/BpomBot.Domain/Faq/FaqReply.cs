namespace BpomBot.Domain.Faq;

/// <summary>
/// The answer as a ready-to-send reply (WhatsApp or e-mail): the answer text, its source, the HK service standard for
/// complaint topics, and the official channels. Plain text, no markup, so it can be copied as it is.
/// </summary>
public static class FaqReply
{
    /// <summary>Topics whose answer is about reporting or complaining: the reply states the service standard.</summary>
    public static readonly IReadOnlySet<string> ComplaintTopics = new HashSet<string>(StringComparer.Ordinal)
    {
        "pengaduan-produk", "lapor-sp4n", "nomor-izin-palsu", "produk-kedaluwarsa", "recall-penarikan", "efek-samping-meso",
        "public-warning-kosmetik", "jamu-bko", "bahan-berbahaya-pangan", "skincare-etiket-biru", "waspada-calo",
    };

    public static bool IsComplaint(FaqEntry entry) => ComplaintTopics.Contains(entry?.Id ?? throw new ArgumentNullException(nameof(entry)));

    /// <summary>The service-standard sentence for complaints (HALOBPOM/ULPK standar pelayanan), in the reply's language.</summary>
    public static string ServiceStandard(FaqLanguage language)
    {
        var info = HaloBpomServiceStandard.WorkingDays(HaloBpomRequestKind.Information);
        var complaint = HaloBpomServiceStandard.WorkingDays(HaloBpomRequestKind.Complaint);
        var field = HaloBpomServiceStandard.WorkingDays(HaloBpomRequestKind.ComplaintWithFieldInspection);
        return language == FaqLanguage.En
            ? $"Service standard: a complaint is answered within {complaint} working days ({field} working days if a field inspection is needed); an information request within {info} working days. The service is free of charge."
            : $"Standar layanan: pengaduan dijawab paling lambat {complaint} hari kerja ({field} hari kerja bila perlu pemeriksaan lapangan); permintaan informasi {info} hari kerja. Layanan ini gratis.";
    }

    public static string Compose(FaqEntry entry, FaqLanguage language)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var en = language == FaqLanguage.En;
        var complaint = IsComplaint(entry);
        var lines = new List<string> { entry.Answer.For(language) };
        var sources = new List<string>();
        if (entry.Source is { } source)
        {
            sources.Add(source);
        }

        sources.AddRange(entry.Links.Where(l => entry.Source is null || !entry.Source.Contains(Host(l), StringComparison.OrdinalIgnoreCase)));
        if (sources.Count > 0)
        {
            lines.Add((en ? "Source: " : "Sumber: ") + string.Join("; ", sources));
        }

        if (complaint)
        {
            lines.Add(ServiceStandard(language));
        }

        lines.Add((en ? "Official BPOM channels: " : "Kanal resmi BPOM: ") + OfficialChannels.Compact(language, includeComplaintChannels: complaint));
        return string.Join("\n\n", lines);
    }

    private static string Host(string link) => link.Replace("https://", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("http://", string.Empty, StringComparison.OrdinalIgnoreCase).TrimEnd('/');
}
