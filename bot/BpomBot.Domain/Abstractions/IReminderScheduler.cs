namespace BpomBot.Domain.Abstractions;

/// <summary>
/// Keeps reminders in step with due dates. Called whenever a step, disposisi or ticket gets, changes or loses a due date.
/// Implemented by the reminders feature.
/// </summary>
public interface IReminderScheduler
{
    /// <summary>Creates or replaces the reminders for one subject (e.g. "kegiatan/{id}/A.3", "disposisi/{id}", "ticket/{id}").</summary>
    Task ScheduleAsync(ReminderSubject subject, CancellationToken cancellationToken = default);

    /// <summary>Stops all further reminders for a subject (completed, cancelled, decided).</summary>
    Task CancelAsync(string subjectId, CancellationToken cancellationToken = default);
}

/// <param name="SubjectId">Stable id of what the reminder is about.</param>
/// <param name="RecipientId">Entra object id of the person to remind.</param>
/// <param name="UnitId">The recipient's unit (zone, calendar, atasan).</param>
/// <param name="DueDate">Due date (or planned date of an N/A step) in the unit's calendar.</param>
/// <param name="Title">Short text for the reminder, e.g. "A.3 Pelaksanaan advokasi — FGD Pemda Kota X".</param>
/// <param name="Sifat">Biasa, Segera or Sangat Segera.</param>
/// <param name="IsPlannedDate">True when <paramref name="DueDate"/> is an N/A step's planned date.</param>
public sealed record ReminderSubject(
    string SubjectId,
    string RecipientId,
    string UnitId,
    DateOnly DueDate,
    string Title,
    string Sifat = "Biasa",
    bool IsPlannedDate = false);
