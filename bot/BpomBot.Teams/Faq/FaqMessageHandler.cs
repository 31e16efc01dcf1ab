using BpomBot.Domain.Telemetry;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Candidates;
using BpomBot.Domain.Faq.Tickets;
using BpomBot.Domain.Understanding;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Faq;

/// <summary>
/// Free text that no command took: answers it from the FAQ (or offers the closest topics, or says it is not sure), and
/// handles "tanya petugas …", "tanya …", "faq laporan" and "faq kandidat". Runs just before the help fallback;
/// greetings and bare command words are left to the others.
/// </summary>
public sealed class FaqMessageHandler(
    FaqVariantIndex index,
    FaqCandidateDesk candidates,
    FaqHandOff handOff,
    FaqAccess access,
    IFaqFeedbackRepository feedback,
    IOptions<BotOptions> botOptions,
    ILogger<FaqMessageHandler> logger) : IMessageHandler
{
    public const string AskOfficerCommand = "tanya petugas";
    public const string ReportCommand = "faq laporan";
    public const string CandidatesCommand = "faq kandidat";

    /// <summary>Words that introduce a question ("tanya cara cek produk"); alone they ask for the question.</summary>
    private static readonly string[] AskWords = ["tanya", "faq", "ask", "question", "pertanyaan"];

    /// <summary>Just below the help fallback (<see cref="int.MaxValue"/>), after every explicit command and prompt.</summary>
    public int Order => int.MaxValue - 100;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Text.Trim();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var language = input.Language == Language.English ? FaqLanguage.En : FaqLanguage.Id;
        if (text.StartsWith(AskOfficerCommand, StringComparison.OrdinalIgnoreCase)
            && (text.Length == AskOfficerCommand.Length || !char.IsLetterOrDigit(text[AskOfficerCommand.Length])))
        {
            var question = text[AskOfficerCommand.Length..].TrimStart(':', ',', '-', ' ');
            var card = await handOff.HandOffAsync(turn.Activity, question, language, cancellationToken);
            await turn.SendAsync(AdaptiveCard.ToMessage(card), cancellationToken);
            return true;
        }

        if (string.Equals(string.Join(' ', words), ReportCommand, StringComparison.OrdinalIgnoreCase))
        {
            await ReportAsync(turn, language, cancellationToken);
            return true;
        }

        if (string.Equals(string.Join(' ', words), CandidatesCommand, StringComparison.OrdinalIgnoreCase))
        {
            await CandidatesAsync(turn, language, cancellationToken);
            return true;
        }

        var asked = false;
        if (AskWords.Contains(words[0].TrimEnd(':', ',', '?', '!', '.').ToLowerInvariant()))
        {
            var rest = text[words[0].Length..].TrimStart(':', ',', '-', ' ', '?');
            if (rest.Trim().Length == 0)
            {
                await turn.SendAsync(AdaptiveCard.ToMessage(FaqCards.AskForQuestion(language)), cancellationToken);
                return true;
            }

            text = rest;
            words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            asked = true;
        }

        // Never the wrong door: commands, greetings and thanks are not questions; a message read as none is answered
        // only when the FAQ knows it for sure. "tanya …" is a question whatever it says.
        var understood = input.Understood;
        if (!asked && understood.Intent != Intent.Faq && (understood.Intent != Intent.None || understood.Score >= IntentRecognizer.Threshold))
        {
            return false;
        }

        var retriever = await CurrentRetrieverAsync(cancellationToken);
        var answer = retriever.Answer(text);
        if (!asked && understood.Intent == Intent.None && answer.Entry is null && answer.Referral is null)
        {
            return false;
        }

        BpomTelemetry.FaqConfidence.Record(answer.Confidence, new KeyValuePair<string, object?>("answered", answer.IsAnswered));
        if (answer.Entry is { } entry)
        {
            logger.FaqAnswered(entry.Id, answer.Confidence);
            IReadOnlyList<FaqEntry> others = [.. answer.Candidates.Select(c => c.Entry), .. retriever.KnowledgeBase.Entries.Where(e => answer.Candidates.All(c => c.Entry.Id != e.Id)).OrderBy(e => e.Title.For(answer.Language), StringComparer.CurrentCulture)];
            await turn.SendAsync(AdaptiveCard.ToMessage(FaqCards.Answer(entry, answer.Language, text, otherTopics: others)), cancellationToken);
            return true;
        }

        if (words.Length == 1 && answer.Candidates.Count == 0 && answer.Referral is null)
        {
            // A lone unknown word is not a question: the help card explains what the bot does.
            return false;
        }

        logger.FaqNotSure(answer.Confidence, answer.Candidates.Count, answer.Referral is not null);
        await turn.SendAsync(AdaptiveCard.ToMessage(FaqCards.NotSure(answer, text)), cancellationToken);
        try
        {
            await candidates.RecordDeclinedAsync(text, (answer.Candidates.Count > 0 ? answer.Candidates[0].Entry.Id : null), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LearningStorageFailed(ex, "record declined question");
        }

        return true;
    }

    /// <summary>The shipped index merged with accepted variants; the shipped one alone when storage is unavailable.</summary>
    private async Task<FaqRetriever> CurrentRetrieverAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await index.CurrentAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LearningStorageFailed(ex, "load accepted variants");
            return index.Shipped;
        }
    }

    private async Task CandidatesAsync(ITurnContext turn, FaqLanguage language, CancellationToken cancellationToken)
    {
        var person = await access.FindAsync(turn.Activity, cancellationToken);
        if (!botOptions.Value.IsLocalMode && !(person is not null && (FaqAccess.HasRole(person, FaqAccess.OfficerRole) || FaqAccess.HasRole(person, FaqAccess.AdminRole))))
        {
            await turn.SendAsync(AdaptiveCard.ToMessage(AdaptiveCard.Create(AdaptiveCard.Text(language == FaqLanguage.En
                ? "Sorry, reviewing FAQ candidates is only for HALOBPOM officers or admins."
                : "Maaf, tinjauan kandidat FAQ hanya untuk petugas HALOBPOM atau admin."))), cancellationToken);
            return;
        }

        var pending = await candidates.PendingAsync(cancellationToken);
        await turn.SendAsync(AdaptiveCard.ToMessage(FaqCards.Candidates(pending, index.Shipped.KnowledgeBase, language: language)), cancellationToken);
    }

    private async Task ReportAsync(ITurnContext turn, FaqLanguage language, CancellationToken cancellationToken)
    {
        var person = await access.FindAsync(turn.Activity, cancellationToken);
        if (!botOptions.Value.IsLocalMode && !(person is not null && FaqAccess.HasRole(person, FaqAccess.AdminRole)))
        {
            await turn.SendAsync(AdaptiveCard.ToMessage(AdaptiveCard.Create(AdaptiveCard.Text(language == FaqLanguage.En
                ? "Sorry, the FAQ report is only available to BpomBot admins."
                : "Maaf, laporan FAQ hanya tersedia untuk admin BpomBot."))), cancellationToken);
            return;
        }

        var rows = await FaqFeedbackReport.BuildAsync(feedback, index.Shipped.KnowledgeBase.Entries, cancellationToken: cancellationToken);
        var declined = await candidates.DeclinedThisWeekAsync(cancellationToken: cancellationToken);
        await turn.SendAsync(AdaptiveCard.ToMessage(FaqCards.Report(rows, declined, language)), cancellationToken);
    }
}
