using System.Text.Json.Nodes;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Faq;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Proactive;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Tests.Faq;

/// <summary>
/// FAQ staff and admin refusals reach an English writer in English and an Indonesian one in Indonesian: "faq laporan" and
/// "faq kandidat" say nothing about the writer, and a ticket card has no language of its own, so the writer's known
/// language (what their messages showed, then their locale) decides.
/// </summary>
public sealed class FaqLanguageTests
{
    private const string PersonalUser = "00000000-0000-0000-0000-0000000000020"; // the Playground capture's sender
    private readonly FaqTestKit kit = new(localMode: false);
    private readonly KnownConversations known = new();
    private readonly MemoryReferences references = new();

    private ActivityRouter Router()
    {
        var access = new FaqAccess([kit.Roster], known, references);
        return new ActivityRouter(
            [
                new ConversationReferenceCapture(references, known, kit.Time),
                new FaqMessageHandler(kit.Index, kit.CandidateDesk, kit.HandOff, access, kit.Feedback, Options.Create(kit.BotOptions), NullLogger<FaqMessageHandler>.Instance),
                new HelpMessageHandler(),
            ],
            [
                new FaqTicketTakeActionHandler(kit.Desk, kit.HandOff, access, Options.Create(kit.ChatOptions), NullLogger<FaqTicketTakeActionHandler>.Instance),
                new FaqTicketAnswerActionHandler(kit.Desk, kit.HandOff, access, Options.Create(kit.ChatOptions), NullLogger<FaqTicketAnswerActionHandler>.Instance),
                new FaqTicketCloseActionHandler(kit.Desk, kit.HandOff, access, Options.Create(kit.ChatOptions), NullLogger<FaqTicketCloseActionHandler>.Instance),
                new FaqCandidateAcceptActionHandler(kit.CandidateDesk, kit.Index, access, Options.Create(kit.BotOptions), NullLogger<FaqCandidateAcceptActionHandler>.Instance),
            ],
            [],
            NullLogger<ActivityRouter>.Instance,
            known);
    }

    private async Task<RecordingTurn> SayAsync(string text, string locale = "en-US")
    {
        var turn = FaqTestKit.Message(text, locale);
        await Router().RouteAsync(turn);
        return turn;
    }

    private static string CardText(RecordingTurn turn) =>
        Assert.IsType<JsonObject>(Assert.Single(Assert.Single(turn.Sent).Attachments!).Content).ToJsonString();

    [Theory]
    [InlineData("what can you do", "faq laporan", "Sorry, the FAQ report is only available to BpomBot admins.")]
    [InlineData("apa yang bisa kamu lakukan", "faq laporan", "Maaf, laporan FAQ hanya tersedia untuk admin BpomBot.")]
    [InlineData("what can you do", "faq kandidat", "Sorry, reviewing FAQ candidates is only for HALOBPOM officers or admins.")]
    [InlineData("apa yang bisa kamu lakukan", "faq kandidat", "Maaf, tinjauan kandidat FAQ hanya untuk petugas HALOBPOM atau admin.")]
    public async Task StaffCommands_RefuseInTheWritersLanguage(string earlier, string command, string expected)
    {
        await SayAsync(earlier);

        Assert.Contains(expected, CardText(await SayAsync(command)));
    }

    [Theory]
    [InlineData("en-US", "Sorry, the FAQ report")]
    [InlineData("id-ID", "Maaf, laporan FAQ")]
    public async Task StaffCommand_FirstMessage_RefusesInTheLocalesLanguage(string locale, string expected)
    {
        Assert.Contains(expected, CardText(await SayAsync("faq laporan", locale)));
    }

    [Theory]
    [InlineData("what can you do", "Sorry, only HALOBPOM officers in the contact-centre channel can follow up this ticket.")]
    [InlineData("apa yang bisa kamu lakukan", "Maaf, hanya petugas HALOBPOM di kanal contact center yang dapat menindaklanjuti tiket ini.")]
    public async Task TicketAction_OutsideTheContactCentre_IsRefusedInTheClickersLanguage(string earlier, string expected)
    {
        await SayAsync("tanya petugas bagaimana cara mengurus sertifikat halal untuk keripik", "id-ID");
        var ticket = Assert.Single(kit.Tickets.All);
        await SayAsync(earlier);

        var click = FaqTestKit.Invoke(Verbs.FaqTicketTake, new { ticket = ticket.TicketId }, "personal-conv-1", PersonalUser, "Penanya");
        await Router().RouteAsync(click);

        Assert.Equal(InvokeResponse.MessageType, click.InvokeResponse!.Type);
        Assert.Equal(expected, click.InvokeResponse.Value!.GetValue<string>());
        Assert.Equal(Domain.Abstractions.FaqTicketStatus.Baru, (await kit.Tickets.GetAsync(ticket.TicketId))!.Status);
    }

    [Theory]
    [InlineData("tanya petugas how do I get a halal certificate for chips", false, "Answer from a HALOBPOM officer")]
    [InlineData("tanya petugas bagaimana cara mengurus sertifikat halal untuk keripik", false, "Jawaban petugas HALOBPOM")]
    [InlineData("tanya petugas how do I get a halal certificate for chips", true, "Answer from a HALOBPOM officer")] // after a restart: the stored language
    [InlineData("tanya petugas bagaimana cara mengurus sertifikat halal untuk keripik", true, "Jawaban petugas HALOBPOM")]
    public async Task OfficersAnswer_ReachesTheAskerInTheAskersLanguage(string question, bool restart, string expected)
    {
        await SayAsync(question, "id-ID");
        var ticket = Assert.Single(kit.Tickets.All);
        if (restart) known.Map.Clear();

        var click = FaqTestKit.Invoke(Verbs.FaqTicketAnswer, new { ticket = ticket.TicketId, answer = "BPJPH: ptsp.halal.go.id." }, locale: "id-ID");
        await Router().RouteAsync(click);

        var delivered = kit.Connector.Sent[^1].Activity;
        var card = Assert.IsType<JsonObject>(Assert.Single(delivered.Attachments!).Content).ToJsonString();
        Assert.Contains(expected, card);
        Assert.Contains("ptsp.halal.go.id", card);
    }

    [Theory]
    [InlineData("tanya petugas how do I get a halal certificate for chips", "was closed by a HALOBPOM officer")]
    [InlineData("tanya petugas bagaimana cara mengurus sertifikat halal untuk keripik", "ditutup oleh petugas HALOBPOM")]
    public async Task ClosedWithoutAnswer_TellsTheAskerInTheAskersLanguage(string question, string expected)
    {
        await SayAsync(question, "id-ID");
        var ticket = Assert.Single(kit.Tickets.All);

        await Router().RouteAsync(FaqTestKit.Invoke(Verbs.FaqTicketClose, new { ticket = ticket.TicketId }, locale: "id-ID"));

        Assert.Contains(expected, Assert.Single(kit.Connector.Sent[^1].Activity.Attachments!).Content!.ToString());
    }

    [Theory]
    [InlineData("what can you do", "FAQ report: the least helpful topics", "Candidate FAQ question variants (0 waiting)", "Candidate v404 not found.")]
    [InlineData("apa yang bisa kamu lakukan", "Laporan FAQ: topik yang paling kurang membantu", "Kandidat variasi pertanyaan FAQ (0 menunggu)", "Kandidat v404 tidak ditemukan.")]
    public async Task AdminViews_AreInTheAdminsLanguage(string earlier, string report, string candidates, string notFound)
    {
        kit.Roster.Add(PersonalUser, "Admin FAQ", "admin");
        await SayAsync(earlier);

        Assert.Contains(report, CardText(await SayAsync("faq laporan")));
        var review = CardText(await SayAsync("faq kandidat"));
        Assert.Contains(candidates, review);

        // A review button carries its card's language.
        var lang = report.StartsWith("FAQ", StringComparison.Ordinal) ? "en" : "id";
        var click = FaqTestKit.Invoke(FaqCards.FaqCandidateVerbs.Accept, new { candidate = "v404", lang }, "personal-conv-1", PersonalUser, "Admin FAQ", locale: lang == "en" ? "id-ID" : "en-US");
        await Router().RouteAsync(click);
        Assert.Contains(notFound, Assert.IsType<JsonObject>(click.InvokeResponse!.Value).ToJsonString());
    }

    [Theory]
    [InlineData("tanya petugas how do I get a halal certificate for chips", "Answer by", " May 2026")]
    [InlineData("tanya petugas bagaimana cara mengurus sertifikat halal untuk keripik", "Target jawaban", " Mei 2026")]
    public async Task HandedOff_ShowsTheDueDateInTheAskersLanguage(string question, string label, string month)
    {
        var card = CardText(await SayAsync(question));

        Assert.Contains(label, card);
        Assert.Contains(month, card);
    }
}
