namespace BpomBot.Domain.Faq;

/// <summary>
/// The retriever's verdict for one question. <see cref="Entry"/> is null when the bot should not guess
/// (out of scope or too uncertain); then <see cref="Candidates"/> holds close topics to offer, if any,
/// and the caller shows <see cref="Channels"/>. <see cref="Referral"/> names another agency when the question is
/// clearly its business (paspor → Kantor Imigrasi).
/// </summary>
public sealed record FaqAnswer(
    FaqEntry? Entry,
    double Confidence,
    FaqLanguage Language,
    IReadOnlyList<FaqCandidate> Candidates,
    FaqText? Referral = null)
{
    public bool IsAnswered => Entry is not null;

    /// <summary>The official channels to list: all of them when the bot does not answer, none otherwise.</summary>
    public IReadOnlyList<OfficialChannel> Channels => Entry is null ? OfficialChannels.All : [];

    /// <summary>Card text in the user's language, or null when unanswered.</summary>
    public string? AnswerText => Entry?.Answer.For(Language);
}

/// <summary>A topic close to the question, with its calibrated confidence in [0,1].</summary>
public sealed record FaqCandidate(FaqEntry Entry, double Confidence);
