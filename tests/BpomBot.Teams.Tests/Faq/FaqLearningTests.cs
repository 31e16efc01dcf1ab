using System.Text.Json.Nodes;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Candidates;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Faq;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Tests.Support;

namespace BpomBot.Teams.Tests.Faq;

/// <summary>The choice band, the copyable answer, "tanya" alone, and the learning loop (offer → pick → candidate → accept → answered).</summary>
public sealed class FaqLearningTests
{
    private const string Asker = "personal-conv-1";

    /// <summary>Answers only when sure; anything with a faint match is offered as a choice.</summary>
    private static readonly FaqRetrieverOptions Strict = new() { Threshold = 0.6, CandidateThreshold = 0.01 };

    private const string HomeFoodQuestion = "usaha keripik di dapur rumah butuh pirt ga ya";

    private static JsonObject SentCard(Activity activity) => Assert.IsType<JsonObject>(Assert.Single(activity.Attachments!).Content);

    private static JsonObject ResponseCard(RecordingTurn turn)
    {
        Assert.Equal(InvokeResponse.CardType, turn.InvokeResponse!.Type);
        return Assert.IsType<JsonObject>(turn.InvokeResponse.Value);
    }

    private static async Task<JsonObject> SayAsync(FaqTestKit kit, string text, string locale = "id-ID")
    {
        var turn = FaqTestKit.Message(text, locale);
        await kit.Router().RouteAsync(turn);
        return SentCard(Assert.Single(turn.Sent));
    }

    private static async Task<RecordingTurn> ClickAsync(FaqTestKit kit, string verb, object data, string conversation = Asker)
    {
        var turn = FaqTestKit.Invoke(verb, data, conversation, locale: "id-ID");
        await kit.Router().RouteAsync(turn);
        return turn;
    }

    private static JsonArray Body(JsonObject card) => card["body"]!.AsArray();

    [Fact]
    public async Task ChoiceBand_OffersTopicsFirst_ThenChannelsOnOneLine()
    {
        var kit = new FaqTestKit(Strict);

        var card = await SayAsync(kit, HomeFoodQuestion);

        var body = Body(card);
        Assert.Contains("Mungkin maksud Anda", (string?)body[0]!["text"]);
        Assert.Equal("ActionSet", (string?)body[1]!["type"]);
        var choices = body[1]!["actions"]!.AsArray();
        Assert.InRange(choices.Count, 1, 3);
        Assert.Equal("spp-irt", (string?)choices[0]!["data"]!["topic"]);
        Assert.Equal(HomeFoodQuestion, (string?)choices[0]!["data"]!["q"]);
        Assert.Equal(3, body.Count);
        var channels = (string)body[2]!["text"]!;
        foreach (var channel in new[] { "1-500-533", "0812-1-9999-533", "0811-9181-533", "halobpom@pom.go.id", "lapor.go.id", "@BPOM_RI", "@bpom.official", "Balai Besar/Balai/Loka POM" })
        {
            Assert.Contains(channel, channels);
        }

        Assert.DoesNotContain("belum yakin", card.ToJsonString());
    }

    [Theory]
    [InlineData("tanya", "en-US", false)]
    [InlineData("tanya?", "en-US", false)]
    [InlineData("faq", "id-ID", false)]
    [InlineData("faq", "en-US", true)] // "faq" says nothing about the writer: their client's locale decides
    [InlineData("ask", "id-ID", true)]
    public async Task AskWordAlone_AsksForTheQuestion(string text, string locale, bool english)
    {
        var kit = new FaqTestKit();

        var json = (await SayAsync(kit, text, locale)).ToJsonString();

        Assert.Contains(english ? "What would you like to ask" : "Apa yang ingin Anda tanyakan", json);
        Assert.DoesNotContain("cekbpom", json);
        Assert.Empty(await kit.Candidates.ListDeclinedAsync(DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task AskWordWithQuestion_AnswersTheQuestion()
    {
        var kit = new FaqTestKit();

        var json = (await SayAsync(kit, "tanya: bagaimana cara cek produk terdaftar di bpom")).ToJsonString();

        Assert.Contains("Gunakan situs cekbpom.pom.go.id", json);
    }

    [Fact]
    public async Task Answer_HasReplyTextReadyToCopy_WithSourceAndChannels()
    {
        var kit = new FaqTestKit();

        var card = await SayAsync(kit, "bagaimana cara cek produk terdaftar di bpom");

        var reply = Body(card).Single(n => (string?)n!["id"] == "reply")!;
        var text = string.Join("\n\n", reply["items"]!.AsArray().Select(i => (string)i!["text"]!));
        Assert.Equal(FaqReply.Compose(FaqTestKit.KnowledgeBase.Find("cek-produk")!, FaqLanguage.Id), text);
        Assert.StartsWith("Gunakan situs cekbpom.pom.go.id", text, StringComparison.Ordinal);
        Assert.Contains("Sumber: https://cekbpom.pom.go.id", text);
        Assert.Contains("1-500-533", text);
        Assert.DoesNotContain("**", text);
    }

    [Fact]
    public async Task PickOfferedTopic_AcceptedByOfficer_AnswersDirectlyAfterRestart()
    {
        var first = new FaqTestKit(Strict);
        var offered = await SayAsync(first, HomeFoodQuestion);
        Assert.DoesNotContain("SPP-IRT diurus melalui OSS", offered.ToJsonString());

        var pick = await ClickAsync(first, Verbs.FaqTopic, new { topic = "spp-irt", lang = "id", q = HomeFoodQuestion });
        Assert.Contains("SPP-IRT diurus melalui OSS", ResponseCard(pick).ToJsonString());
        var candidate = Assert.Single(await first.Candidates.ListByStatusAsync(FaqCandidateStatus.Baru));
        Assert.Equal(("spp-irt", HomeFoodQuestion, FaqCandidateSource.Dipilih), (candidate.TopicId, candidate.Question, candidate.Source));

        var review = await SayAsync(first, "faq kandidat");
        Assert.Contains(candidate.Id, review.ToJsonString());
        var accept = await ClickAsync(first, FaqCards.FaqCandidateVerbs.Accept, new { candidate = candidate.Id }, FaqTestKit.ContactCentre);
        Assert.Contains("Diterima", ResponseCard(accept).ToJsonString());
        Assert.Single(first.Audit.Events, e => e.Action == "faq.candidate.accepted" && e.Subject == $"faq-candidate:{candidate.Id}");

        var restarted = new FaqTestKit(Strict, candidates: first.Candidates);
        var answered = await SayAsync(restarted, HomeFoodQuestion);

        Assert.Contains("SPP-IRT diurus melalui OSS", answered.ToJsonString());
        Assert.Contains(Body(answered), n => (string?)n!["id"] == "reply");
    }

    [Fact]
    public async Task AcceptTwice_SaysAlreadyDecided_NothingDuplicated()
    {
        var kit = new FaqTestKit(Strict);
        await ClickAsync(kit, Verbs.FaqTopic, new { topic = "spp-irt", lang = "id", q = HomeFoodQuestion });
        await ClickAsync(kit, Verbs.FaqTopic, new { topic = "spp-irt", lang = "id", q = HomeFoodQuestion + "?" });
        var id = Assert.Single(await kit.Candidates.ListByStatusAsync(FaqCandidateStatus.Baru)).Id;

        await ClickAsync(kit, FaqCards.FaqCandidateVerbs.Accept, new { candidate = id }, FaqTestKit.ContactCentre);
        var again = await ClickAsync(kit, FaqCards.FaqCandidateVerbs.Accept, new { candidate = id }, FaqTestKit.ContactCentre);

        Assert.Contains("sudah diterima", ResponseCard(again).ToJsonString());
        Assert.Single(await kit.Candidates.ListByStatusAsync(FaqCandidateStatus.Diterima));
        Assert.Single(kit.Audit.Events);
        var retriever = await kit.Index.CurrentAsync();
        Assert.Single(retriever.KnowledgeBase.Find("spp-irt")!.QuestionsId, q => q == HomeFoodQuestion);
    }

    [Fact]
    public async Task Pick_QuestionWithPhoneAndEmail_StoresItWithoutThem()
    {
        var kit = new FaqTestKit(Strict);
        const string question = "<b>pirt</b> keripik rumahan, hubungi saya 0812-3456-7890 atau budi.s@gmail.com ya";

        await ClickAsync(kit, Verbs.FaqTopic, new { topic = "spp-irt", lang = "id", q = question });

        var stored = Assert.Single(await kit.Candidates.ListByStatusAsync(FaqCandidateStatus.Baru)).Question;
        Assert.DoesNotContain("0812", stored);
        Assert.DoesNotContain("@", stored);
        Assert.DoesNotContain("<b>", stored);
        Assert.Contains("pirt keripik rumahan", stored);
    }

    [Fact]
    public async Task ThumbsDownNamingTheRightTopic_StoresCandidateForThatTopic()
    {
        var kit = new FaqTestKit();
        var card = await SayAsync(kit, "bagaimana cara cek produk terdaftar di bpom");
        Assert.Contains("\"id\":\"right\"", card.ToJsonString());

        await ClickAsync(kit, Verbs.FaqFeedback, new { topic = "cek-produk", helpful = "tidak", right = "notifikasi-kosmetik", lang = "id", q = "cek notifikasi kosmetik saya" });

        var candidate = Assert.Single(await kit.Candidates.ListByStatusAsync(FaqCandidateStatus.Baru));
        Assert.Equal(("notifikasi-kosmetik", FaqCandidateSource.Koreksi), (candidate.TopicId, candidate.Source));
        Assert.Single(kit.Feedback.Added, f => !f.Helpful);
    }

    [Fact]
    public async Task Declined_ShowsInWeeklyReport()
    {
        var kit = new FaqTestKit();
        // A citizen's question outside HALOBPOM's topics (chit-chat such as football scores never reaches the FAQ).
        await SayAsync(kit, "apakah bpom mengurus paspor");
        await SayAsync(kit, "apakah bpom mengurus paspor");

        var report = await SayAsync(kit, "faq laporan");

        var texts = Body(report).Select(n => (string?)n!["text"]).ToList();
        var heading = texts.IndexOf("Pertanyaan yang tidak terjawab minggu ini");
        Assert.True(heading > 0, string.Join(" | ", texts));
        Assert.Equal("2× \"apakah bpom mengurus paspor\" (di luar cakupan)", texts[heading + 1]);
    }

    [Fact]
    public async Task CandidateReview_NotAnOfficer_IsRefused()
    {
        var kit = new FaqTestKit(localMode: false);

        var turn = await ClickAsync(kit, FaqCards.FaqCandidateVerbs.Accept, new { candidate = "v123" }, FaqTestKit.ContactCentre);

        Assert.Equal(403, turn.InvokeResponse!.StatusCode);
    }
}
