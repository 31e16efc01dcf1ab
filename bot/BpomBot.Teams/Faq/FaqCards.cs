using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Candidates;
using BpomBot.Domain.Faq.Tickets;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Faq;

/// <summary>The FAQ cards: answers, "not sure", hand-off notices, contact-centre tickets and the feedback report.</summary>
public static class FaqCards
{
    /// <summary>Longest question carried in a button's data (Teams caps card payloads at about 28 KB).</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>The contact centre works in Jakarta time (UTC+7, no daylight saving).</summary>
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>
    /// The answer: title, the reply text ready to copy into WhatsApp or e-mail (answer, source, service standard for
    /// complaints, official channels), links, and 👍/👎. The 👎 card lets the user name the right topic among
    /// <paramref name="otherTopics"/>; that becomes a candidate variant.
    /// </summary>
    public static JsonObject Answer(FaqEntry entry, FaqLanguage language, string question, bool feedbackGiven = false, IReadOnlyList<FaqEntry>? otherTopics = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var en = language == FaqLanguage.En;
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text(entry.Title.For(language), bold: true),
            AdaptiveCard.Text(en ? "Reply text (ready to copy):" : "Teks balasan (siap disalin):", subtle: true),
            new JsonObject
            {
                ["type"] = "Container",
                ["style"] = "emphasis",
                ["id"] = "reply",
                ["items"] = new JsonArray(FaqReply.Compose(entry, language).Split("\n\n").Select(p => (JsonNode)AdaptiveCard.Text(p)).ToArray()),
            },
        };
        body.AddRange(entry.Links.Select(link => (JsonNode)AdaptiveCard.Text($"🔗 [{link}]({Href(link)})", subtle: true)));
        var ask = Execute(Verbs.FaqAskOfficer, en ? "Ask an officer" : "Tanya petugas", Data(language, ("q", Clip(question))));
        if (feedbackGiven)
        {
            body.Add(AdaptiveCard.Text(en ? "Thank you for your feedback." : "Terima kasih atas masukan Anda.", subtle: true));
            return AdaptiveCard.Create([.. body]).WithActions(ask);
        }

        body.Add(AdaptiveCard.Text(en ? "Was this answer helpful?" : "Apakah jawaban ini membantu?", subtle: true));
        var inputs = new List<JsonNode>();
        if (otherTopics is { Count: > 0 })
        {
            inputs.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = "right",
                ["style"] = "compact",
                ["label"] = en ? "Which topic did you mean? (optional)" : "Topik yang Anda maksud? (opsional)",
                ["choices"] = new JsonArray(otherTopics.Where(t => t.Id != entry.Id)
                    .Select(t => (JsonNode)new JsonObject { ["title"] = t.Title.For(language), ["value"] = t.Id }).ToArray()),
            });
        }

        inputs.Add(new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = "reason",
            ["isMultiline"] = true,
            ["maxLength"] = 500,
            ["placeholder"] = en ? "What was missing? (optional)" : "Apa yang kurang? (opsional)",
        });
        var reasonCard = AdaptiveCard.Create([.. inputs])
            .WithActions(Execute(Verbs.FaqFeedback, en ? "Send" : "Kirim", Data(language, ("topic", entry.Id), ("helpful", "tidak"), ("q", Clip(question)))));
        reasonCard.Remove("$schema");
        return AdaptiveCard.Create([.. body]).WithActions(
            Execute(Verbs.FaqFeedback, "👍", Data(language, ("topic", entry.Id), ("helpful", "ya"), ("q", Clip(question)))),
            new JsonObject { ["type"] = "Action.ShowCard", ["title"] = "👎", ["card"] = reasonCard },
            ask);
    }

    /// <summary>
    /// The bot is not sure. In the choice band the best topics come first, as buttons right under the question
    /// ("Mungkin maksud Anda…?"); otherwise it names the other agency or says it will not guess. The official channels
    /// follow on one compact line.
    /// </summary>
    public static JsonObject NotSure(FaqAnswer answer, string question)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var language = answer.Language;
        var en = language == FaqLanguage.En;
        var body = new List<JsonNode>();
        if (answer.Referral is { } agency)
        {
            body.Add(AdaptiveCard.Text(en
                ? $"This question looks like a matter for **{agency.En}**, not BPOM. Please contact them directly."
                : $"Pertanyaan ini tampaknya menjadi kewenangan **{agency.Id}**, bukan BPOM. Silakan hubungi instansi tersebut."));
        }
        else if (answer.Candidates.Count > 0)
        {
            body.Add(AdaptiveCard.Text(en ? "Did you mean one of these?" : "Mungkin maksud Anda salah satu topik ini?", bold: true));
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["id"] = "choices",
                ["actions"] = new JsonArray(answer.Candidates.Select(c =>
                    (JsonNode)Execute(Verbs.FaqTopic, c.Entry.Title.For(language), Data(language, ("topic", c.Entry.Id), ("q", Clip(question))))).ToArray()),
            });
        }
        else
        {
            body.Add(AdaptiveCard.Text(en
                ? "Sorry, I am not sure about the answer to that, and I would rather not guess."
                : "Maaf, saya belum yakin jawabannya dan tidak ingin menebak."));
        }

        body.Add(AdaptiveCard.Text((en ? "Official BPOM channels: " : "Kanal resmi BPOM: ") + OfficialChannels.Compact(language), subtle: true));
        return AdaptiveCard.Create([.. body]).WithActions(
            Execute(Verbs.FaqAskOfficer, en ? "Ask an officer" : "Tanya petugas", Data(language, ("q", Clip(question)))));
    }

    /// <summary>"tanya" (or "faq") with nothing after it: asks for the question instead of guessing a topic.</summary>
    public static JsonObject AskForQuestion(FaqLanguage language) => AdaptiveCard.Create(AdaptiveCard.Text(language == FaqLanguage.En
        ? "What would you like to ask? Write your question in your own words, for example: how do I check whether a cosmetic is registered?"
        : "Apa yang ingin Anda tanyakan? Tulis pertanyaan Anda dengan kalimat sendiri, misalnya: bagaimana cara cek kosmetik sudah terdaftar di BPOM?"));

    public static JsonObject HandOffNotConfigured(FaqLanguage language)
    {
        var en = language == FaqLanguage.En;
        return AdaptiveCard.Create(
            AdaptiveCard.Text(en
                ? "Handing questions to an officer is not configured for this bot yet. Please contact HALOBPOM through an official channel:"
                : "Penerusan pertanyaan ke petugas belum dikonfigurasi pada bot ini. Silakan hubungi HALOBPOM melalui kanal resmi:"),
            Channels(language));
    }

    public static JsonObject HandOffFailed(FaqLanguage language)
    {
        var en = language == FaqLanguage.En;
        return AdaptiveCard.Create(
            AdaptiveCard.Text(en
                ? "Sorry, I could not pass your question to an officer just now. Please contact HALOBPOM through an official channel:"
                : "Maaf, pertanyaan Anda belum dapat diteruskan ke petugas saat ini. Silakan hubungi HALOBPOM melalui kanal resmi:"),
            Channels(language));
    }

    public static JsonObject HandOffAskForQuestion(FaqLanguage language) => AdaptiveCard.Create(AdaptiveCard.Text(language == FaqLanguage.En
        ? "Please write your question after \"tanya petugas\", for example: tanya petugas how do I register a home-industry food product?"
        : "Tuliskan pertanyaan Anda setelah \"tanya petugas\", misalnya: tanya petugas bagaimana cara mendaftarkan pangan industri rumah tangga?"));

    public static JsonObject HandedOff(FaqTicketRecord ticket, FaqLanguage language, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var en = language == FaqLanguage.En;
        var due = ticket.DueDate is { } d ? IndonesianDate.Format(d, english: en) : "-";
        return AdaptiveCard.Create(
            AdaptiveCard.Text(en ? "Your question has been passed to a HALOBPOM officer" : "Pertanyaan Anda sudah diteruskan ke petugas HALOBPOM", bold: true),
            AdaptiveCard.Facts(en
                ? [("Ticket", ticket.TicketId), ("Answer by", $"{due} ({workingDays} working days)")]
                : [("Tiket", ticket.TicketId), ("Target jawaban", $"{due} ({workingDays} hari kerja)")]),
            AdaptiveCard.Text(en ? "The answer will arrive in this chat." : "Jawaban akan dikirim ke percakapan ini.", subtle: true));
    }

    /// <summary>The officer's answer, delivered proactively to the asker's conversation in the asker's language.</summary>
    public static JsonObject OfficerAnswer(FaqTicketRecord ticket, FaqLanguage language = FaqLanguage.Id)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var en = language == FaqLanguage.En;
        return AdaptiveCard.Create(
            AdaptiveCard.Text(en ? $"Answer from a HALOBPOM officer (ticket {ticket.TicketId})" : $"Jawaban petugas HALOBPOM (tiket {ticket.TicketId})", bold: true),
            AdaptiveCard.Text(en ? $"Question: {ticket.Question}" : $"Pertanyaan: {ticket.Question}", subtle: true),
            AdaptiveCard.Text(ticket.Answer ?? string.Empty),
            AdaptiveCard.Text(en ? $"Answered by {ticket.AssigneeName ?? "a HALOBPOM officer"}." : $"Dijawab oleh {ticket.AssigneeName ?? "petugas HALOBPOM"}.", subtle: true));
    }

    /// <summary>Tells the asker, in their language, that their ticket was closed without an answer in the chat.</summary>
    public static JsonObject ClosedWithoutAnswer(FaqTicketRecord ticket, FaqLanguage language = FaqLanguage.Id)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return AdaptiveCard.Create(
            AdaptiveCard.Text(language == FaqLanguage.En
                ? $"Ticket {ticket.TicketId} was closed by a HALOBPOM officer without a written answer here. If you still need help, please use the official channels:"
                : $"Tiket {ticket.TicketId} ditutup oleh petugas HALOBPOM tanpa jawaban tertulis di sini. Bila masih perlu, silakan hubungi kanal resmi:"),
            Channels(language));
    }

    /// <summary>The ticket as the contact centre sees it, with the buttons its status allows.</summary>
    public static JsonObject Ticket(FaqTicketRecord ticket, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var body = new List<JsonNode>();
        if (notice is not null)
        {
            body.Add(AdaptiveCard.Text($"⚠️ {notice}"));
        }

        body.Add(AdaptiveCard.Text($"Pertanyaan HALOBPOM — tiket {ticket.TicketId}", bold: true));
        body.Add(AdaptiveCard.Text(ticket.Question));
        var facts = new List<(string, string)>
        {
            ("Penanya", ticket.AskerName ?? "-"),
            ("Diterima", ticket.CreatedAt.ToOffset(Wib).ToString("yyyy-MM-dd HH:mm 'WIB'", System.Globalization.CultureInfo.InvariantCulture)),
            ("Jenis", FaqTicketLifecycle.KindOf(ticket.Question) == HaloBpomRequestKind.Information
                ? $"Permintaan informasi ({HaloBpomServiceStandard.WorkingDays(HaloBpomRequestKind.Information)} HK)"
                : $"Pengaduan ({HaloBpomServiceStandard.WorkingDays(HaloBpomRequestKind.Complaint)} HK)"),
            ("Tenggat", ticket.DueDate is { } due ? IndonesianDate.Format(due) : "-"),
            ("Status", ticket.Status.ToString()),
        };
        if (ticket.AssigneeName is { } assignee)
        {
            facts.Add(("Petugas", assignee));
        }

        body.Add(AdaptiveCard.Facts(facts));
        if (ticket.Answer is { } answer)
        {
            body.Add(AdaptiveCard.Text($"Jawaban: {answer}", subtle: true));
        }

        var data = () => new JsonObject { ["ticket"] = ticket.TicketId };
        var answerCard = AdaptiveCard.Create(
                new JsonObject
                {
                    ["type"] = "Input.Text",
                    ["id"] = "answer",
                    ["isMultiline"] = true,
                    ["maxLength"] = 4000,
                    ["isRequired"] = true,
                    ["errorMessage"] = "Tuliskan jawaban untuk penanya.",
                    ["placeholder"] = "Jawaban untuk penanya",
                })
            .WithActions(Execute(Verbs.FaqTicketAnswer, "Kirim jawaban", data()));
        answerCard.Remove("$schema");
        var jawab = new JsonObject { ["type"] = "Action.ShowCard", ["title"] = "Jawab", ["card"] = answerCard };
        JsonNode[] actions = ticket.Status switch
        {
            FaqTicketStatus.Baru => [Execute(Verbs.FaqTicketTake, "Ambil", data()), jawab, Execute(Verbs.FaqTicketClose, "Tutup", data())],
            FaqTicketStatus.Diambil => [jawab, Execute(Verbs.FaqTicketClose, "Tutup", data())],
            FaqTicketStatus.Dijawab => [Execute(Verbs.FaqTicketClose, "Tutup", data())],
            _ => [],
        };
        var card = AdaptiveCard.Create([.. body]);
        return actions.Length > 0 ? card.WithActions(actions) : card;
    }

    public static JsonObject Report(IReadOnlyList<FaqTopicFeedback> rows, IReadOnlyList<FaqDeclinedRow>? declined = null, FaqLanguage language = FaqLanguage.Id)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var en = language == FaqLanguage.En;
        var body = new List<JsonNode> { AdaptiveCard.Text(en ? "FAQ report: the least helpful topics" : "Laporan FAQ: topik yang paling kurang membantu", bold: true) };
        if (rows.Count == 0)
        {
            body.Add(AdaptiveCard.Text(en ? "No 👎 ratings on FAQ answers yet." : "Belum ada penilaian 👎 pada jawaban FAQ."));
        }

        foreach (var row in rows)
        {
            body.Add(AdaptiveCard.Text(FormatRow(row, en)));
        }

        if (declined is not null)
        {
            body.Add(AdaptiveCard.Text(en ? "Questions left unanswered this week" : "Pertanyaan yang tidak terjawab minggu ini", bold: true));
            body.Add(declined.Count == 0
                ? AdaptiveCard.Text(en ? "No unanswered questions in the last 7 days." : "Tidak ada pertanyaan yang tidak terjawab dalam 7 hari terakhir.")
                : AdaptiveCard.Text(string.Join("\n\n", declined.Select(d => FormatDeclined(d, en)))));
        }

        return AdaptiveCard.Create([.. body]);
    }

    /// <summary>One declined-question line: count, question, and the topic offered (if any).</summary>
    public static string FormatDeclined(FaqDeclinedRow row, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        var offered = row.OfferedTopic is { } t ? (english ? $" (offered: {t})" : $" (ditawarkan: {t})") : (english ? " (out of scope)" : " (di luar cakupan)");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{row.Count}× \"{row.Question}\"{offered}");
    }

    /// <summary>Candidate variants waiting for review, each with Terima/Tolak, for a petugas HALOBPOM.</summary>
    public static JsonObject Candidates(
        IReadOnlyList<FaqCandidateVariant> pending, FaqKnowledgeBase knowledgeBase, string? notice = null, int max = 10, FaqLanguage language = FaqLanguage.Id)
    {
        var en = language == FaqLanguage.En;
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var body = new List<JsonNode>();
        if (notice is not null)
        {
            body.Add(AdaptiveCard.Text(notice));
        }

        body.Add(AdaptiveCard.Text(en ? $"Candidate FAQ question variants ({pending.Count} waiting)" : $"Kandidat variasi pertanyaan FAQ ({pending.Count} menunggu)", bold: true));
        if (pending.Count == 0)
        {
            body.Add(AdaptiveCard.Text(en ? "No candidates are waiting for review." : "Tidak ada kandidat yang menunggu tinjauan."));
        }

        foreach (var c in pending.Take(max))
        {
            var title = knowledgeBase.Find(c.TopicId)?.Title.For(language) ?? c.TopicId;
            var source = c.Source == FaqCandidateSource.Dipilih ? (en ? "picked by a user" : "dipilih pengguna") : (en ? "👎 correction" : "koreksi 👎");
            body.Add(AdaptiveCard.Text($"\"{c.Question}\" → {title} ({c.Id}, {source})"));
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(
                    Execute(FaqCandidateVerbs.Accept, en ? "Accept" : "Terima", Data(language, ("candidate", c.Id))),
                    Execute(FaqCandidateVerbs.Reject, en ? "Reject" : "Tolak", Data(language, ("candidate", c.Id)))),
            });
        }

        return AdaptiveCard.Create([.. body]);
    }

    /// <summary>One report line: topic, verdict count, share of 👎 and the latest reasons.</summary>
    public static string FormatRow(FaqTopicFeedback row, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        var reasons = row.RecentReasons.Count == 0 ? string.Empty
            : $" — {(english ? "latest reasons" : "alasan terbaru")}: {string.Join("; ", row.RecentReasons.Select(r => $"\"{r}\""))}";
        return english
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{row.TopicId} ({row.Title}): {row.Unhelpful} 👎 of {row.Count} ratings ({row.UnhelpfulShare:P0}){reasons}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{row.TopicId} ({row.Title}): {row.Unhelpful} 👎 dari {row.Count} penilaian ({row.UnhelpfulShare:P0}){reasons}");
    }

    /// <summary>Verbs of the candidate review buttons.</summary>
    public static class FaqCandidateVerbs
    {
        public const string Accept = "faqKandidatTerima";
        public const string Reject = "faqKandidatTolak";
    }

    internal static JsonObject Channels(FaqLanguage language) =>
        AdaptiveCard.Facts(OfficialChannels.All.Select(c => (c.Label.For(language), c.Value)));

    /// <summary>An Action.Execute whose Action.Submit fallback carries the same data, so older clients act on the same ticket or topic.</summary>
    private static JsonObject Execute(string verb, string title, JsonObject data)
    {
        var action = AdaptiveCard.Execute(verb, title, data);
        var fallbackData = action["fallback"]!["data"]!.AsObject();
        foreach (var (key, value) in data)
        {
            fallbackData[key] = value?.DeepClone();
        }

        return action;
    }

    private static JsonObject Data(FaqLanguage language, params (string Key, string Value)[] fields)
    {
        var data = new JsonObject { ["lang"] = language == FaqLanguage.En ? "en" : "id" };
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }

        return data;
    }

    private static string Clip(string question) => question.Length <= MaxQuestionLength ? question : question[..MaxQuestionLength];

    private static string Href(string link) => link.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? link : "https://" + link;
}
