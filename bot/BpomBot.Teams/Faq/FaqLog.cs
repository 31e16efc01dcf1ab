using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Faq;

/// <summary>Structured log events of the FAQ chat. Never logs question or answer text.</summary>
internal static partial class FaqLog
{
    [LoggerMessage(1300, LogLevel.Information, "FAQ answered topic {TopicId} with confidence {Confidence}")]
    public static partial void FaqAnswered(this ILogger logger, string topicId, double confidence);

    [LoggerMessage(1301, LogLevel.Information, "FAQ not sure (confidence {Confidence}, {Candidates} candidates, referral {Referral})")]
    public static partial void FaqNotSure(this ILogger logger, double confidence, int candidates, bool referral);

    [LoggerMessage(1302, LogLevel.Information, "FAQ ticket {TicketId} created, due {DueDate}")]
    public static partial void TicketCreated(this ILogger logger, string ticketId, DateOnly? dueDate);

    [LoggerMessage(1303, LogLevel.Information, "FAQ ticket {TicketId} {Verb}: {Outcome}")]
    public static partial void TicketAction(this ILogger logger, string ticketId, string verb, string outcome);

    [LoggerMessage(1304, LogLevel.Warning, "FAQ ticket action {Verb} refused: caller is not a HALOBPOM officer in the contact-centre channel")]
    public static partial void TicketActionRefused(this ILogger logger, string verb);

    [LoggerMessage(1305, LogLevel.Warning, "Could not deliver FAQ ticket {TicketId} to the asker")]
    public static partial void AskerDeliveryFailed(this ILogger logger, Exception exception, string ticketId);

    [LoggerMessage(1306, LogLevel.Warning, "Reminder scheduling for FAQ ticket {TicketId} failed")]
    public static partial void ReminderFailed(this ILogger logger, Exception exception, string ticketId);

    [LoggerMessage(1307, LogLevel.Information, "FAQ feedback on topic {TopicId}: helpful {Helpful}")]
    public static partial void FeedbackStored(this ILogger logger, string topicId, bool helpful);

    [LoggerMessage(1308, LogLevel.Error, "Could not post FAQ ticket {TicketId} to the contact-centre channel; ticket closed")]
    public static partial void ContactCentrePostFailed(this ILogger logger, Exception exception, string ticketId);

    [LoggerMessage(1309, LogLevel.Warning, "FAQ learning storage failed during {Operation}; answering from the shipped knowledge base")]
    public static partial void LearningStorageFailed(this ILogger logger, Exception exception, string operation);

    [LoggerMessage(1310, LogLevel.Information, "FAQ candidate for topic {TopicId} from {Source}: {Outcome}")]
    public static partial void CandidateProposed(this ILogger logger, string topicId, string source, string outcome);

    [LoggerMessage(1311, LogLevel.Information, "FAQ candidate {CandidateId} reviewed: {Outcome}")]
    public static partial void CandidateReviewed(this ILogger logger, string candidateId, string outcome);
}
