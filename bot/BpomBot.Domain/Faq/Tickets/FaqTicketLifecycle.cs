using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Faq.Tickets;

/// <summary>Why a ticket transition was refused.</summary>
public enum FaqTicketRefusal
{
    NotFound,
    AlreadyTaken,
    AlreadyAnswered,
    AlreadyClosed,
    EmptyAnswer,
}

/// <summary>A transition's result: the ticket as it now stands, and the refusal when nothing changed.</summary>
public sealed record FaqTicketOutcome(FaqTicketRecord? Ticket, FaqTicketRefusal? Refusal = null, bool Changed = false)
{
    public bool Succeeded => Refusal is null;
}

/// <summary>The officer acting on a ticket.</summary>
public sealed record FaqTicketActor(string Id, string Name);

/// <summary>
/// Ticket lifecycle Baru → Diambil → Dijawab → Ditutup, pure. An officer may answer a ticket still Baru (taking it
/// implicitly) and may close a ticket in any open state. Each transition stamps its time.
/// </summary>
public static class FaqTicketLifecycle
{
    /// <summary>The ticket id shown to people: short, upper case, unambiguous.</summary>
    public static string NewTicketId(DateOnly received, Guid random) =>
        $"HB-{received:yyMMdd}-{random.ToString("N")[..6].ToUpperInvariant()}";

    /// <summary>Information requests get 5 HK; a question that reads as a complaint gets 14 HK.</summary>
    public static HaloBpomRequestKind KindOf(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        string[] complaintWords = ["adu", "aduan", "mengadu", "pengaduan", "keluhan", "mengeluh", "komplain", "complaint", "complain", "lapor", "melapor", "melaporkan"];
        var words = question.ToLowerInvariant().Split([' ', ',', '.', '?', '!', ':', ';', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => complaintWords.Contains(w)) ? HaloBpomRequestKind.Complaint : HaloBpomRequestKind.Information;
    }

    public static FaqTicketOutcome Take(FaqTicketRecord ticket, FaqTicketActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(actor);
        return ticket.Status switch
        {
            FaqTicketStatus.Baru => Changed(ticket with
            {
                Status = FaqTicketStatus.Diambil, AssigneeAadObjectId = actor.Id, AssigneeName = actor.Name, TakenAt = now, UpdatedAt = now,
            }),
            FaqTicketStatus.Diambil when ticket.AssigneeAadObjectId == actor.Id => new(ticket),
            FaqTicketStatus.Diambil => new(ticket, FaqTicketRefusal.AlreadyTaken),
            FaqTicketStatus.Dijawab => new(ticket, FaqTicketRefusal.AlreadyAnswered),
            _ => new(ticket, FaqTicketRefusal.AlreadyClosed),
        };
    }

    public static FaqTicketOutcome Answer(FaqTicketRecord ticket, FaqTicketActor actor, string? answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(actor);
        return ticket.Status switch
        {
            FaqTicketStatus.Dijawab => new(ticket, FaqTicketRefusal.AlreadyAnswered),
            FaqTicketStatus.Ditutup => new(ticket, FaqTicketRefusal.AlreadyClosed),
            _ when string.IsNullOrWhiteSpace(answer) => new(ticket, FaqTicketRefusal.EmptyAnswer),
            _ => Changed(ticket with
            {
                Status = FaqTicketStatus.Dijawab,
                Answer = answer!.Trim(),
                AssigneeAadObjectId = actor.Id,
                AssigneeName = actor.Name,
                TakenAt = ticket.TakenAt ?? now,
                AnsweredAt = now,
                UpdatedAt = now,
            }),
        };
    }

    public static FaqTicketOutcome Close(FaqTicketRecord ticket, FaqTicketActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(actor);
        return ticket.Status == FaqTicketStatus.Ditutup
            ? new(ticket, FaqTicketRefusal.AlreadyClosed)
            : Changed(ticket with
            {
                Status = FaqTicketStatus.Ditutup,
                AssigneeAadObjectId = ticket.AssigneeAadObjectId ?? actor.Id,
                AssigneeName = ticket.AssigneeName ?? actor.Name,
                ClosedAt = now,
                UpdatedAt = now,
            });
    }

    private static FaqTicketOutcome Changed(FaqTicketRecord ticket) => new(ticket, null, Changed: true);
}
