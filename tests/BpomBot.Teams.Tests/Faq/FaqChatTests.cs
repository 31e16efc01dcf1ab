using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Faq;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;

namespace BpomBot.Teams.Tests.Faq;

public sealed class FaqChatTests
{
    private const string Asker = "personal-conv-1";

    private static JsonObject SentCard(Activity activity) => Assert.IsType<JsonObject>(Assert.Single(activity.Attachments!).Content);

    private static JsonObject ResponseCard(RecordingTurn turn)
    {
        Assert.Equal(InvokeResponse.CardType, turn.InvokeResponse!.Type);
        return Assert.IsType<JsonObject>(turn.InvokeResponse.Value);
    }

    private static IEnumerable<JsonNode> Actions(JsonObject card) => card["actions"]?.AsArray().Select(a => a!) ?? [];

    private static JsonNode Action(JsonObject card, string title) => Actions(card).Single(a => (string?)a["title"] == title);

    private static async Task<RecordingTurn> SayAsync(FaqTestKit kit, string text)
    {
        var turn = FaqTestKit.Message(text, "id-ID");
        await kit.Router().RouteAsync(turn);
        return turn;
    }

    private static async Task<RecordingTurn> ClickAsync(
        FaqTestKit kit, string verb, object data, string conversation = FaqTestKit.ContactCentre + ";messageid=1", string user = "aad-officer-a", string name = "Petugas A", string locale = "id-ID")
    {
        var turn = FaqTestKit.Invoke(verb, data, conversation, user, name, locale);
        await kit.Router().RouteAsync(turn);
        return turn;
    }

    private static async Task<FaqTicketRecord> HandOffAsync(FaqTestKit kit, string question = "bagaimana cara mengurus sertifikat halal untuk keripik")
    {
        await SayAsync(kit, "tanya petugas " + question);
        return Assert.Single(kit.Tickets.All);
    }

    [Fact]
    public async Task Question_ClearMatch_AnswersWithTopicLinksFeedbackAndAskOfficer()
    {
        var kit = new FaqTestKit();

        var turn = await SayAsync(kit, "bagaimana cara cek produk terdaftar di bpom?");

        var card = SentCard(Assert.Single(turn.Sent));
        var json = card.ToJsonString();
        Assert.Contains("Cara cek produk terdaftar", json);
        Assert.Contains("cekbpom.pom.go.id atau aplikasi BPOM Mobile", json);
        Assert.Contains("https://cekbpom.pom.go.id", json);
        Assert.Contains("Apakah jawaban ini membantu?", json);
        var up = Action(card, "👍");
        Assert.Equal(Verbs.FaqFeedback, (string?)up["verb"]);
        Assert.Equal("cek-produk", (string?)up["data"]!["topic"]);
        Assert.Equal("cek-produk", (string?)up["fallback"]!["data"]!["topic"]);
        var down = Action(card, "👎");
        Assert.Equal("Action.ShowCard", (string?)down["type"]);
        Assert.Contains("\"id\":\"reason\"", down["card"]!.ToJsonString());
        Assert.Equal(Verbs.FaqAskOfficer, (string?)Action(card, "Tanya petugas")["verb"]);
    }

    [Fact]
    public async Task Question_InEnglish_AnswersInEnglish()
    {
        var kit = new FaqTestKit();

        var turn = await SayAsync(kit, "how do i check if a product is registered");

        var json = SentCard(Assert.Single(turn.Sent)).ToJsonString();
        Assert.Contains("How to check a registered product", json);
        Assert.Contains("Was this answer helpful?", json);
        Assert.DoesNotContain("Apakah jawaban", json);
    }

    [Fact]
    public async Task Question_BelowThreshold_DoesNotGuess_OffersCandidatesAndChannels()
    {
        var kit = new FaqTestKit(new FaqRetrieverOptions { Threshold = 1.01, CandidateThreshold = 0.01 });

        var turn = await SayAsync(kit, "bagaimana cara cek produk terdaftar di bpom?");

        var card = SentCard(Assert.Single(turn.Sent));
        var json = card.ToJsonString();
        Assert.Contains("Mungkin maksud Anda", json);
        Assert.DoesNotContain("aplikasi BPOM Mobile", json);
        foreach (var channel in new[] { "1-500-533", "0812-1-9999-533", "0811-9181-533", "halobpom@pom.go.id", "lapor.go.id", "Balai Besar/Balai/Loka POM" })
        {
            Assert.Contains(channel, json);
        }

        var topic = card["body"]!.AsArray().Single(n => (string?)n!["type"] == "ActionSet")!["actions"]!.AsArray().First(a => (string?)a!["verb"] == Verbs.FaqTopic)!;
        Assert.Equal("cek-produk", (string?)topic["data"]!["topic"]);
        Assert.Equal("Cara cek produk terdaftar", (string?)topic["title"]);
        Assert.Contains(Actions(card), a => (string?)a["verb"] == Verbs.FaqAskOfficer);
    }

    [Fact]
    public async Task CandidateButton_ShowsThatTopicsAnswer()
    {
        var kit = new FaqTestKit();

        var turn = await ClickAsync(kit, Verbs.FaqTopic, new { topic = "spp-irt", lang = "id", q = "pirt?" }, Asker);

        Assert.Contains("SPP-IRT diurus melalui OSS", ResponseCard(turn).ToJsonString());
    }

    [Fact]
    public async Task Question_OtherAgency_NamesTheAgencyAndListsChannels()
    {
        var kit = new FaqTestKit();

        var turn = await SayAsync(kit, "bagaimana cara membuat paspor baru?");

        var json = SentCard(Assert.Single(turn.Sent)).ToJsonString();
        Assert.Contains("Kantor Imigrasi", json);
        Assert.Contains("1-500-533", json);
    }

    [Theory]
    [InlineData("halo")]
    [InlineData("mulai")]
    [InlineData("tugas saya")]
    [InlineData("xyzzy")]
    public async Task CommandOrGreeting_IsLeftToOtherHandlers(string text)
    {
        var kit = new FaqTestKit();

        var handled = await kit.MessageHandler().TryHandleAsync(FaqTestKit.Message(text), new MessageInput(text, Language.Indonesian));

        Assert.False(handled);
    }

    [Fact]
    public async Task Router_FaqRunsBeforeHelpFallback_HelpStillAnswersGreetings()
    {
        var kit = new FaqTestKit();

        var greeting = await SayAsync(kit, "halo");
        var question = await SayAsync(kit, "syarat notifikasi kosmetik apa saja?");

        Assert.Contains("Halo, saya BpomBot", SentCard(Assert.Single(greeting.Sent)).ToJsonString());
        Assert.Contains("notifkos.pom.go.id", SentCard(Assert.Single(question.Sent)).ToJsonString());
        Assert.True(kit.MessageHandler().Order < new HelpMessageHandler().Order);
    }

    [Fact]
    public async Task Feedback_ThumbsUp_StoresHelpfulAndThanks()
    {
        var kit = new FaqTestKit();

        var turn = await ClickAsync(kit, Verbs.FaqFeedback, new { topic = "cek-produk", helpful = "ya", lang = "id", q = "cek produk" }, Asker);

        var stored = Assert.Single(kit.Feedback.Added);
        Assert.Equal(new FaqFeedbackRecord("cek-produk", true, null, kit.Time.GetUtcNow()), stored);
        var card = ResponseCard(turn);
        Assert.Contains("Terima kasih atas masukan Anda", card.ToJsonString());
        Assert.DoesNotContain(Actions(card), a => (string?)a["verb"] == Verbs.FaqFeedback);
    }

    [Fact]
    public async Task Feedback_ThumbsDownWithReason_StoresReason()
    {
        var kit = new FaqTestKit();

        await ClickAsync(kit, Verbs.FaqFeedback, new { topic = "spp-irt", helpful = "tidak", lang = "id", reason = "  tidak menjawab biaya  " }, Asker);

        var stored = Assert.Single(kit.Feedback.Added);
        Assert.False(stored.Helpful);
        Assert.Equal("tidak menjawab biaya", stored.Reason);
    }

    [Fact]
    public async Task Feedback_SubmitFallback_UsesTheDataCarriedInTheFallback()
    {
        var kit = new FaqTestKit();
        var answer = SentCard(Assert.Single((await SayAsync(kit, "bagaimana cara cek produk terdaftar di bpom?")).Sent));
        var fallbackData = Action(answer, "👍")["fallback"]!["data"]!.AsObject();
        var turn = FaqTestKit.Message(string.Empty);
        turn.Activity.Text = null;
        turn.Activity.Value = System.Text.Json.JsonDocument.Parse(fallbackData.ToJsonString()).RootElement.Clone();

        await kit.Router().RouteAsync(turn);

        Assert.True(Assert.Single(kit.Feedback.Added).Helpful);
    }

    [Fact]
    public async Task Feedback_UnknownTopic_Is400AndStoresNothing()
    {
        var kit = new FaqTestKit();

        var turn = await ClickAsync(kit, Verbs.FaqFeedback, new { topic = "tidak-ada", helpful = "ya" }, Asker);

        Assert.Equal(400, turn.InvokeResponse!.StatusCode);
        Assert.Empty(kit.Feedback.Added);
    }

    [Fact]
    public async Task TanyaPetugas_NotConfigured_SaysSoListsChannelsAndStoresNothing()
    {
        var kit = new FaqTestKit(handOffConfigured: false);

        var turn = await SayAsync(kit, "tanya petugas apakah saya butuh izin untuk jual kue kering?");

        var json = SentCard(Assert.Single(turn.Sent)).ToJsonString();
        Assert.Contains("belum dikonfigurasi", json);
        Assert.Contains("1-500-533", json);
        Assert.Empty(kit.Tickets.All);
        Assert.Empty(kit.Connector.Sent);
    }

    [Fact]
    public async Task TanyaPetugas_ContactCentreUnreachable_TellsAskerAndClosesTheTicket()
    {
        var kit = new FaqTestKit();
        kit.Connector.FailFor = FaqTestKit.ContactCentre;

        var turn = await SayAsync(kit, "tanya petugas apakah saya butuh izin untuk jual kue kering?");

        var json = SentCard(Assert.Single(turn.Sent)).ToJsonString();
        Assert.Contains("belum dapat diteruskan", json);
        Assert.Contains("1-500-533", json);
        Assert.Equal(FaqTicketStatus.Ditutup, Assert.Single(kit.Tickets.All).Status);
    }

    [Fact]
    public async Task Question_InChannelWithMention_IsAnswered()
    {
        var kit = new FaqTestKit();
        var turn = new RecordingTurn(Captures.Activity("playground_message_channel_mention", b =>
        {
            var mention = b["entities"]!.AsArray().First(e => (string?)e!["type"] == "mention")!;
            b["text"] = $"{(string?)mention["text"]} syarat notifikasi kosmetik apa saja?";
        }));

        await kit.Router().RouteAsync(turn);

        Assert.Contains("notifkos.pom.go.id", SentCard(Assert.Single(turn.Sent)).ToJsonString());
    }

    [Fact]
    public async Task TanyaPetugas_WithoutQuestion_AsksForIt()
    {
        var kit = new FaqTestKit();

        var turn = await SayAsync(kit, "tanya petugas");

        Assert.Contains("Tuliskan pertanyaan Anda", SentCard(Assert.Single(turn.Sent)).ToJsonString());
        Assert.Empty(kit.Tickets.All);
    }

    [Fact]
    public async Task TanyaPetugas_Configured_StoresTicketDueIn5HkAndPostsToContactCentre()
    {
        var kit = new FaqTestKit();

        var turn = await SayAsync(kit, "tanya petugas bagaimana cara mengurus sertifikat halal untuk keripik?");

        var ticket = Assert.Single(kit.Tickets.All);
        Assert.Equal(FaqTicketStatus.Baru, ticket.Status);
        Assert.Equal("bagaimana cara mengurus sertifikat halal untuk keripik?", ticket.Question);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", ticket.AskerAadObjectId);
        Assert.Equal(new DateOnly(2026, 5, 20), ticket.DueDate); // Mon 11 May + 5 HK, skipping Kenaikan (14 May) and its cuti bersama (15 May)
        var (serviceUrl, conversationId, post) = Assert.Single(kit.Connector.Sent);
        Assert.Equal(FaqTestKit.ContactCentreServiceUrl, serviceUrl);
        Assert.Equal(FaqTestKit.ContactCentre, conversationId);
        var posted = SentCard(post);
        Assert.Contains(ticket.TicketId, posted.ToJsonString());
        Assert.Contains("2026-05-11 09:00 WIB", posted.ToJsonString());
        Assert.Contains("Permintaan informasi (5 HK)", posted.ToJsonString());
        Assert.Equal(["Ambil", "Jawab", "Tutup"], Actions(posted).Select(a => (string?)a["title"]));
        var confirmation = SentCard(Assert.Single(turn.Sent)).ToJsonString();
        Assert.Contains(ticket.TicketId, confirmation);
        Assert.Contains("5 hari kerja", confirmation);
    }

    /// <summary>
    /// The same message handled again (a turn re-run after a 412 when two messages of one conversation met on two
    /// instances, or a redelivery): one ticket, one contact-centre post, and the asker hears the same ticket number.
    /// </summary>
    [Fact]
    public async Task TanyaPetugas_SameActivityTwice_OneTicketOnePost_SameAnswer()
    {
        var kit = new FaqTestKit();
        var first = FaqTestKit.Message("tanya petugas bagaimana cara mengurus sertifikat halal untuk keripik?");
        var again = FaqTestKit.Message("tanya petugas bagaimana cara mengurus sertifikat halal untuk keripik?");
        Assert.Equal(first.Activity.Id, again.Activity.Id);

        await kit.Router().RouteAsync(first);
        kit.Time.Advance(TimeSpan.FromSeconds(3));
        await kit.Router().RouteAsync(again);

        var ticket = Assert.Single(kit.Tickets.All);
        Assert.Single(kit.Connector.Sent);
        Assert.Contains(ticket.TicketId, SentCard(Assert.Single(first.Sent)).ToJsonString());
        Assert.Contains(ticket.TicketId, SentCard(Assert.Single(again.Sent)).ToJsonString());
        Assert.Equal(ticket.TicketId, FaqHandOff.TicketIdOf(first.Activity, new DateOnly(2026, 5, 11)));
    }

    [Fact]
    public async Task TanyaPetugas_TwoMessagesWithTheSameQuestion_TwoTickets()
    {
        var kit = new FaqTestKit();
        var first = FaqTestKit.Message("tanya petugas apakah saya butuh izin untuk jual kue kering?");
        var second = FaqTestKit.Message("tanya petugas apakah saya butuh izin untuk jual kue kering?");
        second.Activity.Id = "another-activity";

        await kit.Router().RouteAsync(first);
        await kit.Router().RouteAsync(second);

        Assert.Equal(2, kit.Tickets.All.Select(t => t.TicketId).Distinct().Count());
        Assert.Equal(2, kit.Connector.Sent.Count);
    }

    [Fact]
    public async Task TanyaPetugas_SameActivityAfterTheContactCentreFailed_StillSaysItCouldNotBeForwarded_PostsNothing()
    {
        var kit = new FaqTestKit();
        kit.Connector.FailFor = FaqTestKit.ContactCentre;
        await SayAsync(kit, "tanya petugas apakah saya butuh izin untuk jual kue kering?");
        kit.Connector.FailFor = null;

        var again = await SayAsync(kit, "tanya petugas apakah saya butuh izin untuk jual kue kering?");

        Assert.Contains("belum dapat diteruskan", SentCard(Assert.Single(again.Sent)).ToJsonString());
        Assert.Equal(FaqTicketStatus.Ditutup, Assert.Single(kit.Tickets.All).Status);
        Assert.DoesNotContain(kit.Connector.Sent, s => s.ConversationId == FaqTestKit.ContactCentre);
    }

    [Fact]
    public async Task TanyaPetugas_Complaint_Gets14Hk()
    {
        var kit = new FaqTestKit();

        var ticket = await HandOffAsync(kit, "saya mau pengaduan kosmetik yang membuat kulit saya gatal");

        Assert.Equal(kit.Calendar.AddWorkingDays(new DateOnly(2026, 5, 11), 14), ticket.DueDate);
    }

    [Fact]
    public async Task TanyaPetugasButton_HandsOffTheCarriedQuestion()
    {
        var kit = new FaqTestKit();

        var turn = await ClickAsync(kit, Verbs.FaqAskOfficer, new { q = "izin edar madu hutan?", lang = "id" }, Asker, "00000000-0000-0000-0000-0000000000020", "Alex");

        Assert.Equal("izin edar madu hutan?", Assert.Single(kit.Tickets.All).Question);
        Assert.Contains("diteruskan", SentCard(Assert.Single(turn.Sent)).ToJsonString());
    }

    [Fact]
    public async Task Ambil_ByOfficer_TakesTicketAndSchedulesReminder()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);

        var turn = await ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId });

        var stored = await kit.Tickets.GetAsync(ticket.TicketId);
        Assert.Equal(FaqTicketStatus.Diambil, stored!.Status);
        Assert.Equal("aad-officer-a", stored.AssigneeAadObjectId);
        Assert.Equal(kit.Time.GetUtcNow(), stored.TakenAt);
        var card = ResponseCard(turn);
        Assert.Contains("Petugas A", card.ToJsonString());
        Assert.Equal(["Jawab", "Tutup"], Actions(card).Select(a => (string?)a["title"]));
        var reminder = Assert.Single(kit.Reminders.Scheduled);
        Assert.Equal($"ticket/{ticket.TicketId}", reminder.SubjectId);
        Assert.Equal("aad-officer-a", reminder.RecipientId);
        Assert.Equal(ticket.DueDate, reminder.DueDate);
    }

    [Fact]
    public async Task Ambil_SecondOfficer_SeesWhoTookIt()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);
        await ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId });

        var late = await ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId }, user: "aad-officer-b", name: "Petugas B");

        Assert.Contains("sudah diambil oleh Petugas A", ResponseCard(late).ToJsonString());
        Assert.Equal("aad-officer-a", (await kit.Tickets.GetAsync(ticket.TicketId))!.AssigneeAadObjectId);
    }

    [Fact]
    public async Task Ambil_TwoConcurrent_ExactlyOneWins()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);

        var results = await Task.WhenAll(
            ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId }, user: "aad-officer-a", name: "Petugas A"),
            ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId }, user: "aad-officer-b", name: "Petugas B"));

        var winner = (await kit.Tickets.GetAsync(ticket.TicketId))!.AssigneeName;
        Assert.Single(results, r => ResponseCard(r).ToJsonString().Contains("sudah diambil oleh " + winner, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jawab_DeliversAnswerToAskersOwnChat_AndCancelsReminder()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);
        await ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId });
        kit.Time.Advance(TimeSpan.FromHours(2));

        var turn = await ClickAsync(kit, Verbs.FaqTicketAnswer, new { ticket = ticket.TicketId, answer = "Sertifikat halal diurus di BPJPH melalui ptsp.halal.go.id." });

        var stored = (await kit.Tickets.GetAsync(ticket.TicketId))!;
        Assert.Equal(FaqTicketStatus.Dijawab, stored.Status);
        Assert.Equal(kit.Time.GetUtcNow(), stored.AnsweredAt);
        var (serviceUrl, conversationId, delivered) = kit.Connector.Sent[^1];
        Assert.Equal("http://localhost:56150/_connector", serviceUrl);
        Assert.Equal(Asker, conversationId);
        Assert.Contains("ptsp.halal.go.id", SentCard(delivered).ToJsonString());
        Assert.Contains($"ticket/{ticket.TicketId}", kit.Reminders.Cancelled);
        Assert.Equal(["Tutup"], Actions(ResponseCard(turn)).Select(a => (string?)a["title"]));
    }

    [Fact]
    public async Task Jawab_EmptyAnswer_IsRefusedAndNothingDelivered()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);
        var sentBefore = kit.Connector.Sent.Count;

        var turn = await ClickAsync(kit, Verbs.FaqTicketAnswer, new { ticket = ticket.TicketId, answer = "   " });

        Assert.Contains("Jawaban masih kosong", ResponseCard(turn).ToJsonString());
        Assert.Equal(FaqTicketStatus.Baru, (await kit.Tickets.GetAsync(ticket.TicketId))!.Status);
        Assert.Equal(sentBefore, kit.Connector.Sent.Count);
    }

    [Fact]
    public async Task Tutup_AfterAnswer_ClosesWithTimestampAndNoButtons()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);
        await ClickAsync(kit, Verbs.FaqTicketAnswer, new { ticket = ticket.TicketId, answer = "Silakan ke BPJPH." });
        var sentBefore = kit.Connector.Sent.Count;
        kit.Time.Advance(TimeSpan.FromDays(1));

        var turn = await ClickAsync(kit, Verbs.FaqTicketClose, new { ticket = ticket.TicketId });

        var stored = (await kit.Tickets.GetAsync(ticket.TicketId))!;
        Assert.Equal(FaqTicketStatus.Ditutup, stored.Status);
        Assert.Equal(kit.Time.GetUtcNow(), stored.ClosedAt);
        Assert.Null(ResponseCard(turn)["actions"]);
        Assert.Equal(sentBefore, kit.Connector.Sent.Count);
    }

    [Fact]
    public async Task Tutup_WithoutAnswer_TellsTheAsker()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);

        await ClickAsync(kit, Verbs.FaqTicketClose, new { ticket = ticket.TicketId });

        var (_, conversationId, delivered) = kit.Connector.Sent[^1];
        Assert.Equal(Asker, conversationId);
        Assert.Contains("ditutup", SentCard(delivered).ToJsonString());
    }

    [Fact]
    public async Task TicketAction_FromOutsideContactCentre_IsRefused()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);

        var turn = await ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId }, conversation: Asker);

        Assert.Equal(InvokeResponse.MessageType, turn.InvokeResponse!.Type);
        Assert.Contains("hanya petugas HALOBPOM", turn.InvokeResponse.Value!.ToString());
        Assert.Equal(FaqTicketStatus.Baru, (await kit.Tickets.GetAsync(ticket.TicketId))!.Status);
    }

    [Fact]
    public async Task TicketAction_RosterPersonWithoutOfficerRole_IsRefused_WithRoleAllowed()
    {
        var kit = new FaqTestKit();
        var ticket = await HandOffAsync(kit);
        kit.Roster.Add("aad-staff", "Staf Lain", "pegawai");
        kit.Roster.Add("aad-officer-c", "Petugas C", "petugas-halobpom");

        var refused = await ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId }, user: "aad-staff", name: "Staf Lain");
        var allowed = await ClickAsync(kit, Verbs.FaqTicketTake, new { ticket = ticket.TicketId }, user: "aad-officer-c", name: "Petugas C");

        Assert.Equal(InvokeResponse.MessageType, refused.InvokeResponse!.Type);
        Assert.Equal(InvokeResponse.CardType, allowed.InvokeResponse!.Type);
        Assert.Equal("aad-officer-c", (await kit.Tickets.GetAsync(ticket.TicketId))!.AssigneeAadObjectId);
    }

    [Fact]
    public async Task Laporan_LocalMode_ListsLeastHelpfulTopicsFirst()
    {
        var kit = new FaqTestKit();
        var t0 = kit.Time.GetUtcNow();
        await kit.Feedback.AddAsync(new FaqFeedbackRecord("cek-produk", false, "tautan mati", t0));
        await kit.Feedback.AddAsync(new FaqFeedbackRecord("cek-produk", true, null, t0));
        await kit.Feedback.AddAsync(new FaqFeedbackRecord("spp-irt", false, "kurang jelas", t0));
        await kit.Feedback.AddAsync(new FaqFeedbackRecord("spp-irt", false, null, t0.AddMinutes(1)));
        await kit.Feedback.AddAsync(new FaqFeedbackRecord("notifikasi-kosmetik", true, null, t0));

        var turn = await SayAsync(kit, "faq laporan");

        var lines = SentCard(Assert.Single(turn.Sent))["body"]!.AsArray().Skip(1).Select(b => (string)b!["text"]!)
            .TakeWhile(l => !l.StartsWith("Pertanyaan yang tidak terjawab", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("spp-irt", lines[0], StringComparison.Ordinal);
        Assert.Contains("2 👎 dari 2", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"kurang jelas\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("cek-produk", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Laporan_NotAdminOutsideLocalMode_IsRefused()
    {
        var kit = new FaqTestKit(localMode: false);
        var turn = FaqTestKit.Message("faq laporan", "id-ID"); // "faq laporan" shows no language: the locale decides

        await kit.Router().RouteAsync(turn);

        Assert.Contains("hanya tersedia untuk admin", SentCard(Assert.Single(turn.Sent)).ToJsonString());
    }
}
