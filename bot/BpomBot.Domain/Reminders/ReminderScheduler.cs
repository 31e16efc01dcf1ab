using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Reminders;

/// <summary>
/// Keeps each subject's reminders in step with its due date: one state row per subject and, at any time, only the
/// next reminder moment planned as items (the sweep plans the one after when it handles them).
/// </summary>
public sealed class ReminderScheduler(
    IReminderStore store,
    ReminderPolicy policy,
    IReminderDirectory directory,
    TimeProvider timeProvider) : IReminderScheduler
{
    private const int ConflictRetries = 5;

    public async Task ScheduleAsync(ReminderSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject.SubjectId);
        var state = await UpdateSubjectAsync(
            subject.SubjectId,
            current => current is null
                ? new ReminderSubjectState(subject, 1, false, null, timeProvider.GetUtcNow())
                : current with { Subject = subject, Generation = current.Generation + 1, Cancelled = false, AcknowledgedOn = null, UpdatedAt = timeProvider.GetUtcNow() },
            cancellationToken);
        if (state is not null)
        {
            await PlanAfterAsync(state, timeProvider.GetUtcNow(), cancellationToken);
        }
    }

    public Task CancelAsync(string subjectId, CancellationToken cancellationToken = default) =>
        UpdateSubjectAsync(
            subjectId,
            current => current is null || current.Cancelled ? null : current with { Cancelled = true, UpdatedAt = timeProvider.GetUtcNow() },
            cancellationToken);

    /// <summary>
    /// "Diterima": no more reminders today for these subjects, for the person who acknowledged (only their own subjects).
    /// Returns how many subjects were acknowledged.
    /// </summary>
    public async Task<int> AcknowledgeAsync(IEnumerable<string> subjectIds, string personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var count = 0;
        foreach (var id in subjectIds.Distinct(StringComparer.Ordinal))
        {
            var saved = await UpdateSubjectAsync(
                id,
                current =>
                {
                    if (current is null || current.Cancelled || current.Subject.RecipientId != personId)
                    {
                        return null;
                    }

                    var today = LocalDate(timeProvider.GetUtcNow(), current.Subject.UnitId);
                    return current.AcknowledgedOn == today ? null : current with { AcknowledgedOn = today, UpdatedAt = timeProvider.GetUtcNow() };
                },
                cancellationToken);
            count += saved is null ? 0 : 1;
        }

        return count;
    }

    /// <summary>Plans the subject's next reminder moment strictly after <paramref name="afterUtc"/> (idempotent).</summary>
    public async Task<int> PlanAfterAsync(ReminderSubjectState state, DateTimeOffset afterUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var subject = state.Subject;
        var afterLocal = TimeZoneInfo.ConvertTime(afterUtc, directory.ZoneOf(subject.UnitId)).DateTime;
        var added = 0;
        IReadOnlyList<ReminderOccurrence> next;
        try
        {
            next = policy.Next(subject, afterLocal);
        }
        catch (Calendar.CalendarNotAvailableException)
        {
            // No HK data for that year yet: nothing can be planned honestly; scheduling again after the data arrives fixes it.
            return 0;
        }

        foreach (var occurrence in next)
        {
            var recipient = occurrence.ToAtasan
                ? await directory.FindAtasanAsync(subject.RecipientId, subject.UnitId, cancellationToken)
                : new ReminderRecipient(subject.RecipientId, subject.UnitId);
            if (recipient is null)
            {
                continue;
            }

            var dueAt = ToUtc(recipient.UnitId, occurrence.Date, occurrence.Time);
            var item = new ReminderItem(
                ReminderItem.MakeId(subject.SubjectId, state.Generation, occurrence, recipient.PersonId),
                subject.SubjectId,
                state.Generation,
                recipient.PersonId,
                recipient.UnitId,
                dueAt,
                occurrence);
            added += await store.TryAddItemAsync(item, cancellationToken) ? 1 : 0;
        }

        return added;
    }

    public DateOnly LocalDate(DateTimeOffset utc, string unitId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, directory.ZoneOf(unitId)).DateTime);

    public DateTimeOffset ToUtc(string unitId, DateOnly date, TimeOnly time)
    {
        var zone = directory.ZoneOf(unitId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<ReminderSubjectState?> UpdateSubjectAsync(
        string subjectId, Func<ReminderSubjectState?, ReminderSubjectState?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetSubjectAsync(subjectId, cancellationToken);
            if (change(current) is not { } next)
            {
                return null;
            }

            try
            {
                return await store.SaveSubjectAsync(next with { Version = current?.Version }, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < ConflictRetries)
            {
                // Re-read and apply the change to the newer state.
            }
        }
    }
}
