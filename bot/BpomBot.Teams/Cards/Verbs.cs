namespace BpomBot.Teams.Cards;

/// <summary>Every <c>Action.Execute</c> verb BpomBot's cards emit. Handlers and cards share these constants.</summary>
public static class Verbs
{
    /// <summary>The "Coba" button of the help card.</summary>
    public const string Coba = "coba";

    /// <summary>👍/👎 on an FAQ answer (data: topic, helpful "ya"/"tidak", optional input "reason").</summary>
    public const string FaqFeedback = "faqFeedback";

    /// <summary>A "did you mean" topic button on a low-confidence answer (data: topic).</summary>
    public const string FaqTopic = "faqTopik";

    /// <summary>"Tanya petugas": hand the question to the HALOBPOM contact centre (data: q).</summary>
    public const string FaqAskOfficer = "faqTanyaPetugas";

    /// <summary>Contact-centre ticket card: take the ticket (data: ticket).</summary>
    public const string FaqTicketTake = "faqAmbil";

    /// <summary>Contact-centre ticket card: answer the asker (data: ticket, input "answer").</summary>
    public const string FaqTicketAnswer = "faqJawab";

    /// <summary>Contact-centre ticket card: close the ticket (data: ticket).</summary>
    public const string FaqTicketClose = "faqTutup";
}
